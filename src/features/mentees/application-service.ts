// A mentee's application to one programme (ARCHITECTURE.md: draft → awaiting_line_manager →
// awaiting_admin → approved | rejected, with renomination after a decline or expiry and a resubmit
// after "more information"). Steps the programme switches off are skipped. Every change is one
// transaction that locks the application and checks the status the mentee's page showed.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { hashToken, newToken } from '../../auth/sessions.ts';
import type { LineManagerRequestStatus, MenteeApplication, MenteeApplicationStatus, Programme } from '../../db/types.ts';
import { queueEmail } from '../../email/outbox.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { lineManagerEmails } from './emails.ts';
import { formatDate } from '../../platform/formatting.ts';
import { getMenteeProfileView, type MenteeProfileView } from './profile-service.ts';
import { menteeApplicationMachine } from './statuses.ts';
import {
  absoluteUrl, applicationPath, emailMentee, findProgramme, firstStep, lockApplication, mailDeps, moveApplication, withdrawPendingRequests,
  type MenteeDeps, type Reader, type Trx,
} from './transitions.ts';

export interface LineManagerSummary {
  name: string;
  email: string;
  status: LineManagerRequestStatus;
  reason: string | null;
  createdAt: Date;
  remindedAt: Date | null;
  expiresAt: Date;
}

export interface ApplicationPage {
  kind: 'application';
  programme: Programme;
  /** What the page shows and the form sends back as `from`: 'draft' before the first send. */
  status: MenteeApplicationStatus;
  profile: MenteeProfileView;
  lineManager: LineManagerSummary | null;
  /** The admin's message (more information) or reason (not approved), for the mentee only. */
  adminMessage: string | null;
  needsLineManager: boolean;
}

export type MenteeApplicationPage = ApplicationPage | { kind: 'closed'; programme: Programme };

async function latestRequest(db: Reader, applicationId: string): Promise<LineManagerSummary | null> {
  const row = await db
    .selectFrom('line_manager_requests')
    .select(['manager_name', 'manager_email', 'status', 'reason', 'created_at', 'reminded_at', 'expires_at'])
    .where('application_id', '=', applicationId)
    .where('status', '<>', 'withdrawn')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    name: row.manager_name, email: row.manager_email, status: row.status, reason: row.reason,
    createdAt: row.created_at, remindedAt: row.reminded_at, expiresAt: new Date(row.expires_at),
  };
}

async function adminMessageFor(db: Reader, application: MenteeApplication): Promise<string | null> {
  if (application.status === 'more_info_requested') return application.admin_message;
  if (application.status !== 'rejected') return null;
  const event = await db
    .selectFrom('application_events')
    .select('reason')
    .where('application_kind', '=', 'mentee')
    .where('application_id', '=', application.id)
    .where('to_status', '=', 'rejected')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return event?.reason ?? null;
}

/** Whether sending from this status asks for a line manager's name and email. */
function asksForLineManager(programme: Programme, status: MenteeApplicationStatus): boolean {
  return programme.requires_line_manager && menteeApplicationMachine.canMove(status, 'awaiting_line_manager', 'mentee');
}

export async function getMenteeApplicationPage(db: Reader, actor: Actor, programmeId: string): Promise<MenteeApplicationPage> {
  const programme = await findProgramme(db, programmeId);
  const application = await db.selectFrom('mentee_applications').selectAll().where('programme_id', '=', programmeId).where('user_id', '=', actor.id).executeTakeFirst();
  if (application) {
    if (!policies.canViewApplication(actor, { userId: application.user_id, programmeId })) throw new NotFoundError();
  } else if (!policies.canViewProgramme(actor, { id: programme.id, isOpen: programme.is_open })) {
    throw new NotFoundError();
  }
  const status = application?.status ?? 'draft';
  if (status === 'draft' && !policies.canApplyToProgramme(actor, { isOpen: programme.is_open })) return { kind: 'closed', programme };
  return {
    kind: 'application',
    programme,
    status,
    profile: await getMenteeProfileView(db, actor.id, applicationPath(programmeId)),
    lineManager: application ? await latestRequest(db, application.id) : null,
    adminMessage: application ? await adminMessageFor(db, application) : null,
    needsLineManager: asksForLineManager(programme, status),
  };
}

export interface SubmitInput {
  from: MenteeApplicationStatus;
  lineManagerName?: string | undefined;
  lineManagerEmail?: string | undefined;
}

