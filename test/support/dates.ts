// Dates as people type them into the nhsuk date input: a day `days` from today (negative: in the
// past), in UK time, as the day, month and year boxes.
import { todayInLondon } from '../../src/platform/date-fields.ts';

export function dateParts(days: number): [string, string, string] {
  const [year, month, day] = todayInLondon(new Date(Date.now() + days * 86_400_000)).split('-');
  return [String(Number(day)), String(Number(month)), year ?? ''];
}

/** The three boxes of the date input called `name`, as a form body. */
export function dateBoxes(name: string, days: number): Record<string, string> {
  const [day, month, year] = dateParts(days);
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}
