// What the session emails say. They never carry an agenda, a place, a link the parties typed, a
// cancellation message or anything else confidential: only that something happened, when, and a
// link to the page a signed-in party reads the rest on (PRODUCT.md, "who sees what").
import type { EmailContent } from '../../../email/content.ts';

interface Base {
  /** The other party's name. */
  name: string;
  url: string;
}
interface Timed extends Base {
  when: string;
}

const seeIt = (url: string) => ({ text: 'Sign in to see the session', url });

export const sessionEmails = {
  scheduled: (p: Timed & { byYou: boolean }): EmailContent => ({
    subject: 'A mentoring session has been scheduled',
    paragraphs: [
      p.byYou ? `You have scheduled a mentoring session with ${p.name} for ${p.when}.` : `${p.name} has scheduled a mentoring session with you for ${p.when}.`,
      'A calendar invitation is attached. Sign in for the details.',
    ],
    action: seeIt(p.url),
  }),
  rescheduled: (p: Timed & { byYou: boolean }): EmailContent => ({
    subject: 'Your mentoring session has moved',
    paragraphs: [
      p.byYou ? `You have moved your mentoring session with ${p.name} to ${p.when}.` : `${p.name} has moved your mentoring session to ${p.when}.`,
      'An updated calendar invitation is attached. Sign in for the details.',
    ],
    action: seeIt(p.url),
  }),
  cancelled: (p: Timed & { byYou: boolean }): EmailContent => ({
    subject: 'A mentoring session has been cancelled',
    paragraphs: [
      p.byYou ? `You have cancelled your mentoring session with ${p.name} on ${p.when}.` : `${p.name} has cancelled your mentoring session on ${p.when}.`,
      'A calendar cancellation is attached so it leaves your calendar too.',
    ],
    action: seeIt(p.url),
  }),
  reminder: (p: Timed): EmailContent => ({
    subject: 'Reminder: your mentoring session is tomorrow',
    paragraphs: [`Your mentoring session with ${p.name} is on ${p.when}.`, 'Sign in for the details.'],
    action: seeIt(p.url),
  }),
  reflectionPrompt: (p: Base): EmailContent => ({
    subject: 'How was your mentoring session?',
    paragraphs: [
      `Take a minute to reflect on your session with ${p.name}: one thing you got out of it, and how useful it was.`,
      'Your reflection is yours: you choose whether your mentor sees it.',
    ],
    action: { text: 'Sign in to write your reflection', url: p.url },
  }),
} as const;

export type SessionEmail = keyof typeof sessionEmails;

/** Stable names for the email_messages table, the outbox and the tests. */
export function sessionTemplate(email: SessionEmail): string {
  return `session${email.charAt(0).toUpperCase()}${email.slice(1)}`;
}
