// Delivers one queued email. Locks the row so two workers never send it at once; a message already
// sent is skipped, so a retried job does not send twice. A failed attempt is recorded in the same
// transaction (never through a second connection, which would wait on our own row lock), committed,
// and only then rethrown so pg-boss retries with backoff. After a real SMTP delivery the bodies are
// cleared: the installation keeps that an email was sent, not its links.
import type { Db } from '../db/connection.ts';
import type { Mailer } from '../email/mailer.ts';

type Attempt = { result: 'sent' | 'skipped' } | { result: 'failed'; error: unknown };

export async function deliverEmail(db: Db, mailer: Mailer, messageId: string): Promise<'sent' | 'skipped'> {
  const attempt = await db.transaction().execute(async (trx): Promise<Attempt> => {
    const message = await trx.selectFrom('email_messages').selectAll().where('id', '=', messageId).forUpdate().executeTakeFirst();
    if (!message || message.status === 'sent') return { result: 'skipped' };
    try {
      await mailer.send(message);
    } catch (error) {
      await trx
        .updateTable('email_messages')
        .set({ attempts: message.attempts + 1, last_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
        .where('id', '=', messageId)
        .execute();
      return { result: 'failed', error };
    }
    await trx
      .updateTable('email_messages')
      .set({
        status: 'sent',
        sent_at: new Date(),
        attempts: message.attempts + 1,
        last_error: null,
        ...(mailer.delivers ? { text_body: null, html_body: null, attachments: '[]' } : {}),
      })
      .where('id', '=', messageId)
      .execute();
    return { result: 'sent' };
  });
  if (attempt.result === 'failed') throw attempt.error;
  return attempt.result;
}
