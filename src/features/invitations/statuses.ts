// How each invitation status reads to people: one label and one nhsuk tag colour per status (STYLE.md
// rule 10: the union lives in db/types-matching.ts, shared by schema, service and view), and which
// statuses end an invitation.
import type { InvitationStatus } from '../../db/types.ts';

export interface StatusTag {
  text: string;
  colour: 'grey' | 'blue' | 'red' | 'orange' | 'yellow' | 'green' | 'purple' | 'white';
}

export const statusTags: Record<InvitationStatus, StatusTag> = {
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

/** A pending invitation past its answer-by time reads as expired before the sweep has closed it. */
export const expiredTag = statusTags.expired;

/** Statuses an invitation never leaves: they set closed_at. */
export const closedStatuses: readonly InvitationStatus[] = ['chosen', 'not_chosen', 'declined', 'expired', 'withdrawn', 'cancelled'];

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
