// Server-side sessions in PostgreSQL. The cookie carries a random token; the table keeps only its
// SHA-256, so a copy of the database cannot be used to sign in. Idle and absolute timeouts are
// checked on every read, so any app instance gives the same answer.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Actor } from './actor.ts';
import type { ProgrammeRole } from '../db/types.ts';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface LoadedSession {
  id: string;
  actor: Actor;
  /** As it is in the database after this read (touched if it was due). */
  lastSeenAt: Date;
  createdAt: Date;
}

/** Writes to last_seen_at at most this often, to keep reads cheap. */
export const TOUCH_AFTER_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(db: Db, userId: string): Promise<string> {
  const token = newToken();
  await db.insertInto('auth_sessions').values({ id: hashToken(token), user_id: userId }).execute();
  return token;
}

export async function loadSession(db: Db, token: string, settings: SessionSettings): Promise<LoadedSession | null> {
  const id = hashToken(token);
  // One round trip per request: the session, its person and their programme roles together.
  const row = await db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id', 's.last_seen_at', 's.created_at', 'u.id as user_id', 'u.email', 'u.full_name', 'u.is_platform_admin',
      sql<{ programme_id: string; role: ProgrammeRole }[]>`coalesce((
        select json_agg(json_build_object('programme_id', m.programme_id, 'role', m.role))
        from programme_memberships m where m.user_id = u.id), '[]')`.as('memberships'),
    ])
    .where('s.id', '=', id)
    .where('s.created_at', '>', sql<Date>`now() - make_interval(hours => ${settings.absoluteHours})`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${settings.idleMinutes})`)
    .executeTakeFirst();
  if (!row) return null;
  let lastSeenAt = row.last_seen_at;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    const touched = await db.updateTable('auth_sessions').set({ last_seen_at: sql`now()` }).where('id', '=', id).returning('last_seen_at').executeTakeFirst();
    lastSeenAt = touched?.last_seen_at ?? lastSeenAt;
  }
  return {
    id,
    lastSeenAt,
    createdAt: row.created_at,
    actor: {
      id: row.user_id,
      email: row.email,
      fullName: row.full_name,
      isPlatformAdmin: row.is_platform_admin,
      memberships: row.memberships.map((m) => ({ programmeId: m.programme_id, role: m.role })),
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

/** Sign out everywhere: every session of the user, or all but the one in use. */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('auth_sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, settings: SessionSettings): Promise<number> {
  const result = await db
    .deleteFrom('auth_sessions')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', sql<Date>`now() - make_interval(hours => ${settings.absoluteHours})`),
        eb('last_seen_at', '<', sql<Date>`now() - make_interval(mins => ${settings.idleMinutes})`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
