// Recording that sessions happened (marking a scheduled one as held, or recording one held outside
// the platform) and who may do anything at all: only the pair, only while the relationship is
// active, and only with the relationship's own sessions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs } from '../testing.ts';
import {
  calendarsTo, dateBoxes, relationshipRow, scheduleForm, scheduleOrFail, sessionCount, sessionPath, sessionRow, sessionsPath, startIn, startedDaysAgo, templatesTo,
} from './testing.ts';
import { modeId } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

test('a session can be marked as held only once it has started; then it counts and health is green again', async () => {
  const pair = await buildRelationship(t);
  await startedDaysAgo(t, pair.relationshipId, 70);
  await t.db.updateTable('relationships').set({ health: 'red' }).where('id', '=', pair.relationshipId).execute();
  const id = await scheduleOrFail(t, pair, pair.mentor, 3);

  const early = await postAs(pair.mentee, `${sessionPath(pair, id)}/held`);
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /has not started yet/);
  assert.match(early.body, /Nothing has been changed/);
  assert.equal((await sessionRow(t, id)).status, 'scheduled');

  await startIn(t, id, -30);
  const page = await pair.mentee.client.get(sessionPath(pair, id));
  assert.match(page.body, /Mark as held/);
  assert.match(page.body, /Your reflection on this session/);
  const held = await postAs(pair.mentee, `${sessionPath(pair, id)}/held`);
  assert.equal(held.statusCode, 302);
  const row = await sessionRow(t, id);
  assert.equal(row.status, 'held');
  const relationship = await relationshipRow(t, pair.relationshipId);
  assert.equal(relationship.last_session_at?.getTime(), row.starts_at.getTime());
  assert.equal(relationship.health, 'green');

  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, id)}/held`)).statusCode, 409, 'only once');
  const reschedule = await postAs(pair.mentor, `${sessionPath(pair, id)}/reschedule`, await scheduleForm(t, 5));
  assert.equal(reschedule.statusCode, 409, 'a held session cannot be rescheduled');
  assert.match(reschedule.body, /already been marked as held/);
  const mentorPage = await pair.mentor.client.get(sessionPath(pair, id));
  assert.match(mentorPage.body, /reflection, if they choose to share it/);
  assert.match(mentorPage.body, /Notes and agreed actions for this session/);
});

test('a session held outside the platform is recorded as held, with no calendar, and sets the last session date', async () => {
  const pair = await buildRelationship(t);
  const form = { ...dateBoxes(-3), sessionTime: '10:00', sessionMinutes: '45', sessionMode: await modeId(t, 'phone') };
  const future = await postAs(pair.mentor, `${sessionsPath(pair)}/log`, { ...form, ...dateBoxes(2) });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /Date of the session must be in the past/);
  assert.match(future.body, /value="45"/);
  assert.equal(await sessionCount(t, pair.relationshipId), 0);

  const logged = await postAs(pair.mentor, `${sessionsPath(pair)}/log`, form);
  assert.equal(logged.statusCode, 302);
  const [row] = await t.db.selectFrom('mentoring_sessions').selectAll().where('relationship_id', '=', pair.relationshipId).execute();
  assert.ok(row);
  assert.equal(row.status, 'held');
  assert.equal(row.logged, true);
  assert.equal(row.duration_minutes, 45);
  assert.equal((await relationshipRow(t, pair.relationshipId)).last_session_at?.getTime(), row.starts_at.getTime());
  assert.deepEqual(await calendarsTo(t, pair.mentee.user), []);
  assert.deepEqual(await templatesTo(t, pair.mentee.user), []);
  const list = await pair.mentee.client.get(sessionsPath(pair));
  assert.match(list.body, /Past and cancelled sessions[\s\S]*Held \(recorded afterwards\)/);
});

test('nobody but the pair reaches a session: the same 404 as for one that does not exist', async () => {
  const pair = await buildRelationship(t);
  const other = await buildRelationship(t, { programmeId: pair.programmeId });
  const id = await scheduleOrFail(t, pair, pair.mentee);
  const others = await buildOutsiders(t, pair.programmeId);
  for (const [who, party] of Object.entries(others)) {
    for (const path of [sessionsPath(pair), sessionPath(pair, id), `${sessionsPath(pair)}/new`, `${sessionPath(pair, id)}/reschedule`]) {
      assert.equal((await party.client.get(path)).statusCode, 404, `${who} ${path}`);
    }
    assert.equal((await postAs(party, `${sessionPath(pair, id)}/cancel`, {})).statusCode, 404, who);
    assert.equal((await postAs(party, `${sessionsPath(pair)}/new`, await scheduleForm(t, 3))).statusCode, 404, who);
  }
  // A session of one relationship, through another relationship's address.
  assert.equal((await other.mentee.client.get(sessionPath(other, id))).statusCode, 404);
  assert.equal((await postAs(other.mentee, `${sessionPath(other, id)}/cancel`, {})).statusCode, 404);
  assert.equal((await pair.mentee.client.get(`${sessionsPath(pair)}/not-an-id`)).statusCode, 404);
  assert.equal((await sessionRow(t, id)).status, 'scheduled');
  assert.equal(await sessionCount(t, pair.relationshipId), 1);
});

test('an ended relationship\'s sessions can be read but not changed (409)', async () => {
  const pair = await buildRelationship(t);
  const id = await scheduleOrFail(t, pair, pair.mentee);
  await endDirectly(t, pair.relationshipId);
  const before = (await templatesTo(t, pair.mentor.user)).length;

  assert.equal((await pair.mentee.client.get(sessionPath(pair, id))).statusCode, 200);
  const list = await pair.mentee.client.get(sessionsPath(pair));
  assert.doesNotMatch(list.body, /Schedule a session/);
  const schedule = await postAs(pair.mentee, `${sessionsPath(pair)}/new`, await scheduleForm(t, 3));
  assert.equal(schedule.statusCode, 409);
  assert.match(schedule.body, /has ended/);
  assert.equal((await pair.mentee.client.get(`${sessionsPath(pair)}/new`)).statusCode, 409);
  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, id)}/cancel`, {})).statusCode, 409);
  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, id)}/reschedule`, await scheduleForm(t, 4))).statusCode, 409);
  const log = await postAs(pair.mentor, `${sessionsPath(pair)}/log`, { ...dateBoxes(-1), sessionTime: '10:00', sessionMinutes: '45', sessionMode: await modeId(t, 'phone') });
  assert.equal(log.statusCode, 409);
  assert.equal(await sessionCount(t, pair.relationshipId), 1);
  assert.equal((await sessionRow(t, id)).status, 'scheduled');
  assert.equal((await templatesTo(t, pair.mentor.user)).length, before, 'nothing sent');
});

test('a session that started before the relationship ended can still be marked as held, by the pair only; later ones cannot', async () => {
  const pair = await buildRelationship(t);
  const before = await scheduleOrFail(t, pair, pair.mentee, 3);
  const after = await scheduleOrFail(t, pair, pair.mentee, 4);
  await startIn(t, before, -120);
  await startIn(t, after, -30);
  await endDirectly(t, pair.relationshipId);
  await t.db.updateTable('relationships').set({ ended_at: new Date(Date.now() - 60 * 60_000) }).where('id', '=', pair.relationshipId).execute();

  const page = await pair.mentor.client.get(sessionPath(pair, before));
  assert.match(page.body, /Mark as held/);
  assert.doesNotMatch((await pair.mentor.client.get(sessionPath(pair, after))).body, /Mark as held/);
  const { otherMentor } = await buildOutsiders(t, pair.programmeId);
  assert.equal((await postAs(otherMentor, `${sessionPath(pair, before)}/held`)).statusCode, 404);

  const late = await postAs(pair.mentee, `${sessionPath(pair, after)}/held`);
  assert.equal(late.statusCode, 409, 'it started after the end');
  assert.match(late.body, /has ended/);
  assert.equal((await sessionRow(t, after)).status, 'scheduled');

  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, before)}/held`)).statusCode, 302);
  const row = await sessionRow(t, before);
  assert.equal(row.status, 'held');
  assert.equal((await relationshipRow(t, pair.relationshipId)).last_session_at?.getTime(), row.starts_at.getTime());
  assert.equal((await postAs(pair.mentee, `${sessionPath(pair, before)}/held`)).statusCode, 409, 'only once');
  assert.equal((await postAs(pair.mentee, `${sessionPath(pair, after)}/cancel`, {})).statusCode, 409, 'nothing else changes');
});
