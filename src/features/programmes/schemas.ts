import { z } from 'zod';
import { mentoringTypes } from '../../db/types.ts';
import { emailField } from '../../auth/password-schema.ts';

export const programmeFields = ['name', 'description', 'mentoringTypes'];

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
const checkboxList = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(values)).min(1, message));

export const programmeSchema = z.object({
  name: z.string({ error: 'Enter the programme name' }).trim().min(1, 'Enter the programme name').max(120, 'Programme name must be 120 characters or fewer'),
  description: z.string().trim().max(2000, 'Description must be 2,000 characters or fewer').optional().default(''),
  mentoringTypes: checkboxList(mentoringTypes, 'Select at least one type of mentoring'),
});

export const appointAdminSchema = z.object({ email: emailField });
