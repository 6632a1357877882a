// The 6-weekly goal review reminder, run by calling the sweep with a chosen clock after moving
// timestamps with SQL: once per 42 days to both of the pair, even when sweeps overlap; never while
// a recent review or reminder exists, for goals that are all closed, or for an ended relationship.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { allEmailText, templatesTo } from '../../invitations/testing.ts';
import { relationshipDeps } from '../deps.ts';
import { goalTemplates } from './emails.ts';
import { sweepGoalReminders } from './sweep.ts';
import { addGoalOrFail } from './testing.ts';
import { sweepRelationships } from '../sweep/index.ts';
import { buildRelationship, endDirectly, postAs, type Pair } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const DAY = 86_400_000;
const sweep = (at: Date = new Date()) => sweepGoalReminders(relationshipDeps(t.app), at);

/** As if the relationship's goals had been set `days` ago. */
async function goalsAge(pair: Pair, days: number): Promise<void> {
  await t.db.updateTable('goals').set({ created_at: sql<Date>`now() - make_interval(days => ${days})` as unknown as Date })
    .where('relationship_id', '=', pair.relationshipId).execute();
}

async function reminders(pair: Pair): Promise<[number, number]> {
  const count = async (party: Pair['mentee']) => (await templatesTo(t, party.user)).filter((name) => name === goalTemplates.reminder).length;
  return [await count(pair.mentee), await count(pair.mentor)];
}

async function pairWithOldGoal(days = 43): Promise<Pair> {
  const pair = await buildRelationship(t);
  await addGoalOrFail(pair);
  await goalsAge(pair, days);
  return pair;
}

test('not before the oldest open goal is 6 weeks old', async () => {
  const pair = await pairWithOldGoal(30);
  await sweep();
  assert.deepEqual(await reminders(pair), [0, 0]);
  const none = await buildRelationship(t);
  await sweep();
  assert.deepEqual(await reminders(none), [0, 0]);
});

test('once to each of the pair, even when sweeps run again and at the same moment; again 43 days later', async () => {
  const pair = await pairWithOldGoal();
  await Promise.all([sweep(), sweep(), sweep()]);
  await sweep();
  assert.deepEqual(await reminders(pair), [1, 1]);
  const row = await sql<{ goals_reminded_at: Date | null }>`select goals_reminded_at from relationships where id = ${pair.relationshipId}`.execute(t.db);
  assert.ok(row.rows[0]?.goals_reminded_at);
  await sweep(new Date(Date.now() + 20 * DAY));
  assert.deepEqual(await reminders(pair), [1, 1]);
  const later = new Date(Date.now() + 43 * DAY);
  await Promise.all([sweep(later), sweep(later)]);
  assert.deepEqual(await reminders(pair), [2, 2]);
  const audits = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', pair.relationshipId).where('action', '=', 'relationship.goals_reminded').execute();
  assert.equal(audits.length, 2);
});

test('a review in the last 6 weeks holds the reminder back; a review 6 weeks old brings it', async () => {
  const pair = await pairWithOldGoal(100);
  const goal = await t.db.selectFrom('goals').select('id').where('relationship_id', '=', pair.relationshipId).executeTakeFirstOrThrow();
  const review = await postAs(pair.mentor, `/relationships/${pair.relationshipId}/goals/${goal.id}/reviews`, { progress: '4', note: '', session: '' });
  assert.equal(review.statusCode, 302);
  await sweep();
  assert.deepEqual(await reminders(pair), [0, 0]);
  await sweep(new Date(Date.now() + 43 * DAY));
  assert.deepEqual(await reminders(pair), [1, 1]);
});

test('a recent goal after an old review: the old review is enough to be due', async () => {
  const pair = await buildRelationship(t);
  const oldGoal = await addGoalOrFail(pair, { status: 'in_progress' });
  await postAs(pair.mentee, `/relationships/${pair.relationshipId}/goals/${oldGoal}/reviews`, { progress: '9', note: '', session: '' });
  await t.db.updateTable('goals').set({ status: 'achieved' }).where('id', '=', oldGoal).execute();
  await t.db.updateTable('goal_reviews').set({ created_at: sql<Date>`now() - interval '50 days'` as unknown as Date }).where('goal_id', '=', oldGoal).execute();
  await goalsAge(pair, 60);
  await addGoalOrFail(pair);
  await sweep();
  assert.deepEqual(await reminders(pair), [1, 1]);
});

test('never when every goal is achieved or set aside, nor for an ended relationship', async () => {
  const closed = await buildRelationship(t);
  const achieved = await addGoalOrFail(closed, { status: 'achieved' });
  await addGoalOrFail(closed, { status: 'set_aside' });
  await goalsAge(closed, 50);
  await t.db.updateTable('goal_reviews').set({ created_at: sql<Date>`now() - interval '50 days'` as unknown as Date }).where('goal_id', '=', achieved).execute();
  const ended = await pairWithOldGoal();
  await endDirectly(t, ended.relationshipId);
  await sweep();
  assert.deepEqual(await reminders(closed), [0, 0]);
  assert.deepEqual(await reminders(ended), [0, 0]);
});

test('the reminder runs as part of the relationship sweep, and no email carries goal text', async () => {
  const pair = await pairWithOldGoal();
  const done = await sweepRelationships(relationshipDeps(t.app), new Date());
  assert.ok((done['goals.reminded'] ?? 0) >= 1);
  assert.deepEqual(await reminders(pair), [1, 1]);
  assert.ok(!(await allEmailText(t)).includes('MARKER'));
});
