// The resource library's form and its fixed list of topics, with NHS-style messages. A resource is
// a guide written here (body, shown as plain paragraphs) or a link to one elsewhere, or both.
import { z } from 'zod';
import { relationshipPhases } from '../../../db/types.ts';
import { httpsUrl, optionalText, requiredText, text, ticked } from '../fields.ts';

export const TITLE_MAX = 150;
export const SUMMARY_MAX = 300;
export const BODY_MAX = 10000;

/** A small fixed list: enough to filter a library of tens of guides, not a taxonomy to manage. */
export const resourceTopics = ['getting_started', 'goals', 'sessions', 'feedback', 'wellbeing', 'careers', 'reverse_mentoring', 'ending_well'] as const;
export type ResourceTopic = (typeof resourceTopics)[number];

export const topicLabels: Record<ResourceTopic, string> = {
  getting_started: 'Getting started',
  goals: 'Goals',
  sessions: 'Sessions',
  feedback: 'Feedback',
  wellbeing: 'Wellbeing',
  careers: 'Careers',
  reverse_mentoring: 'Reverse mentoring',
  ending_well: 'Ending well',
};

export function isTopic(value: unknown): value is ResourceTopic {
  return typeof value === 'string' && (resourceTopics as readonly string[]).includes(value);
}

export const resourceFields = ['title', 'summary', 'body', 'url', 'phases', 'topics'];
export const resourceSchema = z
  .object({
    title: requiredText('a title', TITLE_MAX),
    summary: requiredText('a short summary', SUMMARY_MAX),
    body: optionalText('the text of the guide', BODY_MAX),
    url: httpsUrl('A link', false),
    phases: z.preprocess(ticked, z.array(z.enum(relationshipPhases, { error: 'Choose phases from the list' }))),
    topics: z.preprocess(ticked, z.array(z.enum(resourceTopics, { error: 'Choose topics from the list' }))),
    // The stored row's revision when the form was opened: a save over a newer one is refused (409).
    version: text(),
  })
  .superRefine((values, ctx) => {
    if (values.body === '' && values.url === '') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Enter the text of the guide or a link to it' });
    }
  });
export type ResourceInput = z.infer<typeof resourceSchema>;

/** The library page's filters, read from the address; anything unknown is simply no filter. */
export const libraryFilterSchema = z.object({
  phase: z.enum(relationshipPhases).optional().catch(undefined),
  topic: z.enum(resourceTopics).optional().catch(undefined),
});
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;
