// Sliding-window throttling of sign-in and password-reset attempts, per account and per client
// address, in PostgreSQL so it holds across app instances. An attempt is reserved (counted as a
// failure) under an advisory lock before the password is checked, so concurrent guesses cannot
// slip past the limit; it is marked a success afterwards if it was one. Nobody is locked out for
// good: attempts age out of the window, and a password reset starts the account's count afresh.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AttemptKind } from '../db/types.ts';
import { TooManyAttemptsError } from '../errors.ts';

export const WINDOW_MINUTES = 15;
export const ACCOUNT_LIMIT = 10;
export const ADDRESS_LIMIT = 100;

export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

const messages: Record<AttemptKind, string> = {
  sign_in: `You have tried to sign in too many times. Wait ${WINDOW_MINUTES} minutes and try again, or reset your password.`,
  password_reset: `You have asked to reset your password too many times. Wait ${WINDOW_MINUTES} minutes and try again.`,
};

export async function reserveAttempt(db: Db, kind: AttemptKind, email: string, ipAddress: string): Promise<number> {
  const key = accountKey(email);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${kind + ':' + key}))`.execute(trx);
    const since = sql<Date>`now() - make_interval(mins => ${WINDOW_MINUTES})`;
    // A password reset proves the owner has the mailbox: count only attempts since then.
    const resetAt = sql<Date>`coalesce((select password_changed_at from users where email = ${email.trim().toLowerCase()}), '-infinity')`;
    const counts = await trx
      .selectFrom('sign_in_attempts')
      .select([
        sql<number>`count(*) filter (where account_key = ${key} and created_at > ${resetAt})`.as('account'),
        sql<number>`count(*) filter (where ip_address = ${ipAddress})`.as('address'),
      ])
      .where('kind', '=', kind)
      .where('succeeded', '=', false)
      .where('created_at', '>', since)
      .where((eb) => eb.or([eb('account_key', '=', key), eb('ip_address', '=', ipAddress)]))
      .executeTakeFirstOrThrow();
    if (counts.account >= ACCOUNT_LIMIT || counts.address >= ADDRESS_LIMIT) throw new TooManyAttemptsError(messages[kind]);
    const row = await trx
      .insertInto('sign_in_attempts')
      .values({ kind, account_key: key, ip_address: ipAddress, succeeded: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function markAttemptSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}
