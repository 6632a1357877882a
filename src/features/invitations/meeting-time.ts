// A meeting's date and time as people type them in the UK ("2:30pm", "14:30") and as the calendar
// needs them (an instant). The three date boxes are read by platform/date-fields.ts; this adds the
// time and turns London wall-clock time into UTC across the clock changes.
// https://service-manual.nhs.uk/content/numbers-measurements-dates-time
const ZONE = 'Europe/London';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

function londonFields(at: Date): Record<string, number> {
  return Object.fromEntries(parts.formatToParts(at).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
}

/** Minutes London is ahead of UTC at that instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const f = londonFields(at);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** 'YYYY-MM-DD' and a time of day in London, as an instant. */
export function londonInstant(date: string, hours: number, minutes: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wallClock = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hours, minutes);
  const first = wallClock - londonOffsetMinutes(new Date(wallClock)) * 60_000;
  // Near a clock change the offset at the guess can differ from the offset at the answer.
  return new Date(wallClock - londonOffsetMinutes(new Date(first)) * 60_000);
}

/** "14:30", "2:30pm", "2.30 pm", "2pm", "midday" → hours and minutes; null when it is not a time. */
export function parseTimeOfDay(text: string): { hours: number; minutes: number } | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, '');
  if (value === 'midday' || value === 'noon' || value === '12noon') return { hours: 12, minutes: 0 };
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(value);
  if (!match) return null;
  const hour = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const suffix = match[3];
  if (minutes > 59) return null;
  if (suffix) {
    if (hour < 1 || hour > 12) return null;
    return { hours: (hour % 12) + (suffix === 'pm' ? 12 : 0), minutes };
  }
  // Without am or pm, "2" is ambiguous; "14:30" is not.
  if (match[2] === undefined || hour > 23) return null;
  return { hours: hour, minutes };
}

/** A stored instant as the form's fields: the three date boxes and "14:30", in London time. */
export function meetingFieldValues(name: string, at: Date | null): Record<string, string> {
  if (!at) return {};
  const f = londonFields(at);
  return {
    [`${name}-day`]: String(f.day), [`${name}-month`]: String(f.month), [`${name}-year`]: String(f.year),
    meetingTime: `${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}`,
  };
}
