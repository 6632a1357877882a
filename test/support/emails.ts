// Reading the emails a test caused, straight from the outbox table.
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/connection.ts';

export async function emailsTo(db: Db, recipient: string) {
  return db.selectFrom('email_messages').selectAll().where('recipient', '=', recipient).orderBy('created_at').execute();
}

/** The site-relative link (path and token) in an email's text, e.g. '/verify-email?token=…'. */
export function linkIn(text: string | null, path: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${path}\\?token=[A-Za-z0-9_-]+)`).exec(text ?? '');
  assert.ok(match?.[1], `no ${path} link in the email`);
  return match[1];
}
