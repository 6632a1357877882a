// The mentee's session reflection: one thing they got out of it, how useful it was (1–10), an emoji
// from a short list (each with words, so it never depends on seeing the picture), and whether the
// mentor may see it. The message for sharing names the mentor, so the schema is made per page.
import { z } from 'zod';
import { optionalText, yesNo } from '../fields.ts';

export const TAKEAWAY_MAX = 1000;

/** The emoji offered, in the order shown; the character is what is stored. */
export const reflectionEmojis = [
  { key: 'great', emoji: '😀', label: 'Great' },
  { key: 'good', emoji: '🙂', label: 'Good' },
  { key: 'thoughtful', emoji: '🤔', label: 'Thoughtful' },
  { key: 'okay', emoji: '😐', label: 'Okay' },
  { key: 'worried', emoji: '😟', label: 'Worried' },
  { key: 'low', emoji: '🙁', label: 'Low' },
] as const;
export type EmojiKey = (typeof reflectionEmojis)[number]['key'];
const emojiKeys = reflectionEmojis.map((e) => e.key) as [EmojiKey, ...EmojiKey[]];

export function emojiLabel(emoji: string): string {
  return reflectionEmojis.find((e) => e.emoji === emoji)?.label ?? '';
}

export function emojiKeyOf(emoji: string): EmojiKey | '' {
  return reflectionEmojis.find((e) => e.emoji === emoji)?.key ?? '';
}

export const usefulnessScores = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

export const reflectionFields = ['takeaway', 'usefulness', 'emoji', 'share'];

export function reflectionSchema(mentorName: string) {
  return z.object({
    takeaway: optionalText('what you got out of it', TAKEAWAY_MAX),
    usefulness: z.enum(usefulnessScores, { error: 'Choose how useful the session was, from 1 to 10' }).transform(Number),
    // Optional: no emoji chosen is stored as ''.
    emoji: z.preprocess((value) => (value === '' ? undefined : value), z.enum(emojiKeys, { error: 'Choose an emoji from the list' }).optional())
      .transform((key) => reflectionEmojis.find((e) => e.key === key)?.emoji ?? ''),
    share: yesNo(`Choose whether to share this reflection with ${mentorName}`),
  });
}
export type ReflectionInput = z.infer<ReturnType<typeof reflectionSchema>>;
