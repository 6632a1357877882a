// What the mentor application emails say. Like every email here they carry no profile text, no
// reason and no message: they say that something happened and link to the page where a signed-in
// person can read it (PRODUCT.md, "who sees what").
import type { EmailContent } from '../../email/content.ts';

export const mentorEmails = {
  applicationReceived: (p: { url: string; serviceName: string }): EmailContent => ({
    subject: 'We have received your application to join the mentor register',
    paragraphs: [
      'We have received your application to join a register of mentors.',
      'A programme admin will look at your profile and training and decide. We will email you when they have.',
    ],
    action: { text: 'View your application', url: p.url },
  }),
  applicationWaiting: (p: { url: string; serviceName: string }): EmailContent => ({
    subject: 'A mentor application is waiting for a decision',
    paragraphs: ['Someone has applied to join the register of mentors of a programme you run. Their application is waiting for a decision.'],
    action: { text: 'Go to the mentor applications', url: p.url },
  }),
  applicationReviewed: (p: { url: string; serviceName: string }): EmailContent => ({
    subject: 'Your mentor application has been reviewed',
    paragraphs: ['A programme admin has reviewed your application to join a register of mentors. Sign in to see what they decided.'],
    action: { text: 'Sign in to see', url: p.url },
  }),
} as const;

/** Stable names for the email_messages table, the outbox and the tests. */
export const mentorEmailTemplates = {
  applicationReceived: 'mentorApplicationReceived',
  applicationWaiting: 'mentorApplicationWaiting',
  applicationReviewed: 'mentorApplicationReviewed',
} as const;