/** Creates a pending request with a one-time link (stored hashed) and emails it to the manager. */
async function askLineManager(trx: Trx, deps: MenteeDeps, application: MenteeApplication, programme: Programme, manager: { name: string; email: string }) {
  const token = newToken();
  const request = await trx
    .insertInto('line_manager_requests')
    .values({
      application_id: application.id, manager_name: manager.name, manager_email: manager.email, token_hash: hashToken(token),
      expires_at: sql<Date>`now() + make_interval(days => ${programme.line_manager_expiry_days})` as unknown as Date,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  const mentee = await trx.selectFrom('users').select('full_name').where('id', '=', application.user_id).executeTakeFirstOrThrow();
  await queueEmail(trx, mailDeps(deps), {
    to: manager.email,
    template: 'lineManagerRequest',
    content: lineManagerEmails.lineManagerRequest({
      menteeName: mentee.full_name, programmeName: programme.name, url: absoluteUrl(deps, `/line-manager/respond?token=${token}`),
      expiresOn: formatDate(new Date(request.expires_at)), serviceName: deps.config.serviceName,
    }),
  });
}

const arrivalEmails = {
  awaiting_line_manager: 'menteeAskedLineManager',
  awaiting_admin: 'menteeSentToAdmins',
  approved: 'menteeApproved',
} as const;

/**
 * Sends the application on (first time, or naming a different line manager): to the line manager
 * if the programme asks for one, otherwise to the admins, otherwise straight to approved.
 */
async function sendOnward(trx: Trx, deps: MenteeDeps, actor: Actor, application: MenteeApplication, programme: Programme, input: SubmitInput): Promise<MenteeApplicationStatus> {
  const to = firstStep(programme);
  await withdrawPendingRequests(trx, application.id);
  const manager = to === 'awaiting_line_manager' && input.lineManagerName && input.lineManagerEmail ? { name: input.lineManagerName, email: input.lineManagerEmail } : null;
  if (to === 'awaiting_line_manager' && !manager) throw new ValidationError({ lineManagerName: "Enter your line manager's name", lineManagerEmail: "Enter your line manager's work email address" });
  if (manager && manager.email === actor.email.toLowerCase()) throw new ValidationError({ lineManagerEmail: 'Your line manager cannot be you' });
  await moveApplication(trx, application, to, {
    actorId: actor.id,
    action: application.status === 'draft' ? 'submitted' : 'line_manager_renamed',
    set: {
      ...(application.status === 'draft' ? { submitted_at: sql<Date>`now()` as unknown as Date } : {}),
      ...(manager ? { line_manager_name: manager.name, line_manager_email: manager.email } : {}),
    },
  });
  if (manager) await askLineManager(trx, deps, application, programme, manager);
  await emailMentee(trx, deps, application, arrivalEmails[to]);
  return to;
}

const ALREADY_SENT = 'Your application has already been sent. This page shows where it is now.';

export async function submitMenteeApplication(deps: MenteeDeps, actor: Actor, programmeId: string, input: SubmitInput): Promise<MenteeApplicationStatus> {
  const programme = await findProgramme(deps.db, programmeId);
  return deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('mentee_applications').values({ programme_id: programmeId, user_id: actor.id }).onConflict((oc) => oc.columns(['programme_id', 'user_id']).doNothing()).execute();
    const application = await lockApplication(trx, { programmeId, userId: actor.id });
    if (!application || !policies.canViewApplication(actor, { userId: application.user_id, programmeId })) throw new NotFoundError();
    if (application.status !== input.from) {
      throw new ConflictError(application.status === 'draft' ? 'Reload the page and try again' : ALREADY_SENT, 'stale_application');
    }
    const profile = await getMenteeProfileView(trx, actor.id);
    if (profile.missing.length > 0) throw new ValidationError({ profile: 'Complete your mentee profile before you send your application' });
    // After "more information" it goes back to the admins; otherwise (again) to the programme's first step.
    const to = application.status === 'more_info_requested' ? 'awaiting_admin' : firstStep(programme);
    menteeApplicationMachine.assertMove(application.status, to, 'mentee', () => new ConflictError(ALREADY_SENT, 'stale_application'));
    if (application.status === 'draft' && !policies.canApplyToProgramme(actor, { isOpen: programme.is_open })) {
      throw new ConflictError('This programme is not taking applications at the moment', 'programme_closed');
    }
    if (application.status === 'more_info_requested') {
      await moveApplication(trx, application, 'awaiting_admin', { actorId: actor.id, action: 'resubmitted', set: { admin_message: null } });
      await emailMentee(trx, deps, application, 'menteeResubmitted');
      return 'awaiting_admin';
    }
    return sendOnward(trx, deps, actor, application, programme, input);
  });
}
