// What the goal emails say. Goals and reviews are confidential to the pair, so an email never carries
// a goal's words, a rating or a review note: it says something happened and links to the page,
// where only a signed-in party can read it (PRODUCT.md, "who sees what").
import type { EmailContent } from '../../../email/content.ts';

interface Base {
  url: string;
  programmeName: string;
}

export const goalTemplates = {
  added: 'relationshipGoalAdded',
  reminder: 'relationshipGoalsReminder',
} as const;

export const goalEmails = {
  added: (p: Base & { menteeName: string }): EmailContent => ({
    subject: `${p.menteeName} has added a goal`,
    paragraphs: [
      `${p.menteeName} has added a new goal to your mentoring relationship on ${p.programmeName}.`,
      'Sign in to read it. You could talk it through at your next session.',
    ],
    action: { text: 'Sign in to see your goals', url: p.url },
  }),
  reminder: (p: Base & { otherName: string; forMentee: boolean }): EmailContent => ({
    subject: 'Time to review your mentoring goals',
    paragraphs: [
      `It has been a while since the goals in your mentoring relationship with ${p.otherName} on ${p.programmeName} were reviewed.`,
      p.forMentee
        ? 'We suggest a review every 6 weeks. Sign in to record how things are going, or talk it through at your next session.'
        : 'We suggest a review every 6 weeks. You could make time for one at your next session.',
    ],
    action: { text: 'Sign in to review your goals', url: p.url },
  }),
};
