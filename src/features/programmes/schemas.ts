import { z } from 'zod';
import { mentoringTypes } from '../../db/types.ts';
import { emailField } from '../../auth/password-schema.ts';

export const programmeFields = ['name', 'description', 'mentoringTypes'];

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
const checkboxList = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(values)).min(1, message));

const programmeName = z.string({ error: 'Enter the programme name' }).trim().min(1, 'Enter the programme name').max(120, 'Programme name must be 120 characters or fewer');
const description = z.string().trim().max(2000, 'Description must be 2,000 characters or fewer').optional().default('');

export const programmeSchema = z.object({
  name: programmeName,
  description,
  mentoringTypes: checkboxList(mentoringTypes, 'Select at least one type of mentoring'),
});

export const appointAdminSchema = z.object({ email: emailField });

/** A yes/no radio question, answered as a boolean. */
const yesNo = (message: string) =>
  z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes');

/**
 * A whole number typed into a text box (service manual: ask for numbers with inputmode="numeric",
 * not type="number"). The bounds match the CHECK constraints of the programmes table (migration 0002).
 */
const wholeNumber = (messages: { missing: string; notNumber: string; range: string }, min: number, max: number) =>
  z
    .string({ error: messages.missing })
    .trim()
    .min(1, messages.missing)
    .regex(/^\d+$/, messages.notNumber)
    .transform(Number)
    .pipe(z.number().int().min(min, messages.range).max(max, messages.range));

export const programmeSettingsFields = [
  'name', 'description', 'eligibility', 'mentoringTypes', 'requiresLineManager', 'requiresAdminApproval', 'maxOpenInvitations',
  'invitationReminderDays', 'invitationExpiryDays', 'lineManagerReminderDays', 'lineManagerExpiryDays', 'isOpen', 'confidentialityText',
];

export const programmeSettingsSchema = z
  .object({
    name: programmeName,
    description,
    eligibility: z.string().trim().max(2000, 'Eligibility must be 2,000 characters or fewer').optional().default(''),
    mentoringTypes: checkboxList(mentoringTypes, 'Select at least one type of mentoring'),
    requiresLineManager: yesNo('Select yes if mentees need their line manager’s support'),
    requiresAdminApproval: yesNo('Select yes if a programme admin must approve each mentee'),
    maxOpenInvitations: wholeNumber({
      missing: 'Enter how many chemistry invitations a mentee can have open at once',
      notNumber: 'Open chemistry invitations must be a whole number, like 3',
      range: 'Open chemistry invitations must be between 1 and 10',
    }, 1, 10),
    invitationReminderDays: wholeNumber({
      missing: 'Enter after how many days to remind a mentor about an invitation',
      notNumber: 'Invitation reminder must be a whole number of days, like 3',
      range: 'Invitation reminder must be between 1 and 30 days',
    }, 1, 30),
    invitationExpiryDays: wholeNumber({
      missing: 'Enter after how many days an unanswered invitation expires',
      notNumber: 'Invitation expiry must be a whole number of days, like 7',
      range: 'Invitation expiry must be between 1 and 60 days',
    }, 1, 60),
    lineManagerReminderDays: wholeNumber({
      missing: 'Enter after how many days to remind a line manager',
      notNumber: 'Line manager reminder must be a whole number of days, like 7',
      range: 'Line manager reminder must be between 1 and 30 days',
    }, 1, 30),
    lineManagerExpiryDays: wholeNumber({
      missing: 'Enter after how many days a line manager request expires',
      notNumber: 'Line manager expiry must be a whole number of days, like 14',
      range: 'Line manager expiry must be between 1 and 60 days',
    }, 1, 60),
    isOpen: yesNo('Select yes if the programme is open for applications'),
    // Shown read-only in every mentoring contract on the programme, and copied into each saved version.
    confidentialityText: z.string({ error: 'Enter the limits of confidentiality' }).trim()
      .min(1, 'Enter the limits of confidentiality').max(2000, 'Limits of confidentiality must be 2,000 characters or fewer'),
  })
  // A reminder on or after the expiry would never be sent: the request has already expired.
  .superRefine((data, ctx) => {
    if (data.invitationReminderDays >= data.invitationExpiryDays) {
      ctx.addIssue({ code: 'custom', path: ['invitationReminderDays'], message: 'Reminder must be sooner than expiry for chemistry invitations' });
    }
    if (data.lineManagerReminderDays >= data.lineManagerExpiryDays) {
      ctx.addIssue({ code: 'custom', path: ['lineManagerReminderDays'], message: 'Reminder must be sooner than expiry for line manager requests' });
    }
  });

export type ProgrammeSettingsInput = z.infer<typeof programmeSettingsSchema>;
