// Queues an email: one recipient, rendered now from its content, stored, and handed to the job
// queue in the caller's transaction so the email exists if and only if the change it reports does.
import type nunjucks from 'nunjucks';
import type { Transaction } from 'kysely';
import type { Database, EmailAttachment } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { queues } from '../jobs/queue.ts';
import type { EmailContent } from './content.ts';

export interface OutgoingEmail {
  to: string;
  userId?: string | null;
  /** A stable name for the kind of email (e.g. 'verifyEmail'), for tests and the outbox. */
  template: string;
  content: EmailContent;
  attachments?: EmailAttachment[];
}

export interface EmailRenderer {
  render(name: string, context: object): string;
}

export async function queueEmail(
  trx: Transaction<Database>,
  deps: { jobs: JobQueue; views: EmailRenderer | nunjucks.Environment; serviceName: string },
  email: OutgoingEmail,
): Promise<string> {
  const context = { ...email.content, after: email.content.after ?? [], serviceName: deps.serviceName };
  const row = await trx
    .insertInto('email_messages')
    .values({
      user_id: email.userId ?? null,
      recipient: email.to,
      template: email.template,
      subject: email.content.subject,
      text_body: deps.views.render('templates/email.txt.njk', context),
      html_body: deps.views.render('templates/email.html.njk', context),
      attachments: JSON.stringify(email.attachments ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.jobs.send(queues.sendEmail, { messageId: row.id }, { trx });
  return row.id;
}
