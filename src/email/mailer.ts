// Delivery over SMTP with nodemailer. With no SMTP configured (never in production) there is no
// transport: the email_messages table is the outbox and /outbox shows it.
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { EmailMessage } from '../db/types.ts';

export interface Mailer {
  /** True when messages really leave the installation. */
  delivers: boolean;
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: Config): Mailer {
  const smtpUrl = config.mail.smtpUrl;
  if (!smtpUrl) return { delivers: false, send: async () => undefined, close: () => undefined };
  const transport = nodemailer.createTransport(smtpUrl);
  const domain = new URL(config.baseUrl).hostname;
  return {
    delivers: true,
    async send(message) {
      const calendar = message.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
      await transport.sendMail({
        from: config.mail.from,
        to: message.recipient,
        subject: message.subject,
        text: message.text_body ?? '',
        html: message.html_body ?? undefined,
        // A stable Message-ID: if a retry follows a delivery whose acknowledgement was lost, mail
        // clients see the same message, not two.
        messageId: `<${message.id}@${domain}>`,
        // Calendar invitations go as a METHOD-aware iCalendar part, which Outlook and NHSmail act on.
        icalEvent: calendar ? { method: calendar.method ?? 'REQUEST', content: calendar.content } : undefined,
      });
    },
    close: () => transport.close(),
  };
}
