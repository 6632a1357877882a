// The parts every invitation state change shares (ARCHITECTURE.md, state machines): lock what must
// be locked, move the invitation with its invitation_events row and audit row (ids and codes only),
// and queue each party's email, all in the caller's one transaction. Locks are always taken people
// first (users rows, in id order), then invitations, so concurrent changes cannot deadlock.
import { sql, type Updateable } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import type { EmailAttachment, Invitation, InvitationsTable, InvitationStatus } from '../../db/types.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { EmailContent } from '../../email/content.ts';
import { ConflictError } from '../../errors.ts';
import { formatDateTime } from '../../platform/formatting.ts';
import { meetingCalendar } from './calendar.ts';
import { absoluteUrl, mailDeps, paths, type InvitationDeps, type Trx } from './deps.ts';
import { templateName, type InvitationEmail } from './emails.ts';
import { invitationMachine } from './statuses.ts';
import { isPastAnswerBy, type PartyRole } from './actions.ts';

export async function lockInvitation(trx: Trx, id: string, options: { skipLocked?: boolean } = {}): Promise<Invitation | undefined> {
  const query = trx.selectFrom('invitations').selectAll().where('id', '=', id).forUpdate();
  return (options.skipLocked ? query.skipLocked() : query).executeTakeFirst();
}

/** Locks people's rows in id order: a mentee's row guards their open-invitation limit, a mentor's their capacity. */
export async function lockPeople(trx: Trx, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  await trx.selectFrom('users').select('id').where('id', 'in', unique).orderBy('id').forUpdate().execute();
}

export interface Person {
  id: string;
  fullName: string;
  email: string;
}

export interface Parties {
  programmeName: string;
  mentee: Person;
  mentor: Person & { contactEmail: string };
  meetingModeLabel: string | null;
}

export async function loadParties(trx: Trx, invitation: Invitation): Promise<Parties> {
  const row = await trx
    .selectFrom('invitations as i')
    .innerJoin('programmes as p', 'p.id', 'i.programme_id')
    .innerJoin('users as me', 'me.id', 'i.mentee_id')
    .innerJoin('users as mo', 'mo.id', 'i.mentor_id')
    .leftJoin('mentor_profiles as mp', 'mp.user_id', 'i.mentor_id')
    .leftJoin('taxonomy_terms as mode', 'mode.id', 'i.meeting_mode_id')
    .select([
      'p.name as programmeName', 'me.full_name as menteeName', 'me.email as menteeEmail', 'mo.full_name as mentorName', 'mo.email as mentorEmail',
      'mp.contact_email as mentorContactEmail', 'mode.label as modeLabel',
    ])
    .where('i.id', '=', invitation.id)
    .executeTakeFirstOrThrow();
  return {
    programmeName: row.programmeName,
    mentee: { id: invitation.mentee_id, fullName: row.menteeName, email: row.menteeEmail },
    mentor: { id: invitation.mentor_id, fullName: row.mentorName, email: row.mentorEmail, contactEmail: row.mentorContactEmail ?? row.mentorEmail },
    meetingModeLabel: row.modeLabel,
  };
}

export function roleOf(invitation: Pick<Invitation, 'mentee_id' | 'mentor_id'>, userId: string): PartyRole {
  return invitation.mentee_id === userId ? 'mentee' : 'mentor';
}

export function otherParty(parties: Parties, role: PartyRole): Person {
  return role === 'mentee' ? parties.mentor : parties.mentee;
}

