// Answering and following through an invitation: accept (the mentor proposes the meeting, which
// both get as an .ics REQUEST), decline, withdraw or cancel (an .ics CANCEL when a meeting had
// been proposed), change the meeting's time (REQUEST with SEQUENCE + 1) and mark it as met. Each is
// one transaction that locks the invitation, re-checks what this party may do now (actions.ts),
// writes the change with its history and audit rows, and queues the emails.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Invitation, InvitationStatus } from '../../db/types.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { allowedTermIds } from '../taxonomies/service.ts';
import { allowedActions, answeringRole, type InvitationAction, type PartyRole } from './actions.ts';
import type { InvitationDeps, Trx } from './deps.ts';
import { invitationEmails } from './emails.ts';
import type { DeclineInput, MeetingInput } from './schemas.ts';
import {
  InvitationStateError, auditInvitation, calendarFor, emailPerson, invitationUrl, loadParties, lockInvitation, meetingWhen, moveInvitation, otherParty, roleOf, type Parties,
} from './transitions.ts';

interface Locked {
  invitation: Invitation;
  role: PartyRole;
}

/** Locks the invitation, checks the actor is a party (404 otherwise) and may take `action` now. */
export async function lockForAction(trx: Trx, actor: Actor, invitationId: string, action: InvitationAction | InvitationAction[]): Promise<Locked> {
  const invitation = await lockInvitation(trx, invitationId);
  if (!invitation || !policies.isInvitationParty(actor, { menteeId: invitation.mentee_id, mentorId: invitation.mentor_id })) throw new NotFoundError();
  const role = roleOf(invitation, actor.id);
  const allowed = allowedActions(invitation, role);
  if (![action].flat().some((wanted) => allowed.has(wanted))) throw new InvitationStateError(invitation);
  return { invitation, role };
}

async function checkMeetingMode(trx: Trx, modeId: string): Promise<void> {
  const allowed = await allowedTermIds(trx, 'meeting_mode', [modeId]);
  if (!allowed.has(modeId)) throw new ValidationError({ meetingMode: 'Choose how you will meet' });
}

function common(deps: InvitationDeps, invitation: Invitation, parties: Parties) {
  return { programmeName: parties.programmeName, url: invitationUrl(deps, invitation.id) };
}

/** Accepting: the mentor's answer carries the proposed meeting; a mentee accepting an offer proposes none yet. */
export async function acceptInvitation(deps: InvitationDeps, actor: Actor, invitationId: string, meeting: MeetingInput | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { invitation, role } = await lockForAction(trx, actor, invitationId, 'accept');
    if (role === 'mentor' && !meeting) throw new ValidationError({ meetingMode: 'Choose how you will meet' });
    if (meeting) await checkMeetingMode(trx, meeting.modeId);
    const meetingSet = meeting ? { meeting_starts_at: meeting.startsAt, meeting_minutes: meeting.minutes, meeting_mode_id: meeting.modeId } : {};
    const accepted = await moveInvitation(trx, invitation, 'accepted', { actorId: actor.id, action: 'accepted', set: { responded_at: new Date(), ...meetingSet } });
    const parties = await loadParties(trx, accepted);
    const calendar = calendarFor(deps, accepted, parties, 'REQUEST');
    const when = meetingWhen(accepted);
    for (const role of ['mentee', 'mentor'] as const) {
      const person = role === 'mentee' ? parties.mentee : parties.mentor;
      const content = invitationEmails.accepted({ ...common(deps, accepted, parties), name: otherParty(parties, role).fullName, when });
      await emailPerson(trx, deps, person, 'accepted', content, calendar ? [calendar] : []);
    }
  });
}

export async function declineInvitation(deps: InvitationDeps, actor: Actor, invitationId: string, input: DeclineInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { invitation, role } = await lockForAction(trx, actor, invitationId, 'decline');
    // The reason is for programme admins only; the schema only asks the mentor for one.
    const declined = await moveInvitation(trx, invitation, 'declined', {
      actorId: actor.id, action: 'declined',
      set: { responded_at: new Date(), decline_reason: role === 'mentor' ? input.reason : null, closing_message: input.message || null },
      details: { reason: role === 'mentor' ? input.reason : null },
    });
    const parties = await loadParties(trx, declined);
    const wasOffer = answeringRole(invitation) === 'mentee';
    await emailPerson(trx, deps, otherParty(parties, role), 'declined', invitationEmails.declined({ ...common(deps, declined, parties), name: (role === 'mentee' ? parties.mentee : parties.mentor).fullName, wasOffer }));
  });
}

