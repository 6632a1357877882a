// The form that edits the mentoring contract, its messages (NHS service manual style), and the
// signing form. The terms it saves are described in terms.ts; the review and end dates live in their
// own columns (review_on, ends_on) so the reminder sweep can query them.
import { z } from 'zod';
import { checkDate, dateFieldNames, refineDate, todayInLondon, type DateRules } from '../../../platform/date-fields.ts';
import { optionalText, requiredText, text, ticked, yesNo } from '../fields.ts';
import { successMeasures, type ContractTerms } from './terms.ts';

const reviewRules: DateRules = { label: 'Review date' };
const endRules: DateRules = { label: 'End date' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const contractFields = [
  'menteeExpects', 'mentorExpects', 'frequency', 'sessionMinutes', 'modes', 'place', 'firstFaceToFace', 'boundaries',
  'confidentialityExtra', 'success', 'successOwnWords', ...dateFieldNames('reviewOn'), ...dateFieldNames('endsOn'),
];

// The version and revision a form was loaded from (optimistic concurrency): anything unreadable
// counts as stale, so a tampered form is refused rather than saved over someone else's words.
const versionId = z.preprocess((value) => (typeof value === 'string' && UUID.test(value) ? value : null), z.string().nullable());
const revision = z.preprocess((value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : -1), z.number());

const sessionMinutes = text().pipe(
  z.string().min(1, 'Enter how long each session will be, in minutes')
    .regex(/^\d+$/, 'Session length must be a whole number of minutes, like 60')
    .transform(Number)
    .pipe(z.number().min(15, 'Session length must be between 15 and 180 minutes').max(180, 'Session length must be between 15 and 180 minutes')),
);

export const contractSchema = z
  .looseObject({
    versionId,
    revision,
    menteeExpects: requiredText('what the mentee expects', 2000),
    mentorExpects: optionalText('what the mentor expects', 2000),
    frequency: requiredText('how often you will meet', 200),
    sessionMinutes,
    modes: z.preprocess(ticked, z.array(z.uuid({ error: 'Choose ways of meeting from the list' })).min(1, 'Choose at least one way of meeting')),
    place: optionalText('where you will meet', 500),
    firstFaceToFace: yesNo('Choose whether your first meeting will be face to face'),
    boundaries: optionalText('boundaries', 2000),
    confidentialityExtra: optionalText('what you want to add about confidentiality', 2000),
    success: z.preprocess(ticked, z.array(z.enum(successMeasures, { error: 'Choose how you will judge success from the list' }))),
    successOwnWords: optionalText('how you will judge success', 1000),
  })
  .superRefine((values, ctx) => {
    // Runs even when other fields are wrong (`when` below), so every message shows at once; the
    // fields it reads may then still be raw input, hence the unknowns.
    const success: unknown = values.success;
    const ownWords: unknown = values.successOwnWords;
    const hasMeasure = Array.isArray(success) ? success.length > 0 : typeof success === 'string' && success !== '';
    if (!hasMeasure && !(typeof ownWords === 'string' && ownWords.trim() !== '')) {
      ctx.addIssue({ code: 'custom', path: ['success'], message: 'Choose how you will judge success, or describe it in your own words' });
    }
    const today = todayInLondon();
    const reviewOn = refineDate(values, ctx, 'reviewOn', reviewRules);
    const endsOn = refineDate(values, ctx, 'endsOn', endRules);
    if (reviewOn && reviewOn <= today) ctx.addIssue({ code: 'custom', path: ['reviewOn-day'], message: 'Review date must be in the future' });
    if (endsOn && endsOn <= today) ctx.addIssue({ code: 'custom', path: ['endsOn-day'], message: 'End date must be in the future' });
    else if (endsOn && reviewOn && endsOn <= reviewOn) ctx.addIssue({ code: 'custom', path: ['endsOn-day'], message: 'End date must be after the review date' });
  }, { when: () => true })
  .transform((values) => {
    // Both dates passed the checks above; read them again for their values.
    const date = (name: string, rules: DateRules): string | null => {
      const checked = checkDate(values, name, rules);
      return checked.ok ? checked.value : null;
    };
    const terms: Omit<ContractTerms, 'confidentialityText'> = {
      menteeExpects: values.menteeExpects, mentorExpects: values.mentorExpects, frequency: values.frequency, sessionMinutes: values.sessionMinutes,
      modes: [...new Set(values.modes)], place: values.place, firstFaceToFace: values.firstFaceToFace, boundaries: values.boundaries,
      confidentialityExtra: values.confidentialityExtra, success: successMeasures.filter((m) => values.success.includes(m)), successOwnWords: values.successOwnWords,
    };
    return { versionId: values.versionId, revision: values.revision, terms, reviewOn: date('reviewOn', reviewRules), endsOn: date('endsOn', endRules) };
  });

export type ContractInput = z.infer<typeof contractSchema>;

/** Signing names the version and revision the person read, so a signature is on exactly those words. */
export const signSchema = z.object({
  versionId,
  revision,
});
