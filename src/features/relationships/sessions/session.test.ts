// Scheduling, rescheduling and cancelling sessions: both parties get the calendar invitation with one
// stable UID and a SEQUENCE that only goes up; bad input is refused with the NHS messages and
// changes nothing; emails and calendars carry the date and time only, never the place or agenda.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildRelationship, postAs } from '../testing.ts';
import {
  SECRET_AGENDA, SECRET_PLACE, allEmailText, calendarsTo, scheduleForm, scheduleOrFail, sessionCount, sessionPath, sessionRow, sessionsPath, templatesTo,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const SECRET_CANCEL = 'CANCEL-MARKER-6f0a: my shift pattern changed, sorry';

test('scheduling sends both parties a calendar invitation with the session\'s own UID, and no place or agenda', async () => {
  const pair = await buildRelationship(t);
  const id = await scheduleOrFail(t, pair, pair.mentee);
  const row = await sessionRow(t, id);
  assert.equal(row.status, 'scheduled');
  assert.equal(row.ics_sequence, 0);
  assert.equal(row.duration_minutes, 60);
  assert.equal(row.created_by, pair.mentee.user.id);

  for (const person of [pair.mentee.user, pair.mentor.user]) {
    assert.deepEqual(await templatesTo(t, person), ['sessionScheduled']);
    const calendars = await calendarsTo(t, person);
    assert.equal(calendars.length, 1);
    const [request] = calendars;
    assert.equal(request?.method, 'REQUEST');
    assert.equal(request?.event.uid, `session-${id}@localhost`);
    assert.equal(Number(request?.event.sequence), 0);
    assert.equal(request?.event.start.getTime(), row.starts_at.getTime());
    assert.equal((request?.event.end?.getTime() ?? 0) - (request?.event.start.getTime() ?? 0), 60 * 60_000);
    assert.equal(String(request?.event.location), 'Face to face');
  }
  const emails = await allEmailText(t);
  assert.ok(!emails.includes('PLACE-MARKER') && !emails.includes('AGENDA-MARKER'), 'no place or agenda in any email or calendar');

  for (const party of [pair.mentee, pair.mentor]) {
    const page = await party.client.get(sessionPath(pair, id));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(SECRET_PLACE));
    assert.ok(page.body.includes(SECRET_AGENDA));
    assert.match(page.body, /Who can see this:/);
    assert.match(page.body, /Scheduled/);
    assert.match(page.body, /Reschedule the session/);
    assert.doesNotMatch(page.body, /Mark as held/, 'not before it has started');
    const list = await party.client.get(sessionsPath(pair));
    assert.match(list.body, /Upcoming sessions[\s\S]*60 minutes[\s\S]*Face to face/);
  }
});

