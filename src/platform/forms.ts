// Form validation with zod, answered the NHS way: an error summary linking to each field, an
// inline message per field, and the user's own input kept (service manual: error messages).
import type { z } from 'zod';
import type { FieldErrors } from '../errors.ts';

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/** Fields whose values must never be echoed back into the page. */
const SECRET_FIELDS = new Set(['password', 'newPassword', 'confirmPassword', 'currentPassword', 'setupCode', '_csrf']);

export function keptValues(body: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) if (!SECRET_FIELDS.has(key)) values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: keptValues(body) };
}

/** The error summary's list, in the order the fields appear on the page. */
export function errorList(errors: FieldErrors, fieldOrder: string[] = []): { text: string; href: string }[] {
  const ordered = [...fieldOrder.filter((field) => field in errors), ...Object.keys(errors).filter((field) => !fieldOrder.includes(field))];
  return ordered.map((field) => ({ text: errors[field] ?? '', href: `#${field}` }));
}
