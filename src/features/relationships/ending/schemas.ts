// The ending forms and their messages (NHS service manual style), beside the schemas that use them.
// A reason is optional when the pair achieved what they set out to, and asked for when mentoring is
// not working: it goes only to the programme admins, who use it to help the mentee find a better
// match and to improve the programme — never to blame anyone.
import { z } from 'zod';
import { optionalText, requiredText } from '../fields.ts';

export const REASON_MAX = 2000;
export const CLOSING_MAX = 2000;

export const endKinds = ['completed', 'ended_early'] as const;
export type PartyEndKind = (typeof endKinds)[number];

/** A single "I understand" checkbox: the browser sends its value when ticked and nothing otherwise. */
const understood = (message: string) => z.preprocess((value) => (value === 'yes' ? true : undefined), z.literal(true, { error: message }));

export const endFields = ['kind', 'reason', 'confirm'];
export const endSchema = z
  .object({
    kind: z.enum(endKinds, { error: 'Choose why you are ending the mentoring relationship' }),
    reason: optionalText('your reason', REASON_MAX),
    confirm: understood('Confirm that you understand ending cannot be undone'),
  })
  .refine((values) => values.kind !== 'ended_early' || values.reason !== '', {
    path: ['reason'],
    message: 'Enter what has not worked for you',
    // Checked even when the box is unticked, so every problem is listed at once.
    when: (payload) => payload.issues.every((issue) => issue.path?.[0] === 'confirm'),
  });
export type EndInput = z.infer<typeof endSchema>;

export const adminEndFields = ['reason', 'confirm'];
export const adminEndSchema = z.object({
  reason: requiredText('the reason for ending this relationship', REASON_MAX),
  confirm: understood('Confirm that you understand ending cannot be undone'),
});
export type AdminEndInput = z.infer<typeof adminEndSchema>;

export const closingFields = ['reflection'];
export const closingSchema = z.object({
  reflection: requiredText('your closing reflection', CLOSING_MAX),
});
export type ClosingInput = z.infer<typeof closingSchema>;
