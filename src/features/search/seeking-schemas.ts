// "Seeking a mentor" forms and their messages, in NHS service manual style.
import { z } from 'zod';

export const SUMMARY_MAX = 600;

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const postFields = ['summary', 'meetingModeIds'];
export const postSchema = z.object({
  // Browsers send new lines as CRLF; count them as one character, as the character count does.
  summary: z
    .string({ error: 'Enter what you are looking for in a mentor' })
    .optional()
    .default('')
    .transform((value) => value.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().min(1, 'Enter what you are looking for in a mentor').max(SUMMARY_MAX, 'What you are looking for must be 600 characters or fewer')),
  meetingModeIds: list(z.guid('Select how you would like to meet from the list')).pipe(z.array(z.string()).min(1, 'Select at least one way you would like to meet')),
});
export type PostInput = z.infer<typeof postSchema>;

/** The filters mentors use on the list of posts, from the address. */
export const postFiltersSchema = z.object({
  q: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().catch('').default('')).transform((value) => value.trim().slice(0, 200)),
  mode: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(80).catch('').default('')),
  profession: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(80).catch('').default('')),
  region: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(80).catch('').default('')),
  setting: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(80).catch('').default('')),
  page: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});
export type PostFilters = z.infer<typeof postFiltersSchema>;

export function parsePostFilters(raw: unknown): PostFilters {
  const parsed = postFiltersSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : postFiltersSchema.parse({});
}
