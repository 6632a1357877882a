// The mentor application's status machine (ARCHITECTURE.md, state machines) and how each status
// reads: the applicant's words and the programme admins' (tag colours follow the service manual's
// tag guidance: https://service-manual.nhs.uk/design-system/components/tag), the history table's
// and the home page's next step. The statuses live in db/types.ts (STYLE.md rule 10).
import { mentorApplicationStatuses, type MentorApplicationStatus, type MentoringType } from '../../db/types.ts';
import { defineStatusMachine, type StatusTag } from '../../platform/status-machine.ts';

const applicant: Record<MentorApplicationStatus, StatusTag> = {
  draft: { text: 'Draft', colour: 'grey' },
  submitted: { text: 'Waiting for a decision', colour: 'blue' },
  more_info_requested: { text: 'More information needed', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  rejected: { text: 'Not approved', colour: 'red' },
};

const admin: Record<MentorApplicationStatus, StatusTag> = {
  draft: { text: 'Draft', colour: 'grey' },
  submitted: { text: 'Awaiting decision', colour: 'blue' },
  more_info_requested: { text: 'More information requested', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  rejected: { text: 'Rejected', colour: 'red' },
};

/** Words for the history table: "Submitted → Approved". */
const history: Record<MentorApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  more_info_requested: 'More information requested',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** Where the applicant goes next from the home page. */
const nextStep: Record<MentorApplicationStatus, string> = {
  draft: 'Continue your application',
  submitted: 'View your application',
  more_info_requested: 'Give the information asked for',
  approved: 'View your application',
  rejected: 'See the decision',
};

/** Starting an application makes a draft; the applicant sends it, and a programme admin decides. */
export const mentorApplicationMachine = defineStatusMachine({
  name: 'mentor application',
  states: mentorApplicationStatuses,
  roles: ['applicant', 'admin'],
  moves: [
    { from: ['draft', 'more_info_requested'], to: 'submitted', by: ['applicant'] },
    { from: 'submitted', to: ['approved', 'rejected', 'more_info_requested'], by: ['admin'] },
  ],
  closed: ['approved', 'rejected'],
  labels: { applicant, admin, history, nextStep },
});

export const mentoringTypeLabels: Record<MentoringType, { text: string; hint: string }> = {
  traditional: { text: 'Traditional', hint: 'You support a less experienced colleague' },
  reverse: { text: 'Reverse', hint: 'You are the more junior colleague and mentor a senior one, for example in digital skills or lived experience' },
  peer: { text: 'Peer', hint: 'You support a colleague at a similar level' },
};
