// What a programme admin reads: the programme's mentor applications by status (with filters) and
// one applicant's full profile, training and history. Every reader checks the policy again, and
// only applications of the programme in the address are ever found.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import type { MentorApplication, MentorApplicationStatus, TaxonomyTerm } from '../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { listTermsForForms } from '../taxonomies/service.ts';
import { getPlatformSettings } from '../taxonomies/settings-service.ts';
import type { QueueQuery, QueueTab } from './application-schemas.ts';
import { readProfile, type ProfileView } from './profile-view.ts';
import { mentorApplicationMachine } from './statuses.ts';
import { listTraining, type TrainingRecordView } from './training-service.ts';

async function findProgramme(db: Db, actor: Actor, programmeId: string) {
  if (!policies.canManageProgramme(actor, programmeId)) throw new ForbiddenError();
  const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme;
}

/** The programme's applications that have been sent at least once, narrowed by the filters. */
function filtered(db: Db, programmeId: string, query: QueueQuery) {
  return db
    .selectFrom('mentor_applications as a')
    .leftJoin('mentor_profiles as p', 'p.user_id', 'a.user_id')
    .where('a.programme_id', '=', programmeId)
    .where('a.submitted_at', 'is not', null)
    .$if(query.profession !== undefined, (qb) => qb.where('p.profession_id', '=', query.profession ?? ''))
    .$if(query.region !== undefined, (qb) => qb.where('p.region_id', '=', query.region ?? ''));
}

const hasUnverifiedTraining = sql<boolean>`exists (select 1 from training_records tr where tr.user_id = a.user_id and tr.verified_at is null)`;

export interface QueueRow {
  id: string;
  fullName: string;
  jobTitle: string;
  organisation: string;
  submittedAt: Date | null;
  status: MentorApplicationStatus;
}

export interface QueuePage {
  programme: { id: string; name: string };
  counts: Record<QueueTab, number>;
  rows: QueueRow[];
  professions: TaxonomyTerm[];
  regions: TaxonomyTerm[];
}

export async function getQueue(db: Db, actor: Actor, programmeId: string, query: QueueQuery): Promise<QueuePage> {
  const programme = await findProgramme(db, actor, programmeId);
  const [countRows, training, terms] = await Promise.all([
    filtered(db, programmeId, query).select(['a.status', sql<number>`count(*)`.as('n')]).groupBy('a.status').execute(),
    filtered(db, programmeId, query).select(sql<number>`count(*)`.as('n')).where('a.status', '=', 'approved').where(hasUnverifiedTraining).executeTakeFirst(),
    listTermsForForms(db),
  ]);
  const counts: Record<QueueTab, number> = { submitted: 0, more_info_requested: 0, approved: 0, rejected: 0, training: training?.n ?? 0 };
  for (const row of countRows) if (row.status !== 'draft') counts[row.status] = row.n;

  let list = filtered(db, programmeId, query)
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'u.full_name', 'p.job_title', 'p.organisation', 'a.submitted_at', 'a.status']);
  list = query.status === 'training' ? list.where('a.status', '=', 'approved').where(hasUnverifiedTraining) : list.where('a.status', '=', query.status);
  // Oldest first while waiting (first come, first served); most recent first once decided.
  const rows = await (query.status === 'submitted' ? list.orderBy('a.submitted_at', 'asc') : list.orderBy('a.updated_at', 'desc')).orderBy('u.full_name').execute();
  return {
    programme,
    counts,
    rows: rows.map((row) => ({ id: row.id, fullName: row.full_name, jobTitle: row.job_title ?? '', organisation: row.organisation ?? '', submittedAt: row.submitted_at, status: row.status })),
    professions: terms.profession,
    regions: terms.region,
  };
}

/** For the programme page's link: how many mentor applications are waiting for a decision. */
export async function countAwaitingMentorApplications(db: Db, programmeId: string): Promise<number> {
  const row = await db.selectFrom('mentor_applications').select(sql<number>`count(*)`.as('n')).where('programme_id', '=', programmeId).where('status', '=', 'submitted').executeTakeFirst();
  return row?.n ?? 0;
}

export interface HistoryEntry {
  occurredAt: Date;
  from: MentorApplicationStatus | null;
  to: MentorApplicationStatus;
  actorName: string | null;
  isApplicant: boolean;
  reason: string | null;
}

export interface ApplicantPage {
  programme: { id: string; name: string };
  application: MentorApplication;
  applicant: { id: string; fullName: string; email: string };
  profile: ProfileView;
  training: TrainingRecordView[];
  history: HistoryEntry[];
  /** Deciding is open: the application is waiting and the actor is not the applicant. */
  canDecide: boolean;
  /** Verifying training follows the deciding rule, whatever the status (never one's own). */
  canVerify: boolean;
}

export async function getApplicantPage(db: Db, actor: Actor, programmeId: string, applicationId: string): Promise<ApplicantPage> {
  const programme = await findProgramme(db, actor, programmeId);
  const application = await db.selectFrom('mentor_applications').selectAll().where('id', '=', applicationId).where('programme_id', '=', programmeId).executeTakeFirst();
  // A draft has not been sent to the programme yet, so it is not the admins' to read.
  if (!application || application.submitted_at === null) throw new NotFoundError();
  if (!policies.canViewApplication(actor, { userId: application.user_id, programmeId })) throw new ForbiddenError();
  const canVerify = policies.canDecideApplication(actor, { userId: application.user_id, programmeId });
  const applicant = await db.selectFrom('users').select(['id', 'full_name', 'email']).where('id', '=', application.user_id).executeTakeFirstOrThrow();
  const settings = await getPlatformSettings(db);
  const [profile, training, events] = await Promise.all([
    readProfile(db, applicant.id, applicant.email, settings.ethicsCodeName),
    listTraining(db, applicant.id),
    db
      .selectFrom('application_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_user_id')
      .select(['e.occurred_at', 'e.from_status', 'e.to_status', 'e.reason', 'e.actor_user_id', 'u.full_name'])
      .where('e.application_kind', '=', 'mentor')
      .where('e.application_id', '=', application.id)
      .orderBy('e.occurred_at')
      .orderBy('e.id')
      .execute(),
  ]);
  return {
    programme,
    application,
    applicant: { id: applicant.id, fullName: applicant.full_name, email: applicant.email },
    profile,
    training,
    history: events.map((event) => ({
      occurredAt: event.occurred_at,
      from: event.from_status as MentorApplicationStatus | null,
      to: event.to_status as MentorApplicationStatus,
      actorName: event.full_name,
      isApplicant: event.actor_user_id === applicant.id,
      reason: event.reason,
    })),
    canDecide: mentorApplicationMachine.targets(application.status, 'admin').length > 0 && canVerify,
    canVerify,
  };
}
