// Accounts: register, confirm email, sign in, reset and change password, sign out everywhere.
// Answers never reveal whether an email has an account; every change and its email are one
// transaction.
import { sql } from 'kysely';
import type { Environment } from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { emailContent } from '../../email/content.ts';
import { queueEmail } from '../../email/outbox.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords.ts';
import { markAttemptSucceeded, reserveAttempt } from '../../auth/throttle.ts';
import { consumeToken, findToken, issueToken, type TokenState } from '../../auth/tokens.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { ValidationError } from '../../errors.ts';

export interface AccountDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
}

const UNIQUE_VIOLATION = '23505';

function mailDeps(deps: AccountDeps) {
  return { jobs: deps.jobs, views: deps.views, serviceName: deps.config.serviceName };
}

function link(deps: AccountDeps, path: string): string {
  return `${deps.config.baseUrl}${path}`;
}

export interface RegisterInput {
  fullName: string;
  email: string;
  password: string;
}

/**
 * Creates the account and emails a confirmation link; if the email already has an account, emails
 * its owner instead. The caller shows the same "check your email" page either way.
 */
export async function registerAccount(deps: AccountDeps, input: RegisterInput): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
      if (existing) {
        await queueEmail(trx, mailDeps(deps), {
          to: input.email,
          userId: existing.id,
          template: 'accountExists',
          content: emailContent.accountExists({ signInUrl: link(deps, '/sign-in'), resetUrl: link(deps, '/forgot-password'), serviceName: deps.config.serviceName }),
        });
        return;
      }
      const user = await trx
        .insertInto('users')
        .values({ email: input.email, full_name: input.fullName, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      const token = await issueToken(trx, user.id, 'verify_email');
      await queueEmail(trx, mailDeps(deps), {
        to: input.email,
        userId: user.id,
        template: 'verifyEmail',
        content: emailContent.verifyEmail({ url: link(deps, `/verify-email?token=${token}`), serviceName: deps.config.serviceName }),
      });
      await recordAudit(trx, { actorId: user.id, action: 'account.registered', subjectType: 'user', subjectId: user.id });
    });
  } catch (error) {
    // Two registrations for one email at the same instant: the other one created the account.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  }
}

export type VerifyOutcome = 'verified' | 'already_verified' | Exclude<TokenState, 'valid' | 'used'>;

export async function verifyEmail(deps: AccountDeps, token: string): Promise<VerifyOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await findToken(trx, token, 'verify_email', true);
    if (!found) return 'unknown';
    const user = await trx.selectFrom('users').select('email_verified_at').where('id', '=', found.userId).executeTakeFirstOrThrow();
    if (user.email_verified_at) return 'already_verified';
    if (found.state === 'expired' || found.state === 'used') return 'expired';
    await consumeToken(trx, found.id);
    await trx.updateTable('users').set({ email_verified_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', found.userId).execute();
    await recordAudit(trx, { actorId: found.userId, action: 'account.email_verified', subjectType: 'user', subjectId: found.userId });
    return 'verified';
  });
}

export type SignInOutcome = { kind: 'signed_in'; userId: string } | { kind: 'unverified' };

const WRONG_CREDENTIALS = { email: 'Enter a correct email address and password', password: 'Enter a correct email address and password' };

/** Checks the password under the throttle. An unconfirmed account gets a fresh confirmation link. */
export async function signIn(deps: AccountDeps, input: { email: string; password: string }, ipAddress: string): Promise<SignInOutcome> {
  const attemptId = await reserveAttempt(deps.db, 'sign_in', input.email, ipAddress);
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'email_verified_at'])
    .where('email', '=', input.email)
    .executeTakeFirst();
  const matches = user?.password_hash ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !matches) throw new ValidationError(WRONG_CREDENTIALS);
  await markAttemptSucceeded(deps.db, attemptId);
  if (!user.email_verified_at) {
    await deps.db.transaction().execute(async (trx) => {
      const token = await issueToken(trx, user.id, 'verify_email');
      await queueEmail(trx, mailDeps(deps), {
        to: input.email,
        userId: user.id,
        template: 'verifyEmail',
        content: emailContent.verifyEmail({ url: link(deps, `/verify-email?token=${token}`), serviceName: deps.config.serviceName }),
      });
    });
    return { kind: 'unverified' };
  }
  await recordAudit(deps.db, { actorId: user.id, action: 'account.signed_in', subjectType: 'user', subjectId: user.id });
  return { kind: 'signed_in', userId: user.id };
}

