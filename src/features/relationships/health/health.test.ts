// Relationship health from the days since the last held session (or the start): green under 45
// days, amber from 45, red from 60; one friendly nudge to the pair per level, however often the
// sweep runs; green again, and nudges reset, once a session is held.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import type { BuiltUser } from '../../../../test/support/builders.ts';
import { AMBER_AFTER_DAYS, RED_AFTER_DAYS, healthFor } from './level.ts';
import { sweepHealth } from './sweep.ts';
import { buildRelationship, endDirectly, postAs } from '../testing.ts';
import { allEmailText, relationshipRow, scheduleOrFail, sessionPath, startIn, startedDaysAgo, templatesTo } from '../sessions/testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const sweep = () => sweepHealth({ db: t.db, jobs: t.jobs, views: t.app.views, config: t.config }, new Date());
const nudges = async (user: BuiltUser) => (await templatesTo(t, user)).filter((name) => name === 'sessionHealthNudge').length;

test('the thresholds', () => {
  assert.equal(AMBER_AFTER_DAYS, 45);
  assert.equal(RED_AFTER_DAYS, 60);
  assert.deepEqual([0, 44, 45, 59, 60, 400].map(healthFor), ['green', 'green', 'amber', 'amber', 'red', 'red']);
});

test('amber at 45 days and red at 60, with one nudge per level; green again after a held session', async () => {
  const pair = await buildRelationship(t);
  await startedDaysAgo(t, pair.relationshipId, 44);
  await sweep();
  assert.equal((await relationshipRow(t, pair.relationshipId)).health, 'green');
  assert.equal(await nudges(pair.mentee.user), 0);

  await startedDaysAgo(t, pair.relationshipId, 45);
  await Promise.all([sweep(), sweep()]);
  await sweep();
  let row = await relationshipRow(t, pair.relationshipId);
  assert.equal(row.health, 'amber');
  assert.equal(row.healthNudged, 'amber');
  assert.equal(await nudges(pair.mentee.user), 1);
  assert.equal(await nudges(pair.mentor.user), 1);

  await startedDaysAgo(t, pair.relationshipId, 60);
  await Promise.all([sweep(), sweep()]);
  await sweep();
  row = await relationshipRow(t, pair.relationshipId);
  assert.equal(row.health, 'red');
  assert.equal(row.healthNudged, 'red');
  assert.equal(await nudges(pair.mentee.user), 2);
  assert.equal(await nudges(pair.mentor.user), 2);

  const id = await scheduleOrFail(t, pair, pair.mentee, 2);
  await startIn(t, id, -5);
  assert.equal((await postAs(pair.mentor, `${sessionPath(pair, id)}/held`)).statusCode, 302);
  row = await relationshipRow(t, pair.relationshipId);
  assert.equal(row.health, 'green');
  assert.equal(row.healthNudged, null);
  await sweep();
  assert.equal((await relationshipRow(t, pair.relationshipId)).health, 'green');
  assert.equal(await nudges(pair.mentee.user), 2, 'no more nudges');

  // Counting restarts from the held session: 45 days after it, amber and a nudge again.
  await t.db.updateTable('relationships').set({ last_session_at: new Date(Date.now() - 46 * 86_400_000) }).where('id', '=', pair.relationshipId).execute();
  await sweep();
  assert.equal((await relationshipRow(t, pair.relationshipId)).health, 'amber');
  assert.equal(await nudges(pair.mentee.user), 3);
  const text = await allEmailText(t);
  assert.match(text, /46 days since your last mentoring session/);
});

test('straight to red sends one nudge; ended relationships are left alone', async () => {
  const pair = await buildRelationship(t);
  await startedDaysAgo(t, pair.relationshipId, 90);
  await sweep();
  await sweep();
  assert.equal((await relationshipRow(t, pair.relationshipId)).health, 'red');
  assert.equal(await nudges(pair.mentor.user), 1);

  const ended = await buildRelationship(t);
  await startedDaysAgo(t, ended.relationshipId, 90);
  await endDirectly(t, ended.relationshipId);
  await sweep();
  assert.equal((await relationshipRow(t, ended.relationshipId)).health, 'green');
  assert.equal(await nudges(ended.mentee.user), 0);
});
