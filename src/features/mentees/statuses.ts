// How each mentee-application status reads to people: one label and one nhsuk tag colour per status
// (STYLE.md rule 10: the union lives in db/types-register.ts, shared by schema, service and view).
import type { MenteeApplicationStatus } from '../../db/types.ts';

export interface StatusTag {
  text: string;
  colour: 'grey' | 'blue' | 'red' | 'orange' | 'yellow' | 'green' | 'purple';
}

export const statusTags: Record<MenteeApplicationStatus, StatusTag> = {
  draft: { text: 'Not sent yet', colour: 'grey' },
  awaiting_line_manager: { text: 'Waiting for line manager', colour: 'blue' },
  line_manager_declined: { text: 'Line manager did not support', colour: 'red' },
  line_manager_expired: { text: 'Line manager did not respond', colour: 'orange' },
  awaiting_admin: { text: 'Waiting for a decision', colour: 'purple' },
  more_info_requested: { text: 'More information needed', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  rejected: { text: 'Not approved', colour: 'red' },
};

/** The order the admin queue lists its counts in: what needs the admin first. */
export const queueStatuses: MenteeApplicationStatus[] = [
  'awaiting_admin', 'awaiting_line_manager', 'more_info_requested', 'approved', 'rejected', 'line_manager_declined', 'line_manager_expired',
];

/** Statuses in which the mentee may name a (different) line manager. */
export const renominableStatuses: MenteeApplicationStatus[] = ['awaiting_line_manager', 'line_manager_declined', 'line_manager_expired'];
