// Meeting times as people type them in the UK, turned into instants across the clock changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { londonInstant, meetingFieldValues, parseTimeOfDay } from './meeting-time.ts';

test('times of day in the ways people write them', () => {
  assert.deepEqual(parseTimeOfDay('14:30'), { hours: 14, minutes: 30 });
  assert.deepEqual(parseTimeOfDay('2:30pm'), { hours: 14, minutes: 30 });
  assert.deepEqual(parseTimeOfDay('2.30 PM'), { hours: 14, minutes: 30 });
  assert.deepEqual(parseTimeOfDay('9am'), { hours: 9, minutes: 0 });
  assert.deepEqual(parseTimeOfDay('12am'), { hours: 0, minutes: 0 });
  assert.deepEqual(parseTimeOfDay('12pm'), { hours: 12, minutes: 0 });
  assert.deepEqual(parseTimeOfDay('midday'), { hours: 12, minutes: 0 });
  for (const bad of ['', '2', '25:00', '13pm', '9:60', 'teatime', '0am']) assert.equal(parseTimeOfDay(bad), null, bad);
});

test('London wall-clock time in winter (GMT) and summer (BST)', () => {
  assert.equal(londonInstant('2027-01-15', 14, 30).toISOString(), '2027-01-15T14:30:00.000Z');
  assert.equal(londonInstant('2027-07-15', 14, 30).toISOString(), '2027-07-15T13:30:00.000Z');
  // The clocks go forward at 1am GMT on 28 March 2027: 9am that day is already BST.
  assert.equal(londonInstant('2027-03-28', 9, 0).toISOString(), '2027-03-28T08:00:00.000Z');
  assert.equal(londonInstant('2027-10-31', 9, 0).toISOString(), '2027-10-31T09:00:00.000Z');
});

test('a stored instant back into the form\'s fields, in London time', () => {
  assert.deepEqual(meetingFieldValues('meetingDate', new Date('2027-07-15T13:30:00.000Z')), {
    'meetingDate-day': '15', 'meetingDate-month': '7', 'meetingDate-year': '2027', meetingTime: '14:30',
  });
  assert.deepEqual(meetingFieldValues('meetingDate', null), {});
});
