// What the notes, actions and reflections pages share: finding a session of the relationship (any
// other session id is a 404, exactly like a session that does not exist), the rule that cancelled
// sessions take no more notes, and the handlers' way of answering a refused or invalid change.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connection.ts';
import type { MentoringSession, SessionStatus } from '../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../errors.ts';
import { keptValues } from '../../platform/forms.ts';
import { formatDateTime } from '../../platform/formatting.ts';
import type { Trx } from './deps.ts';

export const sessionStatusText: Record<SessionStatus, string> = { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' };

/** A session of this relationship, or NotFoundError: the relationship's party-ship is checked by the caller first. */
export async function sessionOf(db: Db | Trx, relationshipId: string, sessionId: string): Promise<MentoringSession> {
  const session = await db.selectFrom('mentoring_sessions').selectAll()
    .where('id', '=', sessionId).where('relationship_id', '=', relationshipId).executeTakeFirst();
  if (!session) throw new NotFoundError();
  return session;
}

export function sessionWhen(session: Pick<MentoringSession, 'starts_at'>): string {
  return formatDateTime(session.starts_at);
}

/** Notes and actions can be written before a session (as an agenda) and after it, but a cancelled one is closed. */
export function requireOpenSession(session: MentoringSession): void {
  if (session.status === 'cancelled') throw new ConflictError('This session was cancelled, so notes and actions can no longer be added to it', 'session_cancelled');
}

export interface PageState {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
}

/**
 * Runs a change and answers it: a refused change (409) or one the service found invalid (400) shows
 * the page again, as it now is, with the reason — nothing was changed, and what was typed is kept.
 */
export async function attempt(
  request: FastifyRequest,
  change: () => Promise<FastifyReply>,
  again: (state: PageState) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ValidationError) return again({ status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
    if (error instanceof ConflictError) return again({ status: 409, conflict: error.message, values: keptValues(request.body) });
    throw error;
  }
}
