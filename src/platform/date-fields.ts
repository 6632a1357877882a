// The nhsuk date input: three boxes (day, month, year) read back as one 'YYYY-MM-DD' date, with the
// service manual's messages ("Date you completed the training must include a month", "… must be a
// real date"). https://service-manual.nhs.uk/design-system/components/date-input
//
// Each box is a form field of its own, named and id'd `<name>-day`, `<name>-month`, `<name>-year`,
// so what was typed is kept like any other field and the error summary can link to the first box
// that needs fixing. A form's schema keeps the boxes (z.looseObject) and calls refineDate in its
// superRefine, so a date's message appears together with the other fields' messages.
import type { z } from 'zod';

export type DatePart = 'day' | 'month' | 'year';
const PARTS: DatePart[] = ['day', 'month', 'year'];

export function partField(name: string, part: DatePart): string {
  return `${name}-${part}`;
}

/** The three boxes' fields in page order, for a form's fieldOrder. */
export function dateFieldNames(name: string): string[] {
  return PARTS.map((part) => partField(name, part));
}

export interface DateRules {
  /** How the date is named at the start of a message: "Date you completed the training". */
  label: string;
  /** The message when nothing is entered; leave out for an optional date. */
  requiredMessage?: string;
  /** Dates after today (in the UK) are refused: "… must be in the past". */
  notInFuture?: boolean;
}

export type DateCheck =
  | { ok: true; value: string | null }
  | { ok: false; field: string; message: string; parts: DatePart[] };

/** Today's date in the UK, as 'YYYY-MM-DD'. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function joinParts(parts: DatePart[]): string {
  const words = parts.map((part) => `a ${part}`);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}` : (words[0] ?? '');
}

/** Reads one date from the form values and says what is wrong with it, if anything. */
export function checkDate(values: Record<string, unknown>, name: string, rules: DateRules): DateCheck {
  const raw = Object.fromEntries(PARTS.map((part) => [part, String(values[partField(name, part)] ?? '').trim()])) as Record<DatePart, string>;
  const missing = PARTS.filter((part) => raw[part] === '');
  const fail = (parts: DatePart[], message: string): DateCheck => ({ ok: false, field: partField(name, parts[0] ?? 'day'), message, parts });

  if (missing.length === 3) {
    return rules.requiredMessage ? fail(['day', 'month', 'year'], rules.requiredMessage) : { ok: true, value: null };
  }
  if (missing.length > 0) return fail(missing, `${rules.label} must include ${joinParts(missing)}`);

  const notNumbers = PARTS.filter((part) => !/^\d+$/.test(raw[part]));
  if (notNumbers.length > 0) return fail(notNumbers, `${rules.label} must be a real date`);
  if (raw.year.length !== 4) return fail(['year'], 'Year must include 4 numbers');

  const day = Number(raw.day);
  const month = Number(raw.month);
  const year = Number(raw.year);
  // Date.UTC rolls 31 February over into March; a real date comes back unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!isReal) return fail(['day', 'month', 'year'], `${rules.label} must be a real date`);

  const value = `${raw.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (rules.notInFuture && value > todayInLondon()) return fail(['day', 'month', 'year'], `${rules.label} must be in the past`);
  return { ok: true, value };
}

/**
 * For a schema's superRefine: reports a bad date as an issue on its first wrong box and returns
 * the date (or null when an optional date is left empty, or when it is wrong).
 */
export function refineDate(values: Record<string, unknown>, ctx: z.RefinementCtx, name: string, rules: DateRules): string | null {
  const result = checkDate(values, name, rules);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', path: [result.field], message: result.message });
  return null;
}

/** A stored 'YYYY-MM-DD' date as the three boxes' values, for editing: { 'x-day': '7', … }. */
export function dateFieldValues(name: string, value: string | null): Record<string, string> {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return {};
  return { [partField(name, 'day')]: String(Number(match[3])), [partField(name, 'month')]: String(Number(match[2])), [partField(name, 'year')]: match[1] ?? '' };
}
