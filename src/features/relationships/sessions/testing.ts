// Helpers for the session tests: the schedule and record forms as a browser fills them in (London
// time), scheduling through the page, and reading back sessions and their emails.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestApp } from '../../../../test/support/app.ts';
import { modeId, postAs, type Pair, type Party } from '../testing.ts';
import { dateBoxes as dateBoxesNamed } from '../../../../test/support/dates.ts';

export { allEmailText, calendarsTo, emailsTo, templatesTo } from '../../invitations/testing.ts';
/** The session emails' stored names, for tests that wait for one (the jobs' tests). */
export { sessionTemplate } from './emails.ts';

/** Distinctive text typed into the place and agenda, which must never reach an email or a calendar. */
export const SECRET_PLACE = 'PLACE-MARKER-41d2: the quiet room behind ward 7';
export const SECRET_AGENDA = 'AGENDA-MARKER-83be: talk about my return to work after sick leave';

/** The date boxes for `days` from now (negative: in the past), London time. */
export function dateBoxes(days: number): Record<string, string> {
  return dateBoxesNamed('sessionDate', days);
}

export async function scheduleForm(t: TestApp, days: number, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return { ...dateBoxes(days), sessionTime: '2:30pm', sessionMinutes: '60', sessionMode: await modeId(t, 'face_to_face'), location: SECRET_PLACE, agenda: SECRET_AGENDA, ...extra };
}

export const sessionsPath = (pair: Pair) => `/relationships/${pair.relationshipId}/sessions`;
export const sessionPath = (pair: Pair, sessionId: string) => `${sessionsPath(pair)}/${sessionId}`;

/** Schedules through the page as `who`; returns the new session's id. */
export async function scheduleOrFail(t: TestApp, pair: Pair, who: Party, days = 7, extra: Record<string, string> = {}): Promise<string> {
  const response = await postAs(who, `${sessionsPath(pair)}/new`, await scheduleForm(t, days, extra));
  assert.equal(response.statusCode, 302, `scheduled: ${response.body.slice(0, 300)}`);
  const id = new RegExp(`^${sessionsPath(pair)}/([0-9a-f-]{36})$`).exec(String(response.headers.location))?.[1];
  assert.ok(id);
  return id;
}

export async function sessionRow(t: TestApp, id: string) {
  return t.db.selectFrom('mentoring_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function sessionCount(t: TestApp, relationshipId: string): Promise<number> {
  const rows = await t.db.selectFrom('mentoring_sessions').select('id').where('relationship_id', '=', relationshipId).execute();
  return rows.length;
}

/** Moves a session's start to `minutes` from now (negative: in the past). */
export async function startIn(t: TestApp, id: string, minutes: number): Promise<void> {
  await t.db.updateTable('mentoring_sessions').set({ starts_at: new Date(Date.now() + minutes * 60_000) }).where('id', '=', id).execute();
}

/** As if the relationship had started `days` ago. */
export async function startedDaysAgo(t: TestApp, relationshipId: string, days: number): Promise<void> {
  await t.db.updateTable('relationships').set({ started_at: sql<Date>`now() - make_interval(days => ${days}, secs => 1)` as unknown as Date }).where('id', '=', relationshipId).execute();
}

export async function relationshipRow(t: TestApp, relationshipId: string) {
  const row = await t.db.selectFrom('relationships').select(['health', 'last_session_at', sql<string | null>`health_nudged`.as('healthNudged')]).where('id', '=', relationshipId).executeTakeFirstOrThrow();
  return row;
}
