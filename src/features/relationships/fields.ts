// Form-field building blocks shared by the relationship's forms (contract, goals, sessions, notes,
// reflections, endings, concerns, resources, support links). Messages follow the NHS service
// manual: say what to do.
import { z } from 'zod';

/** Browsers send new lines as CRLF but count them as one character, as the character count does. */
export const text = () => z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : ''), z.string().trim());

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
export const ticked = (value: unknown): unknown[] => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

/** Required free text: "Enter <what>", and "<What> must be <max> characters or fewer". */
export function requiredText(what: string, max: number) {
  const capital = what.charAt(0).toUpperCase() + what.slice(1);
  return text().pipe(z.string().min(1, `Enter ${what}`).max(max, `${capital} must be ${max} characters or fewer`));
}

export function optionalText(what: string, max: number) {
  const capital = what.charAt(0).toUpperCase() + what.slice(1);
  return text().pipe(z.string().max(max, `${capital} must be ${max} characters or fewer`));
}

/** A whole number typed into a box, between min and max, with the NHS-style messages. */
export function wholeNumber(what: string, min: number, max: number) {
  const capital = what.charAt(0).toUpperCase() + what.slice(1);
  return text().pipe(
    z.string().min(1, `Enter ${what}`)
      .regex(/^\d+$/, `${capital} must be a whole number`)
      .transform(Number)
      .pipe(z.number().min(min, `${capital} must be between ${min} and ${max}`).max(max, `${capital} must be between ${min} and ${max}`)),
  );
}

/** A yes/no radio answered "yes" or "no". */
export function yesNo(question: string) {
  return z.enum(['yes', 'no'], { error: question }).transform((value) => value === 'yes');
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * An https address, or nothing. Only https: a link shown to NHS staff must not downgrade to plain
 * http, and other schemes (javascript:, data:) are never links.
 */
export function httpsUrl(what: string, required: boolean) {
  return text().pipe(
    z.string().max(2000, `${what} must be 2,000 characters or fewer`).superRefine((value, ctx) => {
      if (value === '') {
        if (required) ctx.addIssue({ code: 'custom', message: `Enter ${what.toLowerCase()}` });
        return;
      }
      const url = parseUrl(value);
      if (!url || url.protocol !== 'https:' || url.hostname === '') {
        ctx.addIssue({ code: 'custom', message: `Enter ${what.toLowerCase()} starting with https://, like https://www.example.nhs.uk/support` });
      }
    }),
  );
}
