// The parts every mentee-application state change shares (ARCHITECTURE.md, state machines): lock
// the application, check the move against its machine (statuses.ts), write the change with its
// application_events row and audit row, and queue the mentee's email, all in the caller's one
// transaction. Locks are always taken application first, then its line-manager request, so
// concurrent changes cannot deadlock.
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Environment } from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, MenteeApplication, MenteeApplicationsTable, MenteeApplicationStatus, Programme } from '../../db/types.ts';
import { recordAudit } from '../../db/audit.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { NotFoundError } from '../../errors.ts';
import { menteeEmails, type MenteeEmailTemplate } from './emails.ts';
import { menteeApplicationMachine } from './statuses.ts';

export interface MenteeDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
}

export type Trx = Transaction<Database>;
export type Reader = Kysely<Database>;

export function mailDeps(deps: MenteeDeps) {
  return { jobs: deps.jobs, views: deps.views, serviceName: deps.config.serviceName };
}

export function absoluteUrl(deps: MenteeDeps, path: string): string {
  return `${deps.config.baseUrl}${path}`;
}

export function applicationPath(programmeId: string): string {
  return `/programmes/${programmeId}/mentee-application`;
}

/** A programme that exists and is not archived, or not found. */
export async function findProgramme(db: Reader, programmeId: string): Promise<Programme> {
  const programme = await db.selectFrom('programmes').selectAll().where('id', '=', programmeId).where('archived_at', 'is', null).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme;
}

/** Where an application goes after the line-manager step (or straight away if there is none). */
export function stepAfterLineManager(programme: Pick<Programme, 'requires_admin_approval'>): 'awaiting_admin' | 'approved' {
  return programme.requires_admin_approval ? 'awaiting_admin' : 'approved';
}

export function firstStep(programme: Pick<Programme, 'requires_line_manager' | 'requires_admin_approval'>): 'awaiting_line_manager' | 'awaiting_admin' | 'approved' {
  return programme.requires_line_manager ? 'awaiting_line_manager' : stepAfterLineManager(programme);
}

export async function lockApplication(
  trx: Trx,
  where: { id: string; programmeId?: string } | { programmeId: string; userId: string },
  options: { skipLocked?: boolean } = {},
): Promise<MenteeApplication | undefined> {
  let query = trx.selectFrom('mentee_applications').selectAll();
  if ('userId' in where) query = query.where('programme_id', '=', where.programmeId).where('user_id', '=', where.userId);
  else {
    query = query.where('id', '=', where.id);
    if (where.programmeId) query = query.where('programme_id', '=', where.programmeId);
  }
  const locked = query.forUpdate();
  return (options.skipLocked ? locked.skipLocked() : locked).executeTakeFirst();
}

export interface Move {
  actorId: string | null;
  /** The audit action, after "mentee_application.". */
  action: string;
  reason?: string | null;
  set?: Updateable<MenteeApplicationsTable>;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Moves a locked application to `to`: the row, its history, its audit entry, and for an approval
 * the programme membership that lets the mentee search the register. The caller has checked who
 * may make the move; a move the machine (statuses.ts) has no place for is refused.
 */
export async function moveApplication(trx: Trx, application: MenteeApplication, to: MenteeApplicationStatus, move: Move): Promise<void> {
  menteeApplicationMachine.assertMove(application.status, to);
  await trx
    .updateTable('mentee_applications')
    .set({ ...move.set, status: to, updated_at: sql`now()` })
    .where('id', '=', application.id)
    .execute();
  await trx
    .insertInto('application_events')
    .values({
      application_kind: 'mentee', application_id: application.id, from_status: application.status, to_status: to,
      actor_user_id: move.actorId, reason: move.reason ?? null,
    })
    .execute();
  await recordAudit(trx, {
    actorId: move.actorId,
    action: `mentee_application.${move.action}`,
    subjectType: 'mentee_application',
    subjectId: application.id,
    programmeId: application.programme_id,
    details: { from: application.status, to, ...move.details },
  });
  if (to === 'approved') {
    await trx
      .insertInto('programme_memberships')
      .values({ programme_id: application.programme_id, user_id: application.user_id, role: 'mentee', created_by: move.actorId })
      .onConflict((oc) => oc.columns(['programme_id', 'user_id', 'role']).doNothing())
      .execute();
  }
}

/** Earlier pending requests stop working when the mentee names someone else or the step ends. */
export async function withdrawPendingRequests(trx: Trx, applicationId: string): Promise<void> {
  await trx.updateTable('line_manager_requests').set({ status: 'withdrawn' }).where('application_id', '=', applicationId).where('status', '=', 'pending').execute();
}

export async function emailMentee(trx: Trx, deps: MenteeDeps, application: Pick<MenteeApplication, 'user_id' | 'programme_id'>, template: MenteeEmailTemplate): Promise<void> {
  const row = await trx
    .selectFrom('users as u')
    .innerJoin('programmes as p', (join) => join.on('p.id', '=', application.programme_id))
    .select(['u.email', 'p.name as programmeName'])
    .where('u.id', '=', application.user_id)
    .executeTakeFirstOrThrow();
  await queueEmail(trx, mailDeps(deps), {
    to: row.email,
    userId: application.user_id,
    template,
    content: menteeEmails[template]({ programmeName: row.programmeName, url: absoluteUrl(deps, applicationPath(application.programme_id)) }),
  });
}
