// The programme admin's decision form and the queue's filters.
import { z } from 'zod';

const text = () => z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : ''), z.string().trim());

export const decisions = ['approve', 'reject', 'more_info'] as const;
export type Decision = (typeof decisions)[number];

export const REASON_MAX = 2000;
export const decisionFields = ['decision', 'reason', 'message'];
export const decisionSchema = z
  .object({
    decision: text().pipe(z.enum(decisions, { error: 'Select whether to approve, reject or ask for more information' })),
    reason: text().pipe(z.string().max(REASON_MAX, 'Reason must be 2,000 characters or fewer')),
    message: text().pipe(z.string().max(REASON_MAX, 'Message must be 2,000 characters or fewer')),
    /** When the page was opened: the submission the admin read (see decideApplication). */
    submittedAt: text(),
  })
  .superRefine((values, ctx) => {
    if (values.decision === 'reject' && values.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter a reason for rejecting the application' });
    }
    if (values.decision === 'more_info' && values.message === '') {
      ctx.addIssue({ code: 'custom', path: ['message'], message: 'Enter the information you need from the applicant' });
    }
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

export const queueTabs = ['submitted', 'more_info_requested', 'approved', 'rejected', 'training'] as const;
export type QueueTab = (typeof queueTabs)[number];

/** Filters come from the address (GET), so a bad value is dropped rather than refused. */
export const queueQuery = z.object({
  status: z.enum(queueTabs).catch('submitted'),
  profession: z.uuid().optional().catch(undefined),
  region: z.uuid().optional().catch(undefined),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const idParams = z.object({
  programmeId: z.uuid(),
  applicationId: z.uuid().optional(),
  recordId: z.uuid().optional(),
});