/** The mentee withdraws; a mentor takes back a pending offer (withdrawn) or calls off an accepted meeting (cancelled). */
export async function withdrawInvitation(deps: InvitationDeps, actor: Actor, invitationId: string, message: string): Promise<InvitationStatus> {
  return deps.db.transaction().execute(async (trx) => {
    const { invitation, role } = await lockForAction(trx, actor, invitationId, ['withdraw', 'cancel']);
    const to: InvitationStatus = role === 'mentor' && invitation.status === 'accepted' ? 'cancelled' : 'withdrawn';
    const hadMeeting = invitation.meeting_starts_at !== null;
    const closed = await moveInvitation(trx, invitation, to, {
      actorId: actor.id, action: to,
      set: { closing_message: message || null, ...(hadMeeting ? { ics_sequence: invitation.ics_sequence + 1 } : {}) },
    });
    const parties = await loadParties(trx, closed);
    const calendar = calendarFor(deps, closed, parties, 'CANCEL');
    const actorPerson = role === 'mentee' ? parties.mentee : parties.mentor;
    const content = invitationEmails.withdrawn({ ...common(deps, closed, parties), name: actorPerson.fullName, cancelled: to === 'cancelled', hadMeeting });
    await emailPerson(trx, deps, otherParty(parties, role), 'withdrawn', content, calendar ? [calendar] : []);
    // The person who called it off has the meeting in their calendar too: send them the cancellation.
    if (calendar) {
      await emailPerson(trx, deps, actorPerson, 'meetingRemoved', invitationEmails.meetingRemoved({ ...common(deps, closed, parties), name: otherParty(parties, role).fullName }), [calendar]);
    }
    return to;
  });
}

/** Proposes the meeting (a mentee who accepted an offer) or changes it: the .ics goes again with SEQUENCE + 1. */
export async function setMeeting(deps: InvitationDeps, actor: Actor, invitationId: string, meeting: MeetingInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { invitation } = await lockForAction(trx, actor, invitationId, 'meeting');
    await checkMeetingMode(trx, meeting.modeId);
    const changed = invitation.meeting_starts_at !== null;
    const updated = await trx
      .updateTable('invitations')
      .set({
        meeting_starts_at: meeting.startsAt, meeting_minutes: meeting.minutes, meeting_mode_id: meeting.modeId,
        ics_sequence: changed ? invitation.ics_sequence + 1 : invitation.ics_sequence,
      })
      .where('id', '=', invitation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditInvitation(trx, updated, actor.id, changed ? 'meeting_changed' : 'meeting_proposed', { sequence: updated.ics_sequence });
    const parties = await loadParties(trx, updated);
    const calendar = calendarFor(deps, updated, parties, 'REQUEST');
    for (const role of ['mentee', 'mentor'] as const) {
      const content = invitationEmails.meetingTime({ ...common(deps, updated, parties), name: otherParty(parties, role).fullName, when: meetingWhen(updated) ?? '', changed });
      await emailPerson(trx, deps, role === 'mentee' ? parties.mentee : parties.mentor, 'meetingTime', content, calendar ? [calendar] : []);
    }
  });
}

export async function markMet(deps: InvitationDeps, actor: Actor, invitationId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { invitation, role } = await lockForAction(trx, actor, invitationId, 'met');
    const met = await moveInvitation(trx, invitation, 'met', { actorId: actor.id, action: 'met' });
    const parties = await loadParties(trx, met);
    const actorPerson = role === 'mentee' ? parties.mentee : parties.mentor;
    await emailPerson(trx, deps, otherParty(parties, role), 'met', invitationEmails.met({ ...common(deps, met, parties), name: actorPerson.fullName }));
  });
}