test('rescheduling re-sends the invitation with the same UID and a higher SEQUENCE; cancelling sends CANCEL', async () => {
  const pair = await buildRelationship(t);
  const id = await scheduleOrFail(t, pair, pair.mentor);
  const uid = `session-${id}@localhost`;

  const form = await pair.mentee.client.get(`${sessionPath(pair, id)}/reschedule`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="14:30"/, 'the form starts from the session as it is');
  const moved = await postAs(pair.mentee, `${sessionPath(pair, id)}/reschedule`, await scheduleForm(t, 9, { sessionTime: '09:15', sessionMinutes: '45', sequence: '0' }));
  assert.equal(moved.statusCode, 302);
  assert.equal((await sessionRow(t, id)).ics_sequence, 1);
  assert.equal((await sessionRow(t, id)).duration_minutes, 45);

  const stale = await postAs(pair.mentor, `${sessionPath(pair, id)}/reschedule`, await scheduleForm(t, 10, { sequence: '0' }));
  assert.equal(stale.statusCode, 409, 'a form opened before the other party\'s change is refused');
  assert.match(stale.body, /changed since you opened the form/);
  assert.equal((await sessionRow(t, id)).duration_minutes, 45);

  const cancelled = await postAs(pair.mentor, `${sessionPath(pair, id)}/cancel`, { message: SECRET_CANCEL });
  assert.equal(cancelled.statusCode, 302);
  const row = await sessionRow(t, id);
  assert.equal(row.status, 'cancelled');
  assert.equal(row.ics_sequence, 2);

  for (const person of [pair.mentee.user, pair.mentor.user]) {
    const calendars = await calendarsTo(t, person);
    assert.deepEqual(calendars.map((c) => c.method), ['REQUEST', 'REQUEST', 'CANCEL']);
    assert.deepEqual(calendars.map((c) => c.event.uid), [uid, uid, uid]);
    assert.deepEqual(calendars.map((c) => Number(c.event.sequence)), [0, 1, 2], 'SEQUENCE only goes up');
    assert.deepEqual(await templatesTo(t, person), ['sessionScheduled', 'sessionRescheduled', 'sessionCancelled']);
  }
  const menteePage = await pair.mentee.client.get(sessionPath(pair, id));
  assert.ok(menteePage.body.includes(SECRET_CANCEL), 'the other party reads the message on the page');
  assert.match(menteePage.body, /Cancelled/);
  assert.ok(!(await allEmailText(t)).includes('CANCEL-MARKER'), 'the message is never emailed');

  const again = await postAs(pair.mentee, `${sessionPath(pair, id)}/reschedule`, await scheduleForm(t, 9, { sequence: '2' }));
  assert.equal(again.statusCode, 409, 'a cancelled session cannot be rescheduled');
  assert.match(again.body, /has been cancelled/);
  assert.equal((await pair.mentee.client.get(`${sessionPath(pair, id)}/reschedule`)).statusCode, 409);
  assert.equal((await postAs(pair.mentee, `${sessionPath(pair, id)}/cancel`, {})).statusCode, 409);
  assert.equal((await calendarsTo(t, pair.mentee.user)).length, 3, 'nothing more sent');
});

test('bad input: 400 with the NHS messages, what was typed kept, and nothing written or sent', async () => {
  const pair = await buildRelationship(t);
  const path = `${sessionsPath(pair)}/new`;
  const cases: [Record<string, string>, string][] = [
    [{ sessionMinutes: '200' }, 'Meeting length must be between 15 and 180 minutes'],
    [{ 'sessionDate-year': '2020' }, 'Date of the session must be today or in the future'],
    [{ sessionTime: '25:99' }, 'Enter the time of the session, like 2:30pm or 14:30'],
    [{ sessionMode: '' }, 'Choose how you will meet'],
    [{ location: 'x'.repeat(301) }, 'Place or video link must be 300 characters or fewer'],
    // A place with a space or a NUL character at the end, next to a wrong date: still a 400, never a crash.
    [{ 'sessionDate-year': '2020', location: 'the library \u0000' }, 'Date of the session must be today or in the future'],
  ];
  for (const [change, message] of cases) {
    const response = await postAs(pair.mentee, path, await scheduleForm(t, 5, change));
    assert.equal(response.statusCode, 400, message);
    assert.ok(response.body.includes(message), message);
    assert.match(response.body, /<title>Error: /);
    assert.match(response.body, /There is a problem/);
    assert.ok(response.body.includes(SECRET_AGENDA), 'the agenda typed is kept');
  }
  const long = await postAs(pair.mentee, path, await scheduleForm(t, 5, { sessionMinutes: '200' }));
  assert.match(long.body, /id="sessionMinutes"[^>]*value="200"|value="200"[^>]*id="sessionMinutes"/);
  assert.equal(await sessionCount(t, pair.relationshipId), 0);
  assert.deepEqual(await templatesTo(t, pair.mentor.user), []);
});

test('the GROW template is offered pre-filled, without JavaScript', async () => {
  const pair = await buildRelationship(t);
  const plain = await pair.mentor.client.get(`${sessionsPath(pair)}/new`);
  assert.match(plain.body, /Start the agenda from the GROW template/);
  assert.match(plain.body, /value="60"/, 'an hour by default');
  const grow = await pair.mentor.client.get(`${sessionsPath(pair)}/new?template=grow`);
  assert.match(grow.body, /Goal: what do we want to get out of this session\?/);
});
