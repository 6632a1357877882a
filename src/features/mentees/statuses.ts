// The mentee application's status machine (ARCHITECTURE.md, state machines) and how each status
// reads to people: one tag per status, shared by the mentee's pages, the home page and the admin
// queue. The statuses live in db/types.ts (STYLE.md rule 10).
import { menteeApplicationStatuses, type MenteeApplicationStatus } from '../../db/types.ts';
import { defineStatusMachine, type StatusTag } from '../../platform/status-machine.ts';

const tags: Record<MenteeApplicationStatus, StatusTag> = {
  draft: { text: 'Not sent yet', colour: 'grey' },
  awaiting_line_manager: { text: 'Waiting for line manager', colour: 'blue' },
  line_manager_declined: { text: 'Line manager did not support', colour: 'red' },
  line_manager_expired: { text: 'Line manager did not respond', colour: 'orange' },
  awaiting_admin: { text: 'Waiting for a decision', colour: 'purple' },
  more_info_requested: { text: 'More information needed', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  rejected: { text: 'Not approved', colour: 'red' },
};

/** The steps after the draft: the line manager, then the admins; a step the programme switches off is skipped. */
const steps = ['awaiting_line_manager', 'awaiting_admin', 'approved'] as const;

/**
 * Sending the application (or naming a line manager again, which may be the same step anew) goes
 * to the programme's first step. The line manager's answer, the admins' decision and the sweep's
 * expiry move it on from there; 'system' is the sweep.
 */
export const menteeApplicationMachine = defineStatusMachine({
  name: 'mentee application',
  states: menteeApplicationStatuses,
  roles: ['mentee', 'line_manager', 'admin', 'system'],
  moves: [
    { from: ['draft', 'awaiting_line_manager', 'line_manager_declined', 'line_manager_expired'], to: steps, by: ['mentee'] },
    { from: 'awaiting_line_manager', to: ['awaiting_admin', 'approved', 'line_manager_declined'], by: ['line_manager'] },
    { from: 'awaiting_line_manager', to: 'line_manager_expired', by: ['system'] },
    { from: 'awaiting_admin', to: ['approved', 'rejected', 'more_info_requested'], by: ['admin'] },
    { from: 'more_info_requested', to: 'awaiting_admin', by: ['mentee'] },
  ],
  closed: ['approved', 'rejected'],
  labels: { tag: tags },
});

/** The order the admin queue lists its counts in: what needs the admin first. */
export const queueStatuses: MenteeApplicationStatus[] = [
  'awaiting_admin', 'awaiting_line_manager', 'more_info_requested', 'approved', 'rejected', 'line_manager_declined', 'line_manager_expired',
];
