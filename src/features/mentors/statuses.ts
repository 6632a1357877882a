// How each mentor application status reads on a page: one list of words and tag colours shared by
// the applicant's pages, the home page and the admin queue (STYLE.md rule 10).
// Tag colours follow the service manual's tag guidance: https://service-manual.nhs.uk/design-system/components/tag
import type { MentorApplicationStatus, MentoringType } from '../../db/types.ts';

export interface StatusTag {
  text: string;
  classes: string;
}

/** What the applicant sees. */
export const applicantStatusTags: Record<MentorApplicationStatus, StatusTag> = {
  draft: { text: 'Draft', classes: 'nhsuk-tag--grey' },
  submitted: { text: 'Waiting for a decision', classes: 'nhsuk-tag--blue' },
  more_info_requested: { text: 'More information needed', classes: 'nhsuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'nhsuk-tag--green' },
  rejected: { text: 'Not approved', classes: 'nhsuk-tag--red' },
};

/** What the programme admins see. */
export const adminStatusTags: Record<MentorApplicationStatus, StatusTag> = {
  draft: { text: 'Draft', classes: 'nhsuk-tag--grey' },
  submitted: { text: 'Awaiting decision', classes: 'nhsuk-tag--blue' },
  more_info_requested: { text: 'More information requested', classes: 'nhsuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'nhsuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'nhsuk-tag--red' },
};

/** Words for the history table: "Submitted → Approved". */
export const statusWords: Record<MentorApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  more_info_requested: 'More information requested',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const mentoringTypeLabels: Record<MentoringType, { text: string; hint: string }> = {
  traditional: { text: 'Traditional', hint: 'You support a less experienced colleague' },
  reverse: { text: 'Reverse', hint: 'You are the more junior colleague and mentor a senior one, for example in digital skills or lived experience' },
  peer: { text: 'Peer', hint: 'You support a colleague at a similar level' },
};

/** Where the applicant goes next from the home page, for each status. */
export const nextStepText: Record<MentorApplicationStatus, string> = {
  draft: 'Continue your application',
  submitted: 'View your application',
  more_info_requested: 'Give the information asked for',
  approved: 'View your application',
  rejected: 'See the decision',
};
