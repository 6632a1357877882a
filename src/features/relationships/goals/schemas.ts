// The goal and review forms and their messages (NHS service manual style). A goal is optionally
// written in GROW form: the Goal itself (its title), the Reality now, the Options, and the Will or
// way forward. Rules that need the stored goal or the relationship's sessions (a past due date that
// was already there; a session of this relationship) are checked again by service.ts.
import { z } from 'zod';
import { goalStatuses } from '../../../db/types.ts';
import { checkDate, dateFieldNames, refineDate, todayInLondon, type DateRules } from '../../../platform/date-fields.ts';
import { optionalText, requiredText, text } from '../fields.ts';

export const TITLE_MAX = 200;
export const GROW_MAX = 2000;
export const NOTE_MAX = 1000;

export const dueDateRules: DateRules = { label: 'Date you want to achieve it by' };
export const DUE_FIELD = 'dueOn';
export const dueInPastMessage = 'Date you want to achieve it by must be today or in the future';

export const goalFields = ['title', 'reality', 'options', 'wayForward', ...dateFieldNames(DUE_FIELD), 'status'];

export const goalSchema = z
  .looseObject({
    title: requiredText('your goal', TITLE_MAX),
    reality: optionalText('where things are now', GROW_MAX),
    options: optionalText('what could be done', GROW_MAX),
    wayForward: optionalText('what you will do', GROW_MAX),
    status: z.enum(goalStatuses, { error: 'Choose how the goal is going' }),
    // When the form was opened: an edit made from an older copy is refused rather than overwriting.
    version: text(),
  })
  .superRefine((values, ctx) => {
    refineDate(values, ctx, DUE_FIELD, dueDateRules);
  })
  .transform((values) => {
    const due = checkDate(values, DUE_FIELD, dueDateRules);
    return {
      title: values.title, reality: values.reality, options: values.options, wayForward: values.wayForward,
      status: values.status, dueOn: due.ok ? due.value : null, version: values.version,
    };
  });
export type GoalInput = z.infer<typeof goalSchema>;

/** A due date must be today or later, unless it is the date the goal already had (it may have passed since). */
export function isDueDateAllowed(dueOn: string | null, storedDueOn: string | null, now: Date = new Date()): boolean {
  return dueOn === null || dueOn === storedDueOn || dueOn >= todayInLondon(now);
}

export const reviewFields = ['progress', 'note', 'session'];

export const reviewSchema = z.object({
  progress: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], { error: 'Choose a progress rating from 1 to 10' }).transform(Number),
  note: optionalText('your note', NOTE_MAX),
  // '' is "Not linked to a session"; whether the session is one of this relationship's is checked by the service.
  session: text()
    .pipe(z.string().refine((value) => value === '' || z.uuid().safeParse(value).success, 'Choose a session from the list'))
    .transform((value) => value || null),
});
export type ReviewInput = z.infer<typeof reviewSchema>;
