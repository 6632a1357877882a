// Single-use, expiring tokens for emailed links (verify email, reset password). The link carries
// the token; the table keeps only its hash.
import { sql, type Transaction } from 'kysely';
import type { Database, TokenPurpose } from '../db/types.ts';
import { hashToken, newToken } from './sessions.ts';

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  verify_email: 3 * 24 * 60,
  reset_password: 60,
};

/** Issues a new token; earlier unused tokens for the same purpose expire (and say so if opened). */
export async function issueToken(trx: Transaction<Database>, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = newToken();
  await trx
    .updateTable('auth_tokens')
    .set({ expires_at: sql`least(expires_at, now())` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('auth_tokens')
    .values({
      user_id: userId,
      purpose,
      token_hash: hashToken(token),
      expires_at: sql<Date>`now() + make_interval(mins => ${TOKEN_LIFETIME_MINUTES[purpose]})` as unknown as Date,
    })
    .execute();
  return token;
}

export type TokenState = 'valid' | 'used' | 'expired' | 'unknown';

export interface FoundToken {
  id: string;
  userId: string;
  state: TokenState;
}

/** Looks a token up, locking its row when called inside a transaction that will consume it. */
export async function findToken(trx: Transaction<Database>, token: string, purpose: TokenPurpose, lock = false): Promise<FoundToken | null> {
  let query = trx
    .selectFrom('auth_tokens')
    .select(['id', 'user_id', 'used_at', sql<boolean>`expires_at < now()`.as('is_expired')])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const state: TokenState = row.used_at ? 'used' : row.is_expired ? 'expired' : 'valid';
  return { id: row.id, userId: row.user_id, state };
}

export async function consumeToken(trx: Transaction<Database>, tokenId: string): Promise<void> {
  await trx.updateTable('auth_tokens').set({ used_at: sql`now()` }).where('id', '=', tokenId).execute();
}
