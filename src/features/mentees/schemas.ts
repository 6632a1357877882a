// Mentee forms and their messages, in NHS service manual style, beside the schemas that use them.
import { z } from 'zod';
import { menteeApplicationStatuses } from '../../db/types.ts';

/** Browsers send new lines as CRLF; count them as one character, as the character count does. */
const text = (message: string) =>
  z.string({ error: message }).optional().default('').transform((value) => value.replace(/\r\n/g, '\n').trim());

/** A select answer: empty means not chosen. Ids are checked against the taxonomy by the service. */
const termId = (message: string) => z.string({ error: message }).trim().pipe(z.guid(message));

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const GOALS_MAX = 1500;
export const PREFERENCES_MAX = 1000;
export const REASON_MAX = 1000;

export const roleFields = ['jobTitle', 'professionId', 'bandId', 'organisation', 'regionId', 'careSettingId'];
export const roleSchema = z.object({
  jobTitle: text('Enter your job title').pipe(z.string().min(1, 'Enter your job title').max(120, 'Job title must be 120 characters or fewer')),
  professionId: termId('Select your profession'),
  bandId: termId('Select your band or grade'),
  organisation: text('Enter the organisation you work for').pipe(z.string().min(1, 'Enter the organisation you work for').max(200, 'Organisation must be 200 characters or fewer')),
  regionId: termId('Select your region'),
  careSettingId: termId('Select the care setting you work in'),
});
export type RoleInput = z.infer<typeof roleSchema>;

export const mentoringFields = ['goals', 'helpAreaIds', 'meetingModeIds'];
export const mentoringSchema = z.object({
  goals: text('Enter what you want to gain from mentoring').pipe(
    z.string().min(1, 'Enter what you want to gain from mentoring').max(GOALS_MAX, 'What you want to gain from mentoring must be 1,500 characters or fewer'),
  ),
  helpAreaIds: list(z.guid('Select areas from the list')),
  meetingModeIds: list(z.guid('Select how you would like to meet from the list')).pipe(z.array(z.string()).min(1, 'Select at least one way you would like to meet')),
});
export type MentoringInput = z.infer<typeof mentoringSchema>;

export const preferenceOptions = ['other_profession', 'other_setting', 'reverse', 'peer'] as const;
export type PreferenceOption = (typeof preferenceOptions)[number];

export const preferencesFields = ['preferences', 'options'];
export const preferencesSchema = z.object({
  preferences: text('Enter your preferences as text').pipe(z.string().max(PREFERENCES_MAX, 'Your preferences must be 1,000 characters or fewer')),
  options: list(z.enum(preferenceOptions, 'Select preferences from the list')),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

/** Only our own pages may be returned to after editing a profile section. */
export const returnToField = z
  .string()
  .optional()
  .transform((value) => (value && /^\/programmes\/[0-9a-fA-F-]{36}\/mentee-application$/.test(value) ? value : '/profile/mentee'));

export const applicationFields = ['profile', 'lineManagerName', 'lineManagerEmail'];

/**
 * Sending an application. `from` is the status the page showed, so a double click or a stale tab
 * cannot send it twice. The line manager is asked for only when the programme needs one.
 */
export function applicationSchema(options: { needsLineManager: boolean; ownEmail: string }) {
  const managerName = z.string({ error: "Enter your line manager's name" }).trim().min(1, "Enter your line manager's name").max(200, "Your line manager's name must be 200 characters or fewer");
  const managerEmail = z
    .string({ error: "Enter your line manager's work email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter your line manager's work email address")
    .max(254, "Your line manager's email address must be 254 characters or fewer")
    .pipe(z.email("Enter your line manager's work email address in the correct format, like name@example.nhs.uk"))
    .refine((email) => email !== options.ownEmail.toLowerCase(), 'Your line manager cannot be you');
  return z.object({
    from: z.enum(menteeApplicationStatuses, 'Reload the page and try again'),
    lineManagerName: options.needsLineManager ? managerName : z.string().optional(),
    lineManagerEmail: options.needsLineManager ? managerEmail : z.string().optional(),
  });
}

export const lineManagerFields = ['decision', 'reason'];
export const lineManagerSchema = z
  .object({
    token: z.string().min(1).max(200),
    decision: z.enum(['supported', 'not_supported'], 'Select whether you support this application'),
    reason: text('Enter a reason').pipe(z.string().max(REASON_MAX, 'Your reason must be 1,000 characters or fewer')),
  })
  .superRefine((value, context) => {
    if (value.decision === 'not_supported' && value.reason === '') context.addIssue({ code: 'custom', path: ['reason'], message: 'Enter a reason' });
  });
export type LineManagerInput = z.infer<typeof lineManagerSchema>;

export const tokenQuery = z.object({ token: z.string().min(1).max(200) });

export const decisionFields = ['decision', 'reason', 'message'];
export const decisionSchema = z
  .object({
    version: z.string().optional().default(''),
    decision: z.enum(['approve', 'reject', 'more_info'], 'Select a decision'),
    reason: text('Enter a reason').pipe(z.string().max(REASON_MAX, 'The reason must be 1,000 characters or fewer')),
    message: text('Enter what more information you need').pipe(z.string().max(REASON_MAX, 'The message must be 1,000 characters or fewer')),
  })
  .superRefine((value, context) => {
    if (value.decision === 'reject' && value.reason === '') context.addIssue({ code: 'custom', path: ['reason'], message: 'Enter a reason' });
    if (value.decision === 'more_info' && value.message === '') {
      context.addIssue({ code: 'custom', path: ['message'], message: 'Enter what more information you need' });
    }
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** Queue filters come from a GET form: anything unknown is treated as "any". */
const optionalId = z.string().optional().transform((value) => (value && z.guid().safeParse(value).success ? value : ''));
export const queueFilterSchema = z.object({
  status: z.string().optional().transform((value) => (menteeApplicationStatuses.find((status) => status === value && status !== 'draft') ?? '')),
  professionId: optionalId,
  regionId: optionalId,
  bandId: optionalId,
});
export type QueueFilters = z.infer<typeof queueFilterSchema>;

export const idParams = z.object({ programmeId: z.guid(), applicationId: z.guid().optional() });
