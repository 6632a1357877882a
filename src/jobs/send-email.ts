// Delivers one queued email. Locks the row so two workers never send it at once; a message already
// sent is skipped, so a retried job does not send twice. After a real SMTP delivery the bodies are
// cleared: the installation keeps that an email was sent, not its links.
import type { Db } from '../db/connection.ts';
import type { Mailer } from '../email/mailer.ts';

export async function deliverEmail(db: Db, mailer: Mailer, messageId: string): Promise<'sent' | 'skipped'> {
  return db.transaction().execute(async (trx) => {
    const message = await trx.selectFrom('email_messages').selectAll().where('id', '=', messageId).forUpdate().executeTakeFirst();
    if (!message || message.status === 'sent') return 'skipped';
    try {
      await mailer.send(message);
    } catch (error) {
      await db
        .updateTable('email_messages')
        .set({ attempts: message.attempts + 1, last_error: error instanceof Error ? error.message.slice(0, 500) : 'unknown' })
        .where('id', '=', messageId)
        .execute()
        .catch(() => undefined);
      throw error;
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
    return 'sent';
  });
}
