// Brokering: a mentee who has found no fit asks the programme admins to find a mentor for them (one
// open request per mentee per programme, broker_requests), and an admin proposes one, which invites
// that mentor on the mentee's behalf (initiated_by 'admin', counted against the mentee's limit).
// Admins see the mentee's profile and chemistry history, including decline reasons, which only
// admins ever see.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/connection.ts';
import { openInvitationStatuses } from '../../db/types.ts';
import { queueEmail } from '../../email/outbox.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { StatusTag } from '../../platform/status-machine.ts';
import { getMenteeProfileView, type MenteeProfileView } from '../mentees/profile-service.ts';
import { absoluteUrl, mailDeps, paths, type InvitationDeps } from './deps.ts';
import { invitationEmails, templateName } from './emails.ts';
import { countMenteeSlots, inTransaction, insertInvitation, slotsText, type MenteeSlots } from './create-service.ts';
import type { ProposeInput } from './schemas.ts';
import { declineReasonsForAdmins, invitationMachine, type DeclineReason } from './statuses.ts';
import { lockPeople } from './transitions.ts';

export async function requestBroker(deps: InvitationDeps, actor: Actor, programmeId: string): Promise<void> {
  if (!policies.canFindMentors(actor, programmeId)) throw new ForbiddenError();
  await deps.db.transaction().execute(async (trx) => {
    await lockPeople(trx, [actor.id]);
    const programme = await trx.selectFrom('programmes').select(['id', 'name']).where('id', '=', programmeId).where('archived_at', 'is', null).executeTakeFirst();
    if (!programme) throw new NotFoundError();
    const slots = await countMenteeSlots(trx, programmeId, actor.id);
    if (slots.hasMentor) throw new ConflictError('You already have a mentor on this programme', 'has_mentor');
    const open = await trx.selectFrom('broker_requests').select('id').where('programme_id', '=', programmeId).where('mentee_id', '=', actor.id).where('status', '=', 'open').executeTakeFirst();
    if (open) throw new ConflictError('You have already asked a programme admin to help you find a mentor', 'broker_already_open');
    const request = await trx.insertInto('broker_requests').values({ programme_id: programmeId, mentee_id: actor.id }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'broker_request.created', subjectType: 'broker_request', subjectId: request.id, programmeId });
    const admins = await trx
      .selectFrom('programme_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email'])
      .where('m.programme_id', '=', programmeId)
      .where('m.role', '=', 'programme_admin')
      .execute();
    for (const admin of admins) {
      await queueEmail(trx, mailDeps(deps), {
        to: admin.email, userId: admin.id, template: templateName('brokerRequested'),
        content: invitationEmails.brokerRequested({ programmeName: programme.name, url: absoluteUrl(deps, paths.brokerQueue(programmeId)) }),
      });
    }
  });
}

export async function findOpenBrokerRequest(db: Db, programmeId: string, menteeId: string): Promise<{ id: string; createdAt: Date } | null> {
  const row = await db.selectFrom('broker_requests').select(['id', 'created_at']).where('programme_id', '=', programmeId).where('mentee_id', '=', menteeId).where('status', '=', 'open').executeTakeFirst();
  return row ? { id: row.id, createdAt: row.created_at } : null;
}

export interface BrokerQueueRow {
  id: string;
  menteeName: string;
  jobTitle: string;
  organisation: string;
  createdAt: Date;
  status: 'open' | 'proposed' | 'closed';
  proposedMentorName: string | null;
}

export async function getBrokerQueue(db: Db, actor: Actor, programmeId: string) {
  if (!policies.canManageProgramme(actor, programmeId)) throw new ForbiddenError();
  const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  const rows = await db
    .selectFrom('broker_requests as b')
    .innerJoin('users as u', 'u.id', 'b.mentee_id')
    .leftJoin('mentee_profiles as p', 'p.user_id', 'b.mentee_id')
    .leftJoin('users as m', 'm.id', 'b.proposed_mentor_id')
    .select(['b.id', 'u.full_name as menteeName', 'p.job_title', 'p.organisation', 'b.created_at', 'b.status', 'm.full_name as proposedMentorName'])
    .where('b.programme_id', '=', programmeId)
    .where('b.status', 'in', ['open', 'proposed'])
    .orderBy('b.created_at')
    .execute();
  const requests: BrokerQueueRow[] = rows.map((row) => ({
    id: row.id, menteeName: row.menteeName, jobTitle: row.job_title ?? '', organisation: row.organisation ?? '', createdAt: row.created_at,
    status: row.status, proposedMentorName: row.proposedMentorName,
  }));
  return { programme, open: requests.filter((r) => r.status === 'open'), proposed: requests.filter((r) => r.status === 'proposed') };
}

export interface BrokerRequestPage {
  programme: { id: string; name: string };
  request: { id: string; status: 'open' | 'proposed' | 'closed'; createdAt: Date };
  mentee: { id: string; fullName: string };
  profile: MenteeProfileView;
  slots: MenteeSlots;
  slotsText: string;
  history: { mentorName: string; tag: StatusTag; initiatedBy: string; createdAt: Date; declineReason: string | null }[];
  mentors: { id: string; fullName: string; jobTitle: string; placesLeft: number }[];
}

