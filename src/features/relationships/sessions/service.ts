// Changing sessions: schedule, reschedule, cancel, mark as held, and record one held outside the
// platform. Each is one transaction that locks the relationship row first (access.lockForChange:
// 404 for non-parties, 409 once it has ended), then the session row, checks the session's state,
// writes the change with an audit row (ids and codes only) and queues the calendar emails.
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { MentoringSession } from '../../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.ts';
import { allowedTermIds } from '../../taxonomies/service.ts';
import { lockForChange, lockForParty, RelationshipEndedError, type RelationshipContext } from '../access.ts';
import type { RelationshipDeps, Trx } from '../deps.ts';
import { recordSessionHeld } from '../health/index.ts';
import { sendSessionCalendar } from './calendar.ts';
import type { LogInput, ScheduleInput } from './schemas.ts';

const stateWords: Record<MentoringSession['status'], string> = {
  scheduled: 'is still scheduled',
  held: 'has already been marked as held',
  cancelled: 'has been cancelled',
};

/** The session is not in a state that allows this: say which state it is in. */
export class SessionStateError extends ConflictError {
  constructor(session: Pick<MentoringSession, 'status'>) {
    super(`This session ${stateWords[session.status]}, so that can no longer be done`, 'session_state');
  }
}

/** Locks one of the relationship's sessions; a session of another relationship is a page that does not exist. */
async function lockSession(trx: Trx, context: RelationshipContext, sessionId: string): Promise<MentoringSession> {
  const session = await trx.selectFrom('mentoring_sessions').selectAll()
    .where('id', '=', sessionId).where('relationship_id', '=', context.relationship.id).forUpdate().executeTakeFirst();
  if (!session) throw new NotFoundError();
  return session;
}

async function checkMode(trx: Trx, modeId: string, current: string[] = []): Promise<void> {
  const allowed = await allowedTermIds(trx, 'meeting_mode', [modeId], current);
  if (!allowed.has(modeId)) throw new ValidationError({ sessionMode: 'Choose how you will meet' });
}

async function audit(trx: Trx, actor: Actor, context: RelationshipContext, action: string, sessionId: string, details: Record<string, string | number | boolean | null> = {}) {
  await recordAudit(trx, {
    actorId: actor.id, action: `session.${action}`, subjectType: 'mentoring_session', subjectId: sessionId,
    programmeId: context.relationship.programme_id, details: { relationshipId: context.relationship.id, ...details },
  });
}

/** Either party schedules; both get the calendar invitation. Returns the new session's id. */
export async function scheduleSession(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: ScheduleInput): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    await checkMode(trx, input.modeId);
    const session = await trx.insertInto('mentoring_sessions').values({
      relationship_id: relationshipId, starts_at: input.startsAt, duration_minutes: input.minutes, mode: input.modeId,
      location: input.location, agenda: input.agenda, created_by: actor.id,
    }).returningAll().executeTakeFirstOrThrow();
    await audit(trx, actor, context, 'scheduled', session.id);
    await sendSessionCalendar(trx, deps, context, session, 'scheduled', actor.id);
    return session.id;
  });
}

/**
 * A new time (and details) for a scheduled session: the same UID with a higher SEQUENCE, to both.
 * `expectedSequence` is the version the form was opened on: a change made meanwhile is refused.
 */
export async function rescheduleSession(
  deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, input: ScheduleInput, expectedSequence: number | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = await lockSession(trx, context, sessionId);
    if (session.status !== 'scheduled') throw new SessionStateError(session);
    if (expectedSequence !== null && expectedSequence !== session.ics_sequence) {
      throw new ConflictError('This session was changed since you opened the form. Check its details below and try again', 'session_stale');
    }
    await checkMode(trx, input.modeId, [session.mode]);
    const updated = await trx.updateTable('mentoring_sessions').set({
      starts_at: input.startsAt, duration_minutes: input.minutes, mode: input.modeId, location: input.location, agenda: input.agenda,
      ics_sequence: session.ics_sequence + 1, updated_at: new Date(),
      // A new time deserves its own reminder.
      reminded_at: null,
    }).where('id', '=', session.id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, actor, context, 'rescheduled', session.id, { sequence: updated.ics_sequence });
    await sendSessionCalendar(trx, deps, context, updated, 'rescheduled', actor.id);
  });
}

/** Cancels a scheduled session: METHOD:CANCEL with the same UID and a higher SEQUENCE. The message stays on the page. */
export async function cancelSession(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, message: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = await lockSession(trx, context, sessionId);
    if (session.status !== 'scheduled') throw new SessionStateError(session);
    const now = new Date();
    const updated = await trx.updateTable('mentoring_sessions').set({
      status: 'cancelled', cancelled_at: now, cancelled_by: actor.id, cancel_message: message, ics_sequence: session.ics_sequence + 1, updated_at: now,
    }).where('id', '=', session.id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, actor, context, 'cancelled', session.id, { withMessage: message !== '' });
    await sendSessionCalendar(trx, deps, context, updated, 'cancelled', actor.id);
  });
}

/**
 * A session that started before the relationship ended can still be recorded as held: ending cancels
 * only the sessions still to come, so one that took place but was not yet marked would otherwise
 * never count. Nothing else changes on an ended relationship.
 */
export function canStillMarkHeld(relationship: { status: string; ended_at: Date | null }, session: Pick<MentoringSession, 'starts_at'>): boolean {
  return relationship.status === 'active' || (relationship.ended_at !== null && new Date(session.starts_at) < new Date(relationship.ended_at));
}

/** Records that a scheduled session took place: only once it has started. Resets the relationship's health. */
export async function markSessionHeld(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, now: Date = new Date()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // The parties only (404 otherwise); the ended check is canStillMarkHeld's, under the same lock.
    const context = await lockForParty(trx, actor, relationshipId);
    const session = await lockSession(trx, context, sessionId);
    if (!canStillMarkHeld(context.relationship, session)) throw new RelationshipEndedError();
    if (session.status !== 'scheduled') throw new SessionStateError(session);
    if (new Date(session.starts_at) > now) throw new ConflictError('This session has not started yet. You can mark it as held once it has taken place', 'session_not_started');
    await trx.updateTable('mentoring_sessions').set({ status: 'held', updated_at: now }).where('id', '=', session.id).execute();
    await recordSessionHeld(trx, relationshipId, now);
    await audit(trx, actor, context, 'held', session.id);
  });
}

/** A session that happened outside the platform, recorded afterwards: held, logged, no calendar. Returns its id. */
export async function logSession(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: LogInput, now: Date = new Date()): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    if (input.startsAt > now) throw new ValidationError({ sessionTime: 'Time of the session must be in the past' });
    await checkMode(trx, input.modeId);
    const session = await trx.insertInto('mentoring_sessions').values({
      relationship_id: relationshipId, starts_at: input.startsAt, duration_minutes: input.minutes, mode: input.modeId,
      status: 'held', logged: true, created_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow();
    await recordSessionHeld(trx, relationshipId, now);
    await audit(trx, actor, context, 'logged', session.id);
    return session.id;
  });
}