export interface Move {
  actorId: string | null;
  /** The audit action, after "invitation.". */
  action: string;
  set?: Updateable<InvitationsTable>;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Moves a locked invitation to `to`: the row, its history and its audit entry. Returns the row as it
 * now is. The caller has checked who may make the move; a move the machine has no place for is refused.
 */
export async function moveInvitation(trx: Trx, invitation: Invitation, to: InvitationStatus, move: Move): Promise<Invitation> {
  invitationMachine.assertMove(invitation.status, to, undefined, () => new InvitationStateError(invitation));
  const updated = await trx
    .updateTable('invitations')
    .set({ ...move.set, status: to, ...(invitationMachine.isClosed(to) ? { closed_at: sql<Date>`now()` } : {}) })
    .where('id', '=', invitation.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.insertInto('invitation_events').values({ invitation_id: invitation.id, from_status: invitation.status, to_status: to, actor_user_id: move.actorId }).execute();
  await auditInvitation(trx, invitation, move.actorId, move.action, { from: invitation.status, to, ...move.details });
  if (invitation.initiated_by === 'admin' && to !== 'chosen' && invitationMachine.isClosed(to)) await reopenBrokerRequest(trx, updated);
  return updated;
}

/**
 * A mentor a programme admin proposed did not work out (declined, expired, withdrawn, not chosen):
 * the mentee's brokering request goes back to the admins' queue as open, so nobody is left waiting
 * on a proposal that has ended. When the mentee has found a mentor, confirming closes it anyway.
 */
async function reopenBrokerRequest(trx: Trx, invitation: Invitation): Promise<void> {
  const reopened = await trx.updateTable('broker_requests')
    .set({ status: 'open', proposed_mentor_id: null })
    .where('programme_id', '=', invitation.programme_id).where('mentee_id', '=', invitation.mentee_id)
    .where('status', '=', 'proposed').where('proposed_mentor_id', '=', invitation.mentor_id)
    .returning('id').execute();
  for (const { id } of reopened) {
    await recordAudit(trx, { actorId: null, action: 'broker_request.reopened', subjectType: 'broker_request', subjectId: id, programmeId: invitation.programme_id, details: { invitationId: invitation.id } });
  }
}

export async function auditInvitation(trx: Trx, invitation: Pick<Invitation, 'id' | 'programme_id'>, actorId: string | null, action: string, details: Record<string, string | number | boolean | null> = {}) {
  await recordAudit(trx, { actorId, action: `invitation.${action}`, subjectType: 'invitation', subjectId: invitation.id, programmeId: invitation.programme_id, details });
}

export async function emailPerson(trx: Trx, deps: InvitationDeps, person: Person, email: InvitationEmail, content: EmailContent, attachments: EmailAttachment[] = []): Promise<void> {
  await queueEmail(trx, mailDeps(deps), { to: person.email, userId: person.id, template: templateName(email), content, ...(attachments.length > 0 ? { attachments } : {}) });
}

export function invitationUrl(deps: Pick<InvitationDeps, 'config'>, invitationId: string): string {
  return absoluteUrl(deps, paths.invitation(invitationId));
}

/** The meeting's .ics for both parties; null when no meeting has been proposed. */
export function calendarFor(deps: InvitationDeps, invitation: Invitation, parties: Parties, method: 'REQUEST' | 'CANCEL'): EmailAttachment | null {
  if (!invitation.meeting_starts_at || !invitation.meeting_minutes) return null;
  return meetingCalendar(deps.config, {
    invitationId: invitation.id, method, sequence: invitation.ics_sequence, startsAt: new Date(invitation.meeting_starts_at),
    minutes: invitation.meeting_minutes, modeLabel: parties.meetingModeLabel ?? 'To be agreed',
    // The mentor's attendee address is the one they chose to share with mentees (mentor_profiles.contact_email).
    mentee: { name: parties.mentee.fullName, email: parties.mentee.email }, mentor: { name: parties.mentor.fullName, email: parties.mentor.contactEmail },
    url: invitationUrl(deps, invitation.id),
  });
}

export function meetingWhen(invitation: Pick<Invitation, 'meeting_starts_at' | 'meeting_minutes'>): string | null {
  return invitation.meeting_starts_at ? `${formatDateTime(invitation.meeting_starts_at)} (${invitation.meeting_minutes ?? 45} minutes)` : null;
}

/** The action is not possible in the invitation's current state: say what state it is in. */
export class InvitationStateError extends ConflictError {
  constructor(invitation: Pick<Invitation, 'status' | 'expires_at'>, now: Date = new Date()) {
    super(
      isPastAnswerBy(invitation, now)
        ? 'This invitation has expired. It was not answered in time'
        : `This invitation ${invitationMachine.label(invitation.status, 'alreadyDone')}, so that can no longer be done`,
      'invitation_state',
    );
  }
}

export const tagFor = (invitation: Pick<Invitation, 'status' | 'expires_at'>, now: Date = new Date()) =>
  invitationMachine.label(isPastAnswerBy(invitation, now) ? 'expired' : invitation.status, 'tag');
