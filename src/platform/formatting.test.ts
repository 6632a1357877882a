import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatTime, formatWhen } from './formatting.ts';

test('NHS style dates and times, in UK time', () => {
  assert.equal(formatDate(new Date('2026-11-22T12:00:00Z')), '22 November 2026');
  assert.equal(formatTime(new Date('2026-11-22T12:49:00Z')), '12:49pm');
  assert.equal(formatTime(new Date('2026-11-22T00:05:00Z')), '12:05am');
  // British Summer Time: 13:30 UTC is 2:30pm in London.
  assert.equal(formatDateTime(new Date('2026-06-01T13:30:00Z')), '1 June 2026 at 2:30pm');
});

test('when something happened, relative to today', () => {
  const now = new Date('2026-11-22T15:00:00Z');
  assert.equal(formatWhen(new Date('2026-11-22T14:14:00Z'), now), 'at 2:14pm');
  assert.equal(formatWhen(new Date('2026-03-03T14:14:00Z'), now), 'on 3 March 2026 at 2:14pm');
});