/** Emails a reset link if the account exists, or a "no account here" note if not. */
export async function requestPasswordReset(deps: AccountDeps, email: string, ipAddress: string): Promise<void> {
  await reserveAttempt(deps.db, 'password_reset', email, ipAddress);
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!user) {
      await queueEmail(trx, mailDeps(deps), {
        to: email,
        template: 'resetNoAccount',
        content: emailContent.resetNoAccount({ registerUrl: link(deps, '/register'), serviceName: deps.config.serviceName }),
      });
      return;
    }
    const token = await issueToken(trx, user.id, 'reset_password');
    await queueEmail(trx, mailDeps(deps), {
      to: email,
      userId: user.id,
      template: 'resetPassword',
      content: emailContent.resetPassword({ url: link(deps, `/reset-password?token=${token}`), serviceName: deps.config.serviceName }),
    });
  });
}

export async function checkResetToken(deps: AccountDeps, token: string): Promise<TokenState> {
  return deps.db.transaction().execute(async (trx) => (await findToken(trx, token, 'reset_password'))?.state ?? 'unknown');
}

/** Sets the new password, uses up the link and signs the account out everywhere. */
export async function resetPassword(deps: AccountDeps, token: string, password: string): Promise<TokenState> {
  // A cheap look first, so a made-up token does not cost a password hash; checked again under lock.
  const precheck = await checkResetToken(deps, token);
  if (precheck !== 'valid') return precheck;
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const found = await findToken(trx, token, 'reset_password', true);
    if (!found || found.state !== 'valid') return found?.state ?? 'unknown';
    await consumeToken(trx, found.id);
    const user = await trx
      .updateTable('users')
      // Following the emailed link also proves the address, so an unconfirmed account is confirmed.
      .set({ password_hash: passwordHash, password_changed_at: sql`now()`, updated_at: sql`now()`, email_verified_at: sql`coalesce(email_verified_at, now())` })
      .where('id', '=', found.userId)
      .returning('email')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('auth_sessions').where('user_id', '=', found.userId).execute();
    await queueEmail(trx, mailDeps(deps), {
      to: user.email,
      userId: found.userId,
      template: 'passwordChanged',
      content: emailContent.passwordChanged({ signInUrl: link(deps, '/sign-in'), serviceName: deps.config.serviceName }),
    });
    await recordAudit(trx, { actorId: found.userId, action: 'account.password_reset', subjectType: 'user', subjectId: found.userId });
    return 'valid';
  });
}

export async function changePassword(
  deps: AccountDeps,
  actor: { id: string; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
  ipAddress: string,
): Promise<void> {
  const user = await deps.db.selectFrom('users').select(['password_hash', 'email']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  // Guessing the current password from a stolen session is throttled like signing in.
  const attemptId = await reserveAttempt(deps.db, 'sign_in', user.email, ipAddress);
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new ValidationError({ currentPassword: 'Your current password is not right' });
  }
  await markAttemptSucceeded(deps.db, attemptId);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', actor.id).execute();
    let others = trx.deleteFrom('auth_sessions').where('user_id', '=', actor.id);
    if (actor.sessionId) others = others.where('id', '<>', actor.sessionId);
    await others.execute();
    await queueEmail(trx, mailDeps(deps), {
      to: user.email,
      userId: actor.id,
      template: 'passwordChanged',
      content: emailContent.passwordChanged({ signInUrl: link(deps, '/sign-in'), serviceName: deps.config.serviceName }),
    });
    await recordAudit(trx, { actorId: actor.id, action: 'account.password_changed', subjectType: 'user', subjectId: actor.id });
  });
}

export async function signOutEverywhere(deps: AccountDeps, userId: string): Promise<void> {
  await deleteUserSessions(deps.db, userId);
  await recordAudit(deps.db, { actorId: userId, action: 'account.signed_out_everywhere', subjectType: 'user', subjectId: userId });
}
