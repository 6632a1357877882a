// Table type for the email outbox (migration 0001): every message the app sends, queued first and
// delivered by the worker, with its calendar attachments.
import type { Generated, Selectable } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './columns.ts';

export const emailStatuses = ['queued', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
  method?: string;
}

export interface EmailMessagesTable {
  id: Generated<string>;
  user_id: string | null;
  recipient: string;
  template: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  attachments: Json<EmailAttachment[]>;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export type EmailMessage = Selectable<EmailMessagesTable>;
