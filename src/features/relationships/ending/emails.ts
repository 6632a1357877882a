// What the ending emails say. Ending is without blame, so the other party's message is neutral and
// kind, different for a relationship that achieved its aims and one that ended early, and never
// carries the reason (programme admins only) or anything else either of them wrote. Each email
// invites a short closing reflection and links to the ending page, where the mentee also finds help
// to look for another mentor (PRODUCT.md, journey 5, "Ending").
import type { EmailContent } from '../../../email/content.ts';
import type { RelationshipEndKind } from '../../../db/types.ts';

interface Common {
  programmeName: string;
  /** The other party's name. */
  name: string;
  url: string;
  /** How many planned sessions the ending cancelled. */
  cancelledSessions: number;
  /** Only the mentee is offered help to find another mentor. */
  forMentee: boolean;
}

const reflect = 'When you are ready, you can write a short closing reflection on what went well and what you learned. Only you will ever see it.';
const readIt = (url: string) => ({ text: 'Sign in to see the relationship', url });

function sessionsLine(count: number): string[] {
  if (count === 0) return [];
  return [count === 1 ? 'The session you had planned has been cancelled. A calendar cancellation is attached.' : `The ${count} sessions you had planned have been cancelled. Calendar cancellations are attached.`];
}

function nextMentorLine(forMentee: boolean): string[] {
  return forMentee ? ['If you would like to carry on with mentoring, you can look for another mentor or ask a programme admin to help you find one.'] : [];
}

export const endingEmails = {
  /** To the party who did not end it. */
  endedForOther: (p: Common & { kind: Exclude<RelationshipEndKind, 'ended_by_admin'> }): EmailContent => ({
    subject: 'Your mentoring relationship has closed',
    paragraphs: [
      p.kind === 'completed'
        ? `${p.name} has closed your mentoring relationship on ${p.programmeName}, as you have reached the end of what you set out to do together.`
        : `${p.name} has closed your mentoring relationship on ${p.programmeName}.`,
      p.kind === 'completed'
        ? 'Thank you for the time and care you have given to it.'
        : 'Mentoring relationships end for many reasons, and it is nobody\'s fault. Thank you for the time you have given to it.',
      ...sessionsLine(p.cancelledSessions),
      'You can still read everything you recorded together.',
      reflect,
      ...nextMentorLine(p.forMentee),
    ],
    action: readIt(p.url),
  }),
  /** To the party who ended it: a confirmation. */
  endedByYou: (p: Common): EmailContent => ({
    subject: 'You have closed your mentoring relationship',
    paragraphs: [
      `You have closed your mentoring relationship with ${p.name} on ${p.programmeName}. We have let them know.`,
      ...sessionsLine(p.cancelledSessions),
      reflect,
      ...nextMentorLine(p.forMentee),
    ],
    action: readIt(p.url),
  }),
  /** To both parties when a programme admin ends it. */
  endedByAdmin: (p: Common): EmailContent => ({
    subject: 'Your mentoring relationship has been closed by the programme',
    paragraphs: [
      `A programme admin of ${p.programmeName} has closed your mentoring relationship with ${p.name}.`,
      ...sessionsLine(p.cancelledSessions),
      `If you have any questions, contact the programme admins of ${p.programmeName}. Sign in to see who they are.`,
      reflect,
      ...nextMentorLine(p.forMentee),
    ],
    action: readIt(p.url),
  }),
} as const;

export type EndingEmail = keyof typeof endingEmails;

/** Stable names for the email_messages table, the outbox and the tests. */
export function endingTemplate(email: EndingEmail): string {
  return `relationship${email.charAt(0).toUpperCase()}${email.slice(1)}`;
}
