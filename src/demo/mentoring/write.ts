// Writes what the mentoring planners produced, table by table in foreign-key order, in batches
// far below PostgreSQL's 65,535 bind parameters per statement (these rows are wider than the
// register's, so the batches are smaller).
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import { chunks } from '../helpers.ts';
import type { MentoringRows } from '../mentoring-plan.ts';

const BATCH = 400;

/** Raises the capacities the plan needed, then inserts every table's rows, parents first. */
export async function writeMentoring(trx: Transaction<Database>, rows: MentoringRows): Promise<void> {
  for (const { userId, capacity } of rows.capacity) await trx.updateTable('mentor_profiles').set({ capacity }).where('user_id', '=', userId).execute();
  for (const batch of chunks(rows.seekingPosts, BATCH)) await trx.insertInto('seeking_posts').values(batch).execute();
  for (const batch of chunks(rows.brokerRequests, BATCH)) await trx.insertInto('broker_requests').values(batch).execute();
  for (const batch of chunks(rows.invitations, BATCH)) await trx.insertInto('invitations').values(batch).execute();
  for (const batch of chunks(byTime(rows.invitationEvents), BATCH)) await trx.insertInto('invitation_events').values(batch).execute();
  for (const batch of chunks(rows.fitReflections, BATCH)) await trx.insertInto('fit_reflections').values(batch).execute();
  for (const batch of chunks(rows.shortlist, BATCH)) await trx.insertInto('shortlist_entries').values(batch).execute();
  for (const batch of chunks(rows.relationships, BATCH)) await trx.insertInto('relationships').values(batch).execute();
  for (const batch of chunks(byTime(rows.phaseEvents), BATCH)) await trx.insertInto('relationship_phase_events').values(batch).execute();
  for (const batch of chunks(rows.contracts, BATCH)) await trx.insertInto('contract_versions').values(batch).execute();
  for (const batch of chunks(rows.signatures, BATCH)) await trx.insertInto('contract_signatures').values(batch).execute();
  for (const batch of chunks(rows.sessions, BATCH)) await trx.insertInto('mentoring_sessions').values(batch).execute();
  for (const batch of chunks(rows.goals, BATCH)) await trx.insertInto('goals').values(batch).execute();
  for (const batch of chunks(rows.reviews, BATCH)) await trx.insertInto('goal_reviews').values(batch).execute();
  for (const batch of chunks(rows.sharedNotes, BATCH)) await trx.insertInto('shared_notes').values(batch).execute();
  for (const batch of chunks(rows.privateNotes, BATCH)) await trx.insertInto('private_notes').values(batch).execute();
  for (const batch of chunks(rows.actions, BATCH)) await trx.insertInto('agreed_actions').values(batch).execute();
  for (const batch of chunks(rows.reflections, BATCH)) await trx.insertInto('session_reflections').values(batch).execute();
  for (const batch of chunks(rows.endings, BATCH)) await trx.insertInto('relationship_endings').values(batch).execute();
  for (const batch of chunks(rows.closingReflections, BATCH)) await trx.insertInto('closing_reflections').values(batch).execute();
  for (const batch of chunks(rows.concerns, BATCH)) await trx.insertInto('concerns').values(batch).execute();
  for (const batch of chunks(rows.concernActions, BATCH)) await trx.insertInto('concern_actions').values(batch).execute();
}

/** History tables have identity ids: written in time order, their ids follow time as the product's would. */
function byTime<T extends { occurred_at?: Date | string }>(events: T[]): T[] {
  return [...events].sort((a, b) => new Date(a.occurred_at ?? 0).getTime() - new Date(b.occurred_at ?? 0).getTime());
}