export async function getBrokerRequestPage(db: Db, actor: Actor, programmeId: string, requestId: string): Promise<BrokerRequestPage> {
  if (!policies.canManageProgramme(actor, programmeId)) throw new ForbiddenError();
  const request = await db
    .selectFrom('broker_requests as b')
    .innerJoin('programmes as p', 'p.id', 'b.programme_id')
    .innerJoin('users as u', 'u.id', 'b.mentee_id')
    .select(['b.id', 'b.status', 'b.created_at', 'b.mentee_id', 'u.full_name', 'p.name as programmeName'])
    .where('b.id', '=', requestId)
    .where('b.programme_id', '=', programmeId)
    .executeTakeFirst();
  if (!request) throw new NotFoundError();
  const [profile, slots, history, mentors] = await Promise.all([
    getMenteeProfileView(db, request.mentee_id),
    countMenteeSlots(db, programmeId, request.mentee_id),
    db.selectFrom('invitations as i').innerJoin('users as m', 'm.id', 'i.mentor_id')
      .select(['m.full_name', 'i.status', 'i.initiated_by', 'i.created_at', 'i.decline_reason'])
      .where('i.programme_id', '=', programmeId).where('i.mentee_id', '=', request.mentee_id).orderBy('i.created_at', 'desc').execute(),
    // Approved mentors of the programme with room now, and no open invitation with this mentee.
    db.selectFrom('mentor_applications as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .innerJoin('mentor_profiles as p', 'p.user_id', 'a.user_id')
      .select(['u.id', 'u.full_name', 'p.job_title', sql<number>`p.capacity - (select count(*) from relationships r where r.mentor_id = u.id and r.status = 'active')`.as('placesLeft')])
      .where('a.programme_id', '=', programmeId).where('a.status', '=', 'approved').where('p.is_paused', '=', false).where('u.id', '<>', request.mentee_id)
      .where(sql<boolean>`p.capacity > (select count(*) from relationships r where r.mentor_id = u.id and r.status = 'active')`)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('invitations as i').select('i.id').whereRef('i.mentor_id', '=', 'u.id')
        .where('i.mentee_id', '=', request.mentee_id).where('i.programme_id', '=', programmeId).where('i.status', 'in', openInvitationStatuses))))
      .orderBy('u.full_name')
      .execute(),
  ]);
  return {
    programme: { id: programmeId, name: request.programmeName },
    request: { id: request.id, status: request.status, createdAt: request.created_at },
    mentee: { id: request.mentee_id, fullName: request.full_name },
    profile, slots, slotsText: slotsText(slots, 'They'),
    history: history.map((row) => ({
      mentorName: row.full_name, tag: invitationMachine.label(row.status, 'tag'), initiatedBy: row.initiated_by, createdAt: row.created_at,
      declineReason: row.decline_reason ? (declineReasonsForAdmins[row.decline_reason as DeclineReason] ?? row.decline_reason) : null,
    })),
    mentors: mentors.map((row) => ({ id: row.id, fullName: row.full_name, jobTitle: row.job_title, placesLeft: Number(row.placesLeft) })),
  };
}

/** Invites the chosen mentor on the mentee's behalf and marks the request proposed, in one transaction. */
export async function proposeMentor(deps: InvitationDeps, actor: Actor, programmeId: string, requestId: string, input: ProposeInput): Promise<string> {
  if (!policies.canManageProgramme(actor, programmeId)) throw new ForbiddenError();
  const request = await deps.db.selectFrom('broker_requests').select(['mentee_id']).where('id', '=', requestId).where('programme_id', '=', programmeId).executeTakeFirst();
  if (!request) throw new NotFoundError();
  return inTransaction(deps, 'This mentee already has an open invitation to that mentor', async (trx) => {
    await lockPeople(trx, [request.mentee_id]);
    const locked = await trx.selectFrom('broker_requests').select(['id', 'status']).where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'open') throw new ConflictError('Another admin has already acted on this request', 'broker_not_open');
    const mentorIsApproved = await trx.selectFrom('mentor_applications').select('id')
      .where('programme_id', '=', programmeId).where('user_id', '=', input.mentorId).where('status', '=', 'approved').executeTakeFirst();
    if (!mentorIsApproved) throw new ValidationError({ mentorId: 'Choose a mentor from the list' });
    const invitationId = await insertInvitation(trx, deps, {
      programmeId, menteeId: request.mentee_id, mentorId: input.mentorId, initiatedBy: 'admin', actorId: actor.id,
      message: input.message, mentoringType: undefined, preferredModeIds: [], preferredTimes: '', seekingPostId: null,
    });
    await trx.updateTable('broker_requests').set({ status: 'proposed', proposed_mentor_id: input.mentorId }).where('id', '=', requestId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'broker_request.proposed', subjectType: 'broker_request', subjectId: requestId, programmeId, details: { invitationId } });
    return invitationId;
  });
}
