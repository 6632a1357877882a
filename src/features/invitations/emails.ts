// What the chemistry-meeting emails say. Like every email here they never carry a message, a reason,
// a reflection or contact details: they say what happened and link to the page where a signed-in
// party reads the rest (PRODUCT.md, "who sees what").
import type { EmailContent } from '../../email/content.ts';

interface Base {
  url: string;
  programmeName: string;
}
interface WithName extends Base {
  name: string;
}

const readIt = (url: string) => ({ text: 'Sign in to see the invitation', url });

export const invitationEmails = {
  invitationReceived: (p: WithName & { answerBy: string; byAdmin: boolean }): EmailContent => ({
    subject: 'You have a chemistry meeting invitation',
    paragraphs: [
      p.byAdmin
        ? `A programme admin of ${p.programmeName} has invited you to a chemistry meeting with ${p.name}, on their behalf.`
        : `${p.name} has invited you to a chemistry meeting on ${p.programmeName}.`,
      `Sign in to read the invitation and accept or decline it by ${p.answerBy}.`,
    ],
    action: readIt(p.url),
  }),
  mentorSuggested: (p: WithName): EmailContent => ({
    subject: 'A programme admin has suggested a mentor for you',
    paragraphs: [`A programme admin of ${p.programmeName} has invited ${p.name} to a chemistry meeting with you. We will email you when they answer.`],
    action: readIt(p.url),
  }),
  offerReceived: (p: WithName & { answerBy: string }): EmailContent => ({
    subject: 'A mentor has offered you a chemistry meeting',
    paragraphs: [`${p.name} has offered you a chemistry meeting on ${p.programmeName}.`, `Sign in to read their offer and accept or decline it by ${p.answerBy}.`],
    action: { text: 'Sign in to see the offer', url: p.url },
  }),
  accepted: (p: WithName & { when: string | null }): EmailContent => ({
    subject: 'Your chemistry meeting has been accepted',
    paragraphs: [
      `Your chemistry meeting with ${p.name} on ${p.programmeName} has been accepted. You can now both see each other's contact details.`,
      p.when ? `The meeting is proposed for ${p.when}. A calendar invitation is attached.` : 'Sign in to agree a time for the meeting.',
    ],
    action: readIt(p.url),
  }),
  meetingTime: (p: WithName & { when: string; changed: boolean }): EmailContent => ({
    subject: p.changed ? 'The time of your chemistry meeting has changed' : 'A time has been proposed for your chemistry meeting',
    paragraphs: [`Your chemistry meeting with ${p.name} is now proposed for ${p.when}. An updated calendar invitation is attached.`],
    action: readIt(p.url),
  }),
  declined: (p: WithName & { wasOffer: boolean }): EmailContent => ({
    subject: p.wasOffer ? 'Your offer of a chemistry meeting has been declined' : 'Your chemistry meeting invitation has been declined',
    paragraphs: [
      p.wasOffer ? `${p.name} has decided not to take up your offer of a chemistry meeting.` : `${p.name} cannot meet you this time.`,
      ...(p.wasOffer ? [] : ['This frees up one of your places: you can invite another mentor.']),
    ],
    action: readIt(p.url),
  }),
  withdrawn: (p: WithName & { cancelled: boolean; hadMeeting: boolean }): EmailContent => ({
    subject: p.cancelled ? 'Your chemistry meeting has been cancelled' : 'A chemistry meeting invitation has been withdrawn',
    paragraphs: [
      p.cancelled ? `${p.name} has cancelled your chemistry meeting.` : `${p.name} has withdrawn the chemistry meeting invitation.`,
      ...(p.hadMeeting ? ['A calendar cancellation is attached.'] : []),
    ],
    action: readIt(p.url),
  }),
  meetingRemoved: (p: WithName): EmailContent => ({
    subject: 'Your chemistry meeting has been called off',
    paragraphs: [`You have called off your chemistry meeting with ${p.name}. A calendar cancellation is attached so it leaves your calendar too.`],
    action: readIt(p.url),
  }),
  met: (p: WithName): EmailContent => ({
    subject: 'Your chemistry meeting has been marked as held',
    paragraphs: [`${p.name} has recorded that your chemistry meeting took place.`, 'You can now write a private reflection on how well you fit. Only you will ever see it.'],
    action: readIt(p.url),
  }),
  chosen: (p: WithName): EmailContent => ({
    subject: `${p.name} would like you to be their mentor`,
    paragraphs: [`After your chemistry meeting, ${p.name} would like to continue with you as their mentor on ${p.programmeName}.`, 'Sign in to confirm, or to tell them you cannot continue.'],
    action: { text: 'Sign in to answer', url: p.url },
  }),
  confirmed: (p: WithName): EmailContent => ({
    subject: `${p.name} will be your mentor`,
    paragraphs: [`${p.name} has confirmed they will be your mentor on ${p.programmeName}. Your mentoring relationship has started.`],
    action: readIt(p.url),
  }),
  mentorNotContinuing: (p: WithName): EmailContent => ({
    subject: `${p.name} cannot continue as your mentor`,
    paragraphs: [`${p.name} cannot continue as your mentor after your chemistry meeting.`, 'You can choose another mentor you have met, invite someone else, or ask a programme admin to help.'],
    action: readIt(p.url),
  }),
  thankYou: (p: WithName & { met: boolean }): EmailContent => ({
    subject: 'Thank you for your time',
    paragraphs: [
      p.met ? `${p.name} has decided not to continue after your chemistry meeting.` : `${p.name} has closed their chemistry meeting invitation to you.`,
      'Thank you for your time. Nobody has to continue past a chemistry meeting, and nothing more is needed from you.',
    ],
    action: readIt(p.url),
  }),
  reminder: (p: WithName & { answerBy: string; wasOffer: boolean }): EmailContent => ({
    subject: p.wasOffer ? 'Reminder: an offer of a chemistry meeting is waiting for your answer' : 'Reminder: a chemistry meeting invitation is waiting for your answer',
    paragraphs: [
      p.wasOffer ? `${p.name} offered you a chemistry meeting on ${p.programmeName}.` : `You have been invited to a chemistry meeting with ${p.name} on ${p.programmeName}.`,
      `If you do not answer by ${p.answerBy}, it will expire.`,
    ],
    action: { text: 'Sign in to answer', url: p.url },
  }),
  expired: (p: WithName & { forMentee: boolean }): EmailContent => ({
    subject: 'A chemistry meeting invitation has expired',
    paragraphs: [
      `The chemistry meeting invitation between you and ${p.name} was not answered in time and has expired.`,
      ...(p.forMentee ? ['This frees up one of your places: you can invite another mentor.'] : []),
    ],
    action: readIt(p.url),
  }),
  brokerRequested: (p: Base): EmailContent => ({
    subject: 'A mentee has asked for help to find a mentor',
    paragraphs: [`A mentee on ${p.programmeName} has asked a programme admin to help them find a mentor.`],
    action: { text: 'Go to the requests for help', url: p.url },
  }),
} as const;

export type InvitationEmail = keyof typeof invitationEmails;

/** Stable names for the email_messages table, the outbox and the tests. */
export function templateName(email: InvitationEmail): string {
  return `chemistry${email.charAt(0).toUpperCase()}${email.slice(1)}`;
}
