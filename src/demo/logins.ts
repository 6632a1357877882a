// What the demo prints: its logins, one per role, with the one password they share, and the
// printed mentee's line-manager link while it still works. Read back from the database, so a
// second run reports exactly what the first one stored.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { hashToken } from '../auth/sessions.ts';
import type { Db } from '../db/connection.ts';
import type { ProgrammeRole } from '../db/types.ts';
import { LOGIN_EMAILS } from './people/cast.ts';
import type { DemoRole } from './plan.ts';

/** One password for every demo account, so a tester can switch roles without a list of secrets. */
export const DEMO_PASSWORD = 'demo password for everyone';

export interface DemoLogin { role: DemoRole; name: string; email: string; memberships: { role: ProgrammeRole; programme: string }[] }
/** The printed mentee's waiting line-manager request: anyone with the demo can play that line manager. */
export interface DemoLineManagerLink { path: string; menteeName: string; managerName: string; programme: string }
export interface DemoLogins { password: string; accounts: DemoLogin[]; lineManagerLink: DemoLineManagerLink | null }

/**
 * The printed line-manager link's token. Derived from this installation's stored demo password
 * hash rather than kept anywhere, so a second run can print the same link from the database alone,
 * while differing between installations (the argon2 hash has a random salt). Only its SHA-256 is
 * stored, as for every other request.
 */
export function printedLineManagerToken(passwordHash: string): string {
  return createHmac('sha256', passwordHash).update('mentoring-hub demo line-manager link').digest('base64url');
}

/** Read back from the database, so a second run reports exactly what the first one stored. */
export async function readLogins(db: Db): Promise<DemoLogins> {
  const users = await db.selectFrom('users').select(['id', 'email', 'full_name', 'password_hash']).where('email', 'in', Object.values(LOGIN_EMAILS)).execute();
  const memberships = users.length === 0 ? [] : await db.selectFrom('programme_memberships as m')
    .innerJoin('programmes as p', 'p.id', 'm.programme_id')
    .select(['m.user_id', 'm.role', 'p.name'])
    .where('m.user_id', 'in', users.map((user) => user.id))
    .orderBy('m.role', 'desc')
    .orderBy('p.name')
    .execute();
  const accounts = (Object.keys(LOGIN_EMAILS) as DemoRole[]).flatMap((role): DemoLogin[] => {
    const user = users.find((candidate) => candidate.email === LOGIN_EMAILS[role]);
    if (!user) return [];
    const own = memberships.filter((row) => row.user_id === user.id).map((row) => ({ role: row.role, programme: row.name }));
    return [{ role, name: user.full_name, email: user.email, memberships: own }];
  });
  const mentee = users.find((user) => user.email === LOGIN_EMAILS.mentee);
  return { password: DEMO_PASSWORD, accounts, lineManagerLink: mentee?.password_hash ? await readLineManagerLink(db, mentee.password_hash) : null };
}

/** The printed link, only while it still works: once answered, expired or replaced by a reminder, none. */
async function readLineManagerLink(db: Db, passwordHash: string): Promise<DemoLineManagerLink | null> {
  const token = printedLineManagerToken(passwordHash);
  const row = await db
    .selectFrom('line_manager_requests as r')
    .innerJoin('mentee_applications as a', 'a.id', 'r.application_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select(['r.manager_name', 'u.full_name', 'p.name'])
    .where('r.token_hash', '=', hashToken(token))
    .where('r.status', '=', 'pending')
    .where('r.expires_at', '>', sql<Date>`now()`)
    .where('a.status', '=', 'awaiting_line_manager')
    .executeTakeFirst();
  if (!row) return null;
  return { path: `/line-manager/respond?token=${token}`, menteeName: row.full_name, managerName: row.manager_name, programme: row.name };
}
