// First run: until a platform admin exists, a one-time setup code printed in the server log lets
// whoever installed the service create that account.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { ConflictError, ValidationError } from '../../errors.ts';

// No 0/O or 1/I/L: the code is read off a terminal and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function hashCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

export async function isInstallationSetUp(db: Db): Promise<boolean> {
  const row = await db.selectFrom('installation').select('set_up_at').executeTakeFirst();
  return Boolean(row?.set_up_at);
}

/** A fresh code for this start, or null when the installation is already set up. */
export async function issueSetupCode(db: Db): Promise<string | null> {
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  const code = groups.join('-');
  const result = await db
    .updateTable('installation')
    .set({ setup_code_hash: hashCode(code), setup_code_created_at: sql`now()` })
    .where('set_up_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? code : null;
}

export interface SetupInput {
  setupCode: string;
  fullName: string;
  email: string;
  password: string;
}

/** Creates the platform admin; exactly once, however many people try at the same moment. */
export async function completeSetup(db: Db, input: SetupInput): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const installation = await trx.selectFrom('installation').selectAll().forUpdate().executeTakeFirstOrThrow();
    if (installation.set_up_at) throw new ConflictError('This installation has already been set up. Sign in instead.', 'already_set_up');
    const expected = Buffer.from(installation.setup_code_hash ?? '', 'hex');
    const given = Buffer.from(hashCode(input.setupCode), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new ValidationError({ setupCode: 'The setup code is not right. Copy it from the server log, where it was printed when the service started' });
    }
    const user = await trx
      .insertInto('users')
      .values({ email: input.email, full_name: input.fullName, password_hash: passwordHash, email_verified_at: new Date(), is_platform_admin: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('installation').set({ set_up_at: sql`now()`, setup_code_hash: null }).execute();
    await recordAudit(trx, { actorId: user.id, action: 'installation.set_up', subjectType: 'user', subjectId: user.id });
    return user.id;
  });
}
