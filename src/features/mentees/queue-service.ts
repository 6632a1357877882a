// The programme admin's side of mentee applications: the queue with counts and filters, one
// applicant's full application (profile, line manager's answer, history), and the decision.
// Admins of one programme never see another programme's applications.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { MenteeApplicationStatus } from '../../db/types.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { listTermsForForms } from '../taxonomies/service.ts';
import { formatWhen } from '../../platform/formatting.ts';
import { getMenteeProfileView } from './profile-service.ts';
import type { DecisionInput, QueueFilters } from './schemas.ts';
import { menteeApplicationMachine, queueStatuses } from './statuses.ts';
import { emailMentee, findProgramme, lockApplication, moveApplication, type MenteeDeps, type Reader } from './transitions.ts';

/** A table, not a report: more than this and the admin should filter. */
const QUEUE_LIMIT = 200;

function requireManager(actor: Actor, programmeId: string): void {
  if (!policies.canManageProgramme(actor, programmeId)) throw new ForbiddenError();
}

export async function countAwaitingAdmin(db: Reader, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('mentee_applications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'awaiting_admin')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function getMenteeQueue(db: Reader, actor: Actor, programmeId: string, filters: QueueFilters) {
  requireManager(actor, programmeId);
  const programme = await findProgramme(db, programmeId);
  const countRows = await db
    .selectFrom('mentee_applications')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('programme_id', '=', programmeId)
    .groupBy('status')
    .execute();
  const countOf = new Map(countRows.map((row) => [row.status, row.n]));
  const counts = queueStatuses.map((status) => ({ status, ...menteeApplicationMachine.label(status, 'tag'), count: countOf.get(status) ?? 0, current: filters.status === status }));

  let query = db
    .selectFrom('mentee_applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('mentee_profiles as mp', 'mp.user_id', 'a.user_id')
    .leftJoin('taxonomy_terms as prof', 'prof.id', 'mp.profession_id')
    .leftJoin('taxonomy_terms as band', 'band.id', 'mp.band_id')
    .leftJoin('taxonomy_terms as reg', 'reg.id', 'mp.region_id')
    .select(['a.id', 'a.status', 'a.submitted_at', 'u.full_name', 'prof.label as profession', 'band.label as band', 'reg.label as region'])
    .where('a.programme_id', '=', programmeId)
    .where('a.status', '<>', 'draft');
  if (filters.status) query = query.where('a.status', '=', filters.status);
  if (filters.professionId) query = query.where('mp.profession_id', '=', filters.professionId);
  if (filters.regionId) query = query.where('mp.region_id', '=', filters.regionId);
  if (filters.bandId) query = query.where('mp.band_id', '=', filters.bandId);
  const rows = await query.orderBy('a.submitted_at').orderBy('u.full_name').limit(QUEUE_LIMIT + 1).execute();
  const terms = await listTermsForForms(db);
  return {
    programme,
    counts,
    filters,
    isFiltered: Boolean(filters.status || filters.professionId || filters.regionId || filters.bandId),
    applicants: rows.slice(0, QUEUE_LIMIT).map((row) => ({ ...row, tag: menteeApplicationMachine.label(row.status, 'tag') })),
    isTruncated: rows.length > QUEUE_LIMIT,
    limit: QUEUE_LIMIT,
    terms: { profession: terms.profession, region: terms.region, band: terms.band },
  };
}

function whoDid(event: { actor_name: string | null; from_status: string | null; to_status: string }): string {
  if (event.actor_name) return event.actor_name;
  if (event.to_status === 'line_manager_expired') return 'Automatically: no answer in time';
  return event.from_status === 'awaiting_line_manager' ? 'Line manager' : 'Automatically';
}

async function history(db: Reader, applicationId: string) {
  const events = await db
    .selectFrom('application_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.from_status', 'e.to_status', 'e.reason', 'e.occurred_at', 'e.actor_user_id', 'u.full_name as actor_name'])
    .where('e.application_kind', '=', 'mentee')
    .where('e.application_id', '=', applicationId)
    .orderBy('e.id')
    .execute();
  const label = (status: string | null) => (status === null ? '' : menteeApplicationMachine.isState(status) ? menteeApplicationMachine.label(status, 'tag').text : status);
  return events.map((event) => ({ ...event, fromLabel: label(event.from_status), toLabel: label(event.to_status), by: whoDid(event) }));
}

export async function getMenteeApplicant(db: Reader, actor: Actor, programmeId: string, applicationId: string) {
  requireManager(actor, programmeId);
  const programme = await findProgramme(db, programmeId);
  const application = await db
    .selectFrom('mentee_applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'a.programme_id', 'a.status', 'a.submitted_at', 'a.admin_message', 'u.full_name', 'u.email'])
    .where('a.id', '=', applicationId)
    .where('a.programme_id', '=', programmeId)
    .where('a.status', '<>', 'draft')
    .executeTakeFirst();
  if (!application) throw new NotFoundError();
  const subject = { userId: application.user_id, programmeId: application.programme_id };
  if (!policies.canViewApplication(actor, subject)) throw new NotFoundError();
  const [profile, requests, events] = await Promise.all([
    getMenteeProfileView(db, application.user_id),
    db
      .selectFrom('line_manager_requests')
      .select(['manager_name', 'manager_email', 'status', 'reason', 'created_at', 'reminded_at', 'responded_at', 'expires_at'])
      .where('application_id', '=', application.id)
      .orderBy('created_at', 'desc')
      .execute(),
    history(db, application.id),
  ]);
  return {
    programme,
    application: { ...application, tag: menteeApplicationMachine.label(application.status, 'tag') },
    profile,
    requests,
    events,
    version: String(events.at(-1)?.id ?? ''),
    canDecide: menteeApplicationMachine.targets(application.status, 'admin').length > 0 && policies.canDecideApplication(actor, subject),
  };
}

const decisions = {
  approve: { to: 'approved', action: 'approved', email: 'menteeApproved' },
  reject: { to: 'rejected', action: 'rejected', email: 'menteeRejected' },
  more_info: { to: 'more_info_requested', action: 'more_info_requested', email: 'menteeMoreInfoRequested' },
} as const;

/** Why a decision could not be made: someone else got there first, or the application changed. */
function conflictMessage(status: MenteeApplicationStatus, latest: { occurred_at: Date; actor_user_id: string | null } | undefined, actor: Actor): string {
  const when = latest ? ` ${formatWhen(latest.occurred_at)}` : '';
  const who = latest?.actor_user_id === actor.id ? 'You' : 'Another admin';
  if (status === 'approved' || status === 'rejected') return `${who} decided this application${when}`;
  if (status === 'more_info_requested') return `${who} asked for more information about this application${when}`;
  return 'This application is not waiting for a decision';
}

/**
 * Approve, reject or ask for more: one transaction that locks the application and checks it is
 * still waiting for a decision and unchanged since the admin opened it (`version`, the id of its
 * latest event). The mentee's email says a decision was made; the reason stays on the page.
 */
export async function decideMenteeApplication(deps: MenteeDeps, actor: Actor, programmeId: string, applicationId: string, input: DecisionInput): Promise<'approved' | 'rejected' | 'more_info_requested'> {
  requireManager(actor, programmeId);
  return deps.db.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, { id: applicationId, programmeId });
    if (!application || application.status === 'draft') throw new NotFoundError();
    if (!policies.canDecideApplication(actor, { userId: application.user_id, programmeId: application.programme_id })) throw new ForbiddenError();
    const latest = await trx
      .selectFrom('application_events')
      .select(['id', 'occurred_at', 'actor_user_id'])
      .where('application_kind', '=', 'mentee')
      .where('application_id', '=', application.id)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const decision = decisions[input.decision];
    menteeApplicationMachine.assertMove(application.status, decision.to, 'admin', () => new ConflictError(conflictMessage(application.status, latest, actor), 'already_decided'));
    if (String(latest?.id ?? '') !== input.version) {
      throw new ConflictError('This application has changed since you opened it. Check it again before you decide.', 'application_changed');
    }
    const reason = input.decision === 'reject' ? input.reason : input.decision === 'more_info' ? input.message : null;
    await moveApplication(trx, application, decision.to, {
      actorId: actor.id,
      action: decision.action,
      reason,
      set: input.decision === 'more_info' ? { admin_message: input.message } : { decided_at: sql<Date>`now()` as unknown as Date, decided_by: actor.id },
    });
    await emailMentee(trx, deps, application, decision.email);
    return decision.to;
  });
}
