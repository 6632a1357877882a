// Builders for the notes, actions and reflections tests. Sessions are stored directly (scheduling
// has its own tests); everything else goes through the pages as a browser would.
import assert from 'node:assert/strict';
import type { TestApp } from '../../../../test/support/app.ts';
import type { SessionStatus } from '../../../db/types.ts';
import { modeId } from '../testing.ts';

export async function insertSession(t: TestApp, relationshipId: string, options: { status?: SessionStatus; daysFromNow?: number } = {}): Promise<string> {
  const row = await t.db.insertInto('mentoring_sessions').values({
    relationship_id: relationshipId,
    starts_at: new Date(Date.now() + (options.daysFromNow ?? -7) * 86_400_000),
    duration_minutes: 60,
    mode: await modeId(t, 'video'),
    status: options.status ?? 'held',
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Every email queued so far, as one string, to check that no confidential text reached one. */
export async function allEmailText(t: TestApp): Promise<string> {
  const rows = await t.db.selectFrom('email_messages').select(['subject', 'text_body', 'html_body']).execute();
  return rows.map((r) => `${r.subject}\n${r.text_body}\n${r.html_body}`).join('\n');
}

export async function countRows(t: TestApp, table: 'shared_notes' | 'private_notes' | 'agreed_actions' | 'session_reflections'): Promise<number> {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The marker's unique token (before the colon) is enough: no page or email may carry even that. */
export function assertNoMarker(body: string, marker: string, where: string): void {
  const token = marker.split(':')[0] ?? marker;
  assert.ok(!body.includes(token), `${where} must not contain the confidential text`);
}

/** Text as the page shows it once escaped (names such as O'Hara come out as O&#39;Hara). */
export function asHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
