// What the programme admins are told when a concern is raised: that one was raised, on which
// programme, and where to read it. Never the text, who raised it or about whom (PRODUCT.md, "who
// sees what"): an email can be forwarded, read over a shoulder or land in a shared mailbox.
import type { EmailContent } from '../../../email/content.ts';

export const concernEmails = {
  concernRaised: (p: { programmeName: string; url: string }): EmailContent => ({
    subject: 'A concern has been raised on your mentoring programme',
    paragraphs: [
      `Someone on ${p.programmeName} has raised a concern in confidence with the programme admins.`,
      'Sign in to read it and record what you do about it.',
    ],
    action: { text: 'Sign in to see the concerns', url: p.url },
  }),
} as const;
