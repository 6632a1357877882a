// Dates and times in NHS style: "22 November 2026", "2:14pm", "22 November 2026 at 2:14pm"
// (https://service-manual.nhs.uk/content/numbers-measurements-dates-time), always in UK time.
// Used by the page filters (platform/views.ts) and by messages built in TypeScript.
const zone = 'Europe/London';
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
// hourCycle, not hour12: en-GB with hour12 writes 12:49pm as "0:49 pm".
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: zone });

export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

export function formatTime(value: Date | string): string {
  return timeFormat.format(new Date(value)).replace(/\s/g, '').toLowerCase();
}

export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}

/** "at 2:14pm" today, "on 3 March 2026 at 2:14pm" another day. */
export function formatWhen(value: Date, now = new Date()): string {
  return formatDate(value) === formatDate(now) ? `at ${formatTime(value)}` : `on ${formatDateTime(value)}`;
}
