// After the meeting: the mentee chooses to continue with one mentor (who then confirms) or with
// none. The mentor's confirmation is the step that uses a place of their capacity, so it locks the
// mentor's and mentee's rows (in id order), re-checks the capacity under the lock, and in the same
// transaction starts the relationship, closes the mentee's other open invitations in the programme
// with a thank-you to each mentor, and closes any open brokering request. Two confirmations racing
// for a last place give one relationship; the other is refused and nothing of it is written.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import { openInvitationStatuses, type Invitation } from '../../db/types.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { InvitationDeps, Trx } from './deps.ts';
import { invitationEmails } from './emails.ts';
import type { ConfirmInput } from './schemas.ts';
import { findMentorAvailability } from './create-service.ts';
import { lockForAction } from './respond-service.ts';
import { auditInvitation, calendarFor, emailPerson, invitationUrl, loadParties, lockInvitation, lockPeople, moveInvitation } from './transitions.ts';

/** The mentor's last place went to someone else between choosing and confirming. */
export class NoPlaceLeftError extends ConflictError {
  constructor(message: string) {
    super(message, 'no_place_left');
  }
}

/** The invitation's parties, read before locking so the people rows can be locked first (lock order). */
async function partiesOf(deps: InvitationDeps, actor: Actor, invitationId: string): Promise<Pick<Invitation, 'mentee_id' | 'mentor_id'>> {
  const row = await deps.db.selectFrom('invitations').select(['mentee_id', 'mentor_id']).where('id', '=', invitationId).executeTakeFirst();
  if (!row || !policies.isInvitationParty(actor, { menteeId: row.mentee_id, mentorId: row.mentor_id })) throw new NotFoundError();
  return row;
}

export async function chooseMentor(deps: InvitationDeps, actor: Actor, invitationId: string): Promise<void> {
  const people = await partiesOf(deps, actor, invitationId);
  await deps.db.transaction().execute(async (trx) => {
    await lockPeople(trx, [people.mentee_id]);
    const { invitation } = await lockForAction(trx, actor, invitationId, 'choose');
    const mentor = await findMentorAvailability(trx, invitation.programme_id, invitation.mentor_id);
    if (!mentor) throw new NotFoundError();
    if (mentor.active >= mentor.capacity) throw new NoPlaceLeftError(`${mentor.fullName} has no places left at the moment`);
    if (invitation.chosen_at !== null) return;
    // Choosing someone else changes the mentee's mind: only one mentor at a time is asked to confirm.
    await trx
      .updateTable('invitations')
      .set({ chosen_at: null })
      .where('programme_id', '=', invitation.programme_id)
      .where('mentee_id', '=', invitation.mentee_id)
      .where('status', '=', 'met')
      .where('id', '<>', invitation.id)
      .execute();
    await trx.updateTable('invitations').set({ chosen_at: sql<Date>`now()` }).where('id', '=', invitation.id).execute();
    await auditInvitation(trx, invitation, actor.id, 'mentor_chosen');
    const parties = await loadParties(trx, invitation);
    await emailPerson(trx, deps, parties.mentor, 'chosen', invitationEmails.chosen({ programmeName: parties.programmeName, url: invitationUrl(deps, invitation.id), name: parties.mentee.fullName }));
  });
}

/** The mentee does not continue with this mentor: a thank-you, and the place frees up. */
export async function continueWithNone(deps: InvitationDeps, actor: Actor, invitationId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { invitation } = await lockForAction(trx, actor, invitationId, 'none');
    const closed = await moveInvitation(trx, invitation, 'not_chosen', { actorId: actor.id, action: 'not_continued', set: { chosen_at: null } });
    const parties = await loadParties(trx, closed);
    await emailPerson(trx, deps, parties.mentor, 'thankYou', invitationEmails.thankYou({ programmeName: parties.programmeName, url: invitationUrl(deps, closed.id), name: parties.mentee.fullName, met: true }));
  });
}

