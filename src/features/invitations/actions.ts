// What each party may do to an invitation now: one pure function, used by the page (which buttons
// to show) and by every service (which re-checks it under the row lock), so the two never disagree.
// ARCHITECTURE.md: pending → accepted → met → chosen | not_chosen; pending → declined | expired |
// withdrawn; accepted → withdrawn | cancelled.
import type { Invitation } from '../../db/types.ts';

export type PartyRole = 'mentee' | 'mentor';

export type InvitationAction =
  | 'accept' // the party who did not start it says yes
  | 'decline' // … or no
  | 'withdraw' // the mentee takes back an invitation (pending or accepted); a mentor takes back their own pending offer
  | 'cancel' // the mentor calls off an accepted meeting
  | 'met' // either party, once accepted
  | 'meeting' // either party proposes or changes the meeting's time, once accepted
  | 'reflect' // either party's private fit reflection, once met
  | 'choose' // the mentee asks this mentor to continue
  | 'none' // the mentee does not continue with this mentor
  | 'confirm'; // the chosen mentor confirms (or says they cannot continue)

type ActionFacts = Pick<Invitation, 'status' | 'initiated_by' | 'expires_at' | 'chosen_at'>;

/** Offers from mentors are answered by the mentee; invitations from mentees or admins by the mentor. */
export function answeringRole(invitation: Pick<Invitation, 'initiated_by'>): PartyRole {
  return invitation.initiated_by === 'mentor' ? 'mentee' : 'mentor';
}

export function isPastAnswerBy(invitation: Pick<Invitation, 'status' | 'expires_at'>, now: Date): boolean {
  return invitation.status === 'pending' && new Date(invitation.expires_at).getTime() <= now.getTime();
}

export function allowedActions(invitation: ActionFacts, role: PartyRole, now: Date = new Date()): Set<InvitationAction> {
  const actions = new Set<InvitationAction>();
  switch (invitation.status) {
    case 'pending':
      if (isPastAnswerBy(invitation, now)) break;
      if (role === answeringRole(invitation)) actions.add('accept').add('decline');
      else actions.add('withdraw');
      break;
    case 'accepted':
      actions.add('met').add('meeting').add(role === 'mentee' ? 'withdraw' : 'cancel');
      break;
    case 'met':
      actions.add('reflect');
      if (role === 'mentee') actions.add('choose').add('none');
      if (role === 'mentor' && invitation.chosen_at !== null) actions.add('confirm');
      break;
    case 'chosen':
    case 'not_chosen':
      actions.add('reflect');
      break;
    default:
      break;
  }
  return actions;
}
