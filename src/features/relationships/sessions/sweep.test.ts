// The session reminders and reflection prompts, called directly after moving times with SQL: each is
// sent once, even when sweeps run at the same moment or again later, and only when due.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { sweepSessions } from './sweep.ts';
import { buildRelationship, postAs } from '../testing.ts';
import { allEmailText, emailsTo, scheduleOrFail, sessionPath, sessionRow, startIn, templatesTo } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const sweep = () => sweepSessions({ db: t.db, jobs: t.jobs, views: t.app.views, config: t.config }, new Date());
const count = (templates: string[], name: string) => templates.filter((template) => template === name).length;

test('24 hours before a session both parties are reminded once, even when sweeps run at the same moment', async () => {
  const pair = await buildRelationship(t);
  const id = await scheduleOrFail(t, pair, pair.mentee, 3);
  const cancelled = await scheduleOrFail(t, pair, pair.mentee, 4);
  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, cancelled)}/cancel`, {})).statusCode, 302);
  await sweep();
  assert.equal(count(await templatesTo(t, pair.mentee.user), 'sessionReminder'), 0, 'not yet: three days away');

  await startIn(t, id, 23 * 60);
  await startIn(t, cancelled, 23 * 60);
  const results = await Promise.all([sweep(), sweep(), sweep()]);
  await sweep();
  assert.equal(results.reduce((sum, r) => sum + (r.reminded ?? 0), 0), 1, 'one sweep claimed it');
  for (const person of [pair.mentee.user, pair.mentor.user]) {
    assert.equal(count(await templatesTo(t, person), 'sessionReminder'), 1, 'once, and none for the cancelled session');
  }
  assert.ok((await sessionRow(t, id)).reminded_at);
  const reminder = (await emailsTo(t, pair.mentor.user)).find((email) => email.template === 'sessionReminder');
  assert.match(reminder?.text_body ?? '', new RegExp(`/relationships/${pair.relationshipId}/sessions/${id}`));
  const text = await allEmailText(t);
  assert.ok(!text.includes('PLACE-MARKER') && !text.includes('AGENDA-MARKER'));
});

test('the mentee is prompted once to reflect after a held session, and after one that probably happened', async () => {
  const pair = await buildRelationship(t);
  const held = await scheduleOrFail(t, pair, pair.mentor, 2);
  const probably = await scheduleOrFail(t, pair, pair.mentor, 2);
  const justEnded = await scheduleOrFail(t, pair, pair.mentor, 2);
  await startIn(t, held, -10);
  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, held)}/held`)).statusCode, 302);
  await startIn(t, probably, -(60 + 60 + 5)); // 60 minutes long, ended 65 minutes ago
  await startIn(t, justEnded, -(60 + 30)); // ended 30 minutes ago: too soon

  await Promise.all([sweep(), sweep()]);
  await sweep();
  assert.equal(count(await templatesTo(t, pair.mentee.user), 'sessionReflectionPrompt'), 2);
  assert.equal(count(await templatesTo(t, pair.mentor.user), 'sessionReflectionPrompt'), 0, 'only the mentee reflects');
  assert.ok((await sessionRow(t, held)).reflection_prompted_at);
  assert.ok((await sessionRow(t, probably)).reflection_prompted_at);
  assert.equal((await sessionRow(t, justEnded)).reflection_prompted_at, null);
  const prompt = (await emailsTo(t, pair.mentee.user)).find((email) => email.template === 'sessionReflectionPrompt');
  assert.match(prompt?.text_body ?? '', /\/reflection/);
});

test('no prompt when the mentee has already written their reflection', async () => {
  const pair = await buildRelationship(t);
  const id = await scheduleOrFail(t, pair, pair.mentor, 2);
  await startIn(t, id, -10);
  assert.equal((await postAs(pair.mentee, `${sessionPath(pair, id)}/held`)).statusCode, 302);
  await t.db.insertInto('session_reflections').values({ session_id: id, mentee_id: pair.mentee.user.id, usefulness: 8 }).execute();
  await sweep();
  assert.equal(count(await templatesTo(t, pair.mentee.user), 'sessionReflectionPrompt'), 0);
});

test('a session whose relationship is being changed (an ending in progress) is skipped, and not reminded once it has ended', async () => {
  const pair = await buildRelationship(t);
  const id = await scheduleOrFail(t, pair, pair.mentee, 3);
  await startIn(t, id, 23 * 60);
  // An ending holds the relationship row until it commits; the sweep must not read the old status meanwhile.
  await t.db.transaction().execute(async (trx) => {
    await trx.selectFrom('relationships').select('id').where('id', '=', pair.relationshipId).forUpdate().execute();
    await trx.updateTable('relationships').set({ status: 'ended', end_kind: 'completed', ended_at: new Date(), phase: 'moving_on' }).where('id', '=', pair.relationshipId).execute();
    await sweep();
    assert.equal((await sessionRow(t, id)).reminded_at, null, 'skipped while locked');
  });
  await sweep();
  assert.equal((await sessionRow(t, id)).reminded_at, null, 'ended: no reminder');
  for (const person of [pair.mentee.user, pair.mentor.user]) assert.equal(count(await templatesTo(t, person), 'sessionReminder'), 0);
});
