// What the chemistry-meeting browser tests share: reading the error summary and the
// notification banner the way a person would, and the date boxes for a day relative to today.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
export { dateParts } from '../../test/support/dates.ts';

export async function expectErrorSummary(page: Page, message: string | RegExp): Promise<void> {
  assert.match(await page.title(), /^Error: /);
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: message }).waitFor();
}

export async function expectBanner(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('heading', { name: title }).waitFor();
}


