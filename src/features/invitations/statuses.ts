// The invitation's status machine (ARCHITECTURE.md, state machines) and how each status reads to
// people: a tag for pages, and the words for "this invitation has already …". The statuses live in
// db/types.ts (STYLE.md rule 10), and so do the open ones: every other status is closed.
import { invitationStatuses, openInvitationStatuses, type InvitationStatus } from '../../db/types.ts';
import { defineStatusMachine, type StatusTag } from '../../platform/status-machine.ts';

const tags: Record<InvitationStatus, StatusTag> = {
  pending: { text: 'Waiting for an answer', colour: 'blue' },
  accepted: { text: 'Accepted', colour: 'green' },
  met: { text: 'Met', colour: 'purple' },
  chosen: { text: 'Mentoring', colour: 'green' },
  not_chosen: { text: 'Not continuing', colour: 'grey' },
  declined: { text: 'Declined', colour: 'grey' },
  expired: { text: 'Expired', colour: 'orange' },
  withdrawn: { text: 'Withdrawn', colour: 'grey' },
  cancelled: { text: 'Cancelled', colour: 'grey' },
};

/** Completes "This invitation …, so that can no longer be done". */
const alreadyDone: Record<InvitationStatus, string> = {
  pending: 'is still waiting for an answer',
  accepted: 'has already been accepted',
  met: 'has already been marked as met',
  chosen: 'has already been confirmed',
  not_chosen: 'has already been closed',
  declined: 'has already been declined',
  expired: 'has expired',
  withdrawn: 'has already been withdrawn',
  cancelled: 'has already been cancelled',
};

const open: readonly InvitationStatus[] = openInvitationStatuses;

/**
 * Who moves a pending invitation depends on who started it (actions.ts): the answerer (the mentor,
 * or the mentee for a mentor's offer) and the asker. 'system' is the sweep, and the mentee's other
 * invitations closing when a mentor confirms. Whether the mentee has chosen the mentor, and whether
 * a pending invitation is past its answer-by time, are facts beyond the status: actions.ts adds them.
 */
export const invitationMachine = defineStatusMachine({
  name: 'invitation',
  states: invitationStatuses,
  roles: ['answerer', 'asker', 'mentee', 'mentor', 'system'],
  moves: [
    { from: 'pending', to: ['accepted', 'declined'], by: ['answerer'] },
    { from: 'pending', to: 'withdrawn', by: ['asker', 'system'] },
    { from: 'pending', to: 'expired', by: ['system'] },
    { from: 'accepted', to: 'met', by: ['mentee', 'mentor'] },
    { from: 'accepted', to: 'withdrawn', by: ['mentee'] },
    { from: 'accepted', to: 'cancelled', by: ['mentor'] },
    { from: 'accepted', to: 'not_chosen', by: ['system'] },
    { from: 'met', to: 'chosen', by: ['mentor'] },
    { from: 'met', to: 'not_chosen', by: ['mentee', 'mentor', 'system'] },
  ],
  closed: invitationStatuses.filter((status) => !open.includes(status)),
  labels: { tag: tags, alreadyDone },
});
export type InvitationMover = (typeof invitationMachine.roles)[number];

/** The reasons a mentor may give for declining. Only programme admins ever see which was chosen. */
export const declineReasons = {
  no_capacity: 'I have no capacity at the moment',
  not_right_fit: 'I am not the right fit for what they are looking for',
  outside_experience: 'It is outside my experience',
  other: 'Another reason',
} as const;
export type DeclineReason = keyof typeof declineReasons;
export const declineReasonCodes = Object.keys(declineReasons) as DeclineReason[];

/** The reasons as an admin reads them, in the third person. */
export const declineReasonsForAdmins: Record<DeclineReason, string> = {
  no_capacity: 'No capacity at the moment',
  not_right_fit: 'Not the right fit for what the mentee is looking for',
  outside_experience: 'Outside their experience',
  other: 'Another reason',
};

export const mentoringTypeLabels = { traditional: 'Traditional mentoring', reverse: 'Reverse mentoring', peer: 'Peer mentoring' } as const;
