// A session of the relationship, as the notes, actions and reflections pages find it (any other
// session id is a 404, exactly like a session that does not exist), how they name it and its
// status, and the rule that cancelled sessions take no more notes.
import type { Db } from '../../db/connection.ts';
import type { MentoringSession, SessionStatus } from '../../db/types.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
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
