// What each party may do to an invitation now: one pure function, used by the page (which buttons
// to show) and by every service (which re-checks it under the row lock), so the two never disagree.
// The moves and who makes them are the status machine's (statuses.ts); this adds the actions that
// move nothing and the facts beyond the status (the answer-by time, whether the mentee has chosen).
import type { Invitation, InvitationStatus } from '../../db/types.ts';
import { invitationMachine, type InvitationMover } from './statuses.ts';

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

/** The actions that move the invitation, and the status each moves it to. */
const moveActions = [
  ['accept', 'accepted'], ['decline', 'declined'], ['withdraw', 'withdrawn'], ['cancel', 'cancelled'], ['met', 'met'], ['none', 'not_chosen'], ['confirm', 'chosen'],
] as const satisfies readonly (readonly [InvitationAction, InvitationStatus])[];

/** The parts a party plays in the invitation's moves (statuses.ts): mentee or mentor, and answerer or asker. */
export function moversOf(invitation: Pick<Invitation, 'initiated_by'>, role: PartyRole): InvitationMover[] {
  return [role, role === answeringRole(invitation) ? 'answerer' : 'asker'];
}

export function allowedActions(invitation: ActionFacts, role: PartyRole, now: Date = new Date()): Set<InvitationAction> {
  const actions = new Set<InvitationAction>();
  if (isPastAnswerBy(invitation, now)) return actions;
  const movers = moversOf(invitation, role);
  for (const [action, to] of moveActions) if (invitationMachine.canMove(invitation.status, to, movers)) actions.add(action);
  // After the meeting the mentee decides: 'none' is theirs, and the mentor answers (yes or no) only once chosen.
  if (role === 'mentor') {
    actions.delete('none');
    if (invitation.chosen_at === null) actions.delete('confirm');
  }
  if (invitation.status === 'accepted') actions.add('meeting');
  if (invitation.status === 'met' && role === 'mentee') actions.add('choose');
  if (invitation.status === 'met' || invitation.status === 'chosen' || invitation.status === 'not_chosen') actions.add('reflect');
  return actions;
}
