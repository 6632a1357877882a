// The agreed-action forms: what is to be done, by whom, and optionally by when.
import { z } from 'zod';
import { checkDate, dateFieldNames, refineDate, type DateRules } from '../../../platform/date-fields.ts';
import { requiredText, text } from '../fields.ts';

export const ACTION_MAX = 300;

export const actionOwners = ['mentee', 'mentor', 'both'] as const;
export type ActionOwner = (typeof actionOwners)[number];

const dueRules: DateRules = { label: 'Due date' };

export const actionFields = ['description', 'owner', ...dateFieldNames('due')];
export const actionSchema = z
  .looseObject({
    description: requiredText('the action', ACTION_MAX),
    owner: z.enum(actionOwners, { error: 'Choose who will do this' }),
  })
  .superRefine((values, ctx) => {
    refineDate(values, ctx, 'due', dueRules);
  })
  .transform((values) => ({
    description: values.description,
    owner: values.owner,
    // The date was checked above; read it again for its value (null when left empty).
    dueOn: ((date) => (date.ok ? date.value : null))(checkDate(values, 'due', dueRules)),
  }));
export type ActionInput = z.infer<typeof actionSchema>;

/** Marking done or not done; `from` says which page to go back to. */
export const actionDoneSchema = z.object({
  done: z.enum(['yes', 'no']).transform((value) => value === 'yes'),
  from: text().pipe(z.enum(['actions', 'session'])).catch('actions'),
});
