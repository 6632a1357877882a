// The training and accreditation form. Dates use the nhsuk date input (platform/date-fields.ts);
// the expiry date, when given, must come after the completion date.
import { z } from 'zod';
import { checkDate, dateFieldNames, refineDate, type DateRules } from '../../platform/date-fields.ts';

const text = () => z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().trim());

const completedRules: DateRules = {
  label: 'Date you completed the training',
  requiredMessage: 'Enter the date you completed the training',
  notInFuture: true,
};
const expiresRules: DateRules = { label: 'Expiry date' };

export const trainingFields = ['body', 'qualification', 'level', ...dateFieldNames('completedOn'), ...dateFieldNames('expiresOn')];

export const trainingSchema = z
  .looseObject({
    body: text().pipe(z.string().min(1, 'Enter the awarding body').max(160, 'Awarding body must be 160 characters or fewer')),
    qualification: text().pipe(z.string().min(1, 'Enter the qualification').max(160, 'Qualification must be 160 characters or fewer')),
    level: text().pipe(z.string().max(60, 'Level must be 60 characters or fewer')),
  })
  .superRefine((values, ctx) => {
    const completedOn = refineDate(values, ctx, 'completedOn', completedRules);
    const expiresOn = refineDate(values, ctx, 'expiresOn', expiresRules);
    if (completedOn && expiresOn && expiresOn <= completedOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn-day'], message: 'Expiry date must be after the completion date' });
    }
  })
  .transform((values) => ({
    body: values.body,
    qualification: values.qualification,
    level: values.level,
    // Both dates were checked above; read them again for their 'YYYY-MM-DD' values.
    completedOn: dateValue(values, 'completedOn', completedRules) ?? '',
    expiresOn: dateValue(values, 'expiresOn', expiresRules),
  }));
export type TrainingInput = z.infer<typeof trainingSchema>;

function dateValue(values: Record<string, unknown>, name: string, rules: DateRules): string | null {
  const result = checkDate(values, name, rules);
  return result.ok ? result.value : null;
}
