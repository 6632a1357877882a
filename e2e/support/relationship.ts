// What the relationship browser test shares: filling in a session's time as a person would, and
// moving between the relationship's pages through its own navigation.
import type { Page } from 'playwright-core';
import { dateParts } from './chemistry.ts';

/** The date, start time, length and mode boxes of the schedule, reschedule and record forms. */
export async function fillSessionTime(page: Page, when: { days: number; time: string; minutes: string; mode?: string }): Promise<void> {
  const [day, month, year] = dateParts(when.days);
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
  await page.getByLabel('Start time').fill(when.time);
  await page.getByLabel('How long').fill(when.minutes);
  if (when.mode) await page.getByRole('radio', { name: when.mode, exact: true }).check();
}

/** Follows an item of the relationship's own navigation and waits for the page's main heading. */
export async function openSection(page: Page, item: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'This mentoring relationship' }).getByRole('link', { name: item, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
