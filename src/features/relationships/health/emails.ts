// What the health nudge says: only how long it has been since the pair's last session and a link to
// schedule the next one. Like every relationship email it carries nothing either of them wrote.
import type { EmailContent } from '../../../email/content.ts';

/** The nudge's name in the email_messages table, the outbox and the tests (it began as a session email). */
export const HEALTH_NUDGE_TEMPLATE = 'sessionHealthNudge';

export const healthEmails = {
  nudge: (p: { name: string; url: string; days: number; level: 'amber' | 'red' }): EmailContent => ({
    subject: p.level === 'red' ? 'It has been a while since your last mentoring session' : 'Time to plan your next mentoring session?',
    paragraphs: [
      `It has been ${p.days} days since your last mentoring session with ${p.name}.`,
      p.level === 'red'
        ? 'Regular sessions keep mentoring going. If life has got busy, a short call can help, and if it is no longer working for you, you can end the relationship without blame.'
        : 'A quick message to agree a date is often all it takes. You can schedule the session in the service.',
    ],
    action: { text: 'Sign in to schedule a session', url: p.url },
  }),
} as const;
