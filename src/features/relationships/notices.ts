// Content-free notices for notes, actions and shared reflections. They never carry what was
// written — no note, action or reflection text — only that something was added, and a link to the
// page where the signed-in party reads it (PRODUCT.md, "who sees what").
import type { EmailContent } from '../../email/content.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { Person } from './access.ts';
import { absoluteUrl, mailDeps, type RelationshipDeps, type Trx } from './deps.ts';

interface Notice {
  name: string;
  when: string;
  url: string;
}

export const noteEmails = {
  sharedNoteAdded: (p: Notice): EmailContent => ({
    subject: 'A shared note has been added to your mentoring session',
    paragraphs: [`${p.name} has added a shared note to your mentoring session on ${p.when}.`],
    action: { text: 'Sign in to read it', url: p.url },
  }),
  actionAdded: (p: Notice): EmailContent => ({
    subject: 'A new agreed action in your mentoring',
    paragraphs: [`${p.name} has added an agreed action to your mentoring${p.when ? `, from your session on ${p.when}` : ''}.`],
    action: { text: 'Sign in to see your actions', url: p.url },
  }),
  reflectionShared: (p: Notice): EmailContent => ({
    subject: 'A session reflection has been shared with you',
    paragraphs: [`${p.name} has shared their reflection on your mentoring session on ${p.when} with you.`],
    action: { text: 'Sign in to read it', url: p.url },
  }),
} as const;

export type NoteEmail = keyof typeof noteEmails;

/** Stable names for the email_messages table, the outbox and the tests. */
export function noteTemplateName(email: NoteEmail): string {
  return `relationship${email.charAt(0).toUpperCase()}${email.slice(1)}`;
}

/** Queues one notice to `to`, in the caller's transaction, so it is sent if and only if the change is kept. */
export async function notify(trx: Trx, deps: RelationshipDeps, to: Person, email: NoteEmail, notice: Omit<Notice, 'url'> & { path: string }): Promise<void> {
  if (!to.email) return;
  await queueEmail(trx, mailDeps(deps), {
    to: to.email, userId: to.id, template: noteTemplateName(email),
    content: noteEmails[email]({ name: notice.name, when: notice.when, url: absoluteUrl(deps, notice.path) }),
  });
}
