// Builders for the goal tests: forms as a browser sends them, goals and held sessions stored
// directly, and distinctive goal text so tests can prove it never reaches an email.
import assert from 'node:assert/strict';
import type { TestApp } from '../../../../test/support/app.ts';
import { modeId, postAs, type Pair } from '../testing.ts';
import { dateBoxes } from '../../../../test/support/dates.ts';

export const SECRET_GOAL = 'GOAL-MARKER-4d8e: stop feeling anxious before my band 7 interview';
export const SECRET_REALITY = 'REALITY-MARKER-1b6f: I froze at the last panel';
export const SECRET_REVIEW = 'REVIEW-MARKER-8c2a: practised answers with my ward sister';

/** A date `days` from today, in the UK, as the date input's three boxes. */
export function dueIn(days: number, name = 'dueOn'): Record<string, string> {
  return dateBoxes(name, days);
}

export function goalForm(extra: Record<string, string> = {}): Record<string, string> {
  return { title: SECRET_GOAL, reality: SECRET_REALITY, options: 'Ask for a mock interview', wayForward: 'Book one by Friday', status: 'not_started', ...dueIn(60), ...extra };
}

/** The mentee adds a goal through the form; returns its id. */
export async function addGoalOrFail(pair: Pair, extra: Record<string, string> = {}): Promise<string> {
  const response = await postAs(pair.mentee, `/relationships/${pair.relationshipId}/goals`, goalForm(extra));
  assert.equal(response.statusCode, 302, response.body.slice(0, 500));
  const id = /\/goals\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1];
  assert.ok(id);
  return id;
}

export async function storeHeldSession(t: TestApp, relationshipId: string, daysAgo = 7): Promise<string> {
  const row = await t.db.insertInto('mentoring_sessions').values({
    relationship_id: relationshipId, starts_at: new Date(Date.now() - daysAgo * 86_400_000), duration_minutes: 60, mode: await modeId(t, 'video'), status: 'held',
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function goalCount(t: TestApp, relationshipId: string): Promise<number> {
  const row = await t.db.selectFrom('goals').select((eb) => eb.fn.countAll<string>().as('n')).where('relationship_id', '=', relationshipId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function reviewCount(t: TestApp, goalId: string): Promise<number> {
  const row = await t.db.selectFrom('goal_reviews').select((eb) => eb.fn.countAll<string>().as('n')).where('goal_id', '=', goalId).executeTakeFirstOrThrow();
  return Number(row.n);
}
