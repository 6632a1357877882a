// What the mentee-application emails say. They name what happened and link to the page; they never
// carry goals, preferences, a line manager's reason or an admin's message (PRODUCT.md, "who sees
// what"): those are read after signing in.
import type { EmailContent } from '../../email/content.ts';

/** The time a mentee asks of their line manager, as the line manager's page also says it. */
export const TIME_COMMITMENT =
  'sessions of 45 to 60 minutes, usually about once a month, for up to a year, plus time to prepare before each session and to follow up afterwards';

interface ManagerEmail {
  menteeName: string;
  programmeName: string;
  url: string;
  expiresOn: string;
  serviceName: string;
}

export const lineManagerEmails = {
  lineManagerRequest: (p: ManagerEmail): EmailContent => ({
    subject: `${p.menteeName} has asked for your support for mentoring`,
    paragraphs: [
      `${p.menteeName} has applied to be mentored on ${p.programmeName} and has named you as their line manager.`,
      `We are asking whether you support their application and will give them time for it: ${TIME_COMMITMENT}.`,
      'You do not need an account to answer.',
    ],
    action: { text: 'Tell us whether you support this application', url: p.url },
    after: [`This link works once and expires on ${p.expiresOn}.`, `If you are not ${p.menteeName}'s line manager, you can ignore this email.`],
  }),
  lineManagerReminder: (p: ManagerEmail & { sentOn: string }): EmailContent => ({
    subject: `Reminder: ${p.menteeName} has asked for your support for mentoring`,
    paragraphs: [
      `On ${p.sentOn} we asked whether you support ${p.menteeName}'s application to be mentored on ${p.programmeName}. We have not had an answer yet.`,
      'Use the link in this email. The link in our first email no longer works.',
    ],
    action: { text: 'Tell us whether you support this application', url: p.url },
    after: [`This link works once and expires on ${p.expiresOn}.`, `If you are not ${p.menteeName}'s line manager, you can ignore this email.`],
  }),
} as const;

interface MenteeEmail {
  programmeName: string;
  url: string;
}

const signInToSee = (p: MenteeEmail) => ({ text: 'Sign in to see your application', url: p.url });

export const menteeEmails = {
  menteeAskedLineManager: (p: MenteeEmail): EmailContent => ({
    subject: 'We have asked your line manager to support your mentoring application',
    paragraphs: [`Thank you for applying to ${p.programmeName}. We have emailed your line manager to ask whether they support your application.`, 'We will email you when they answer.'],
    action: signInToSee(p),
  }),
  menteeSentToAdmins: (p: MenteeEmail): EmailContent => ({
    subject: 'Your mentoring application has been sent',
    paragraphs: [`Your application to ${p.programmeName} has been sent to the programme admins.`, 'We will email you when they have decided.'],
    action: signInToSee(p),
  }),
  menteeResubmitted: (p: MenteeEmail): EmailContent => ({
    subject: 'Your mentoring application has been sent again',
    paragraphs: [`Your updated application to ${p.programmeName} has been sent to the programme admins.`, 'We will email you when they have decided.'],
    action: signInToSee(p),
  }),
  menteeLineManagerResponded: (p: MenteeEmail): EmailContent => ({
    subject: 'Your line manager has responded to your mentoring application',
    paragraphs: [`Your line manager has responded to your application to ${p.programmeName}. Sign in to see what happens next.`],
    action: signInToSee(p),
  }),
  menteeLineManagerExpired: (p: MenteeEmail): EmailContent => ({
    subject: 'Your line manager did not respond in time',
    paragraphs: [`Your line manager did not respond in time to your application to ${p.programmeName}.`, 'You can name someone else who can support your application.'],
    action: { text: 'Name someone else', url: p.url },
  }),
  menteeMoreInfoRequested: (p: MenteeEmail): EmailContent => ({
    subject: 'A programme admin needs more information about your mentoring application',
    paragraphs: [`A programme admin of ${p.programmeName} has asked for more information about your application. Sign in to read their message.`],
    action: signInToSee(p),
  }),
  menteeApproved: (p: MenteeEmail): EmailContent => ({
    subject: 'Your mentoring application has been approved',
    paragraphs: [`You have a place as a mentee on ${p.programmeName}.`],
    action: signInToSee(p),
  }),
  menteeRejected: (p: MenteeEmail): EmailContent => ({
    subject: 'There is a decision on your mentoring application',
    paragraphs: [`A programme admin of ${p.programmeName} has decided on your application. Sign in to see their decision.`],
    action: signInToSee(p),
  }),
} as const;

export type MenteeEmailTemplate = keyof typeof menteeEmails;