/** Closes the mentee's other open invitations in the programme: pending ones are withdrawn, the rest not chosen. */
async function closeOtherInvitations(trx: Trx, deps: InvitationDeps, chosen: Invitation, actorId: string): Promise<void> {
  const others = await trx
    .selectFrom('invitations')
    .select('id')
    .where('programme_id', '=', chosen.programme_id)
    .where('mentee_id', '=', chosen.mentee_id)
    .where('status', 'in', openInvitationStatuses)
    .where('id', '<>', chosen.id)
    .orderBy('id')
    .execute();
  for (const { id } of others) {
    const other = await lockInvitation(trx, id);
    if (!other || !(openInvitationStatuses as readonly string[]).includes(other.status)) continue;
    const hadMeeting = other.meeting_starts_at !== null;
    const closed = await moveInvitation(trx, other, other.status === 'pending' ? 'withdrawn' : 'not_chosen', {
      actorId, action: 'closed_mentor_found', set: { chosen_at: null, ...(hadMeeting ? { ics_sequence: other.ics_sequence + 1 } : {}) },
    });
    const parties = await loadParties(trx, closed);
    const calendar = calendarFor(deps, closed, parties, 'CANCEL');
    const content = invitationEmails.thankYou({ programmeName: parties.programmeName, url: invitationUrl(deps, closed.id), name: parties.mentee.fullName, met: other.status === 'met' });
    await emailPerson(trx, deps, parties.mentor, 'thankYou', content, calendar ? [calendar] : []);
  }
}

/** The chosen mentor answers: yes starts the relationship (if a place is still free); no closes this invitation. */
export async function confirmMentoring(deps: InvitationDeps, actor: Actor, invitationId: string, input: ConfirmInput): Promise<'started' | 'declined'> {
  const people = await partiesOf(deps, actor, invitationId);
  return deps.db.transaction().execute(async (trx) => {
    await lockPeople(trx, [people.mentee_id, people.mentor_id]);
    const { invitation } = await lockForAction(trx, actor, invitationId, 'confirm');
    const parties = await loadParties(trx, invitation);
    const url = invitationUrl(deps, invitation.id);
    if (input.decision === 'no') {
      await moveInvitation(trx, invitation, 'not_chosen', { actorId: actor.id, action: 'mentor_not_continuing', set: { closing_message: input.message || null } });
      await emailPerson(trx, deps, parties.mentee, 'mentorNotContinuing', invitationEmails.mentorNotContinuing({ programmeName: parties.programmeName, url, name: parties.mentor.fullName }));
      return 'declined';
    }

    const capacity = await trx
      .selectFrom('mentor_profiles as p')
      .select(['p.capacity', sql<number>`(select count(*) from relationships r where r.mentor_id = p.user_id and r.status = 'active')`.as('active')])
      .where('p.user_id', '=', invitation.mentor_id)
      .executeTakeFirstOrThrow();
    if (capacity.active >= capacity.capacity) {
      throw new NoPlaceLeftError(`Your last place has just been taken, so you cannot take on ${parties.mentee.fullName} as well. To mentor them too, raise your capacity in your mentor profile first`);
    }

    const relationship = await trx
      .insertInto('relationships')
      .values({ programme_id: invitation.programme_id, mentee_id: invitation.mentee_id, mentor_id: invitation.mentor_id, invitation_id: invitation.id, mentoring_type: invitation.mentoring_type })
      .returning(['id', 'phase'])
      .executeTakeFirstOrThrow();
    await trx.insertInto('relationship_phase_events').values({ relationship_id: relationship.id, from_phase: null, to_phase: relationship.phase, actor_user_id: actor.id }).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.started', subjectType: 'relationship', subjectId: relationship.id, programmeId: invitation.programme_id,
      details: { invitationId: invitation.id, mentoringType: invitation.mentoring_type },
    });
    await moveInvitation(trx, invitation, 'chosen', { actorId: actor.id, action: 'chosen', details: { relationshipId: relationship.id } });
    await closeOtherInvitations(trx, deps, invitation, actor.id);
    await trx
      .updateTable('broker_requests')
      .set({ status: 'closed', closed_at: sql<Date>`now()` })
      .where('programme_id', '=', invitation.programme_id)
      .where('mentee_id', '=', invitation.mentee_id)
      .where('status', 'in', ['open', 'proposed'])
      .execute();
    // Their "seeking a mentor" post has done its job: take it down, so mentors stop offering.
    await trx
      .updateTable('seeking_posts')
      .set({ status: 'closed', closed_at: sql<Date>`now()` })
      .where('programme_id', '=', invitation.programme_id)
      .where('mentee_id', '=', invitation.mentee_id)
      .where('status', '=', 'open')
      .execute();
    await emailPerson(trx, deps, parties.mentee, 'confirmed', invitationEmails.confirmed({ programmeName: parties.programmeName, url, name: parties.mentor.fullName }));
    return 'started';
  });
}
