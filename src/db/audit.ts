// The audit trail: who did what to which thing, and when. Written in the same transaction as the
// change. Ids and codes only — never names, emails or free text.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  programmeId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_user_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      programme_id: entry.programmeId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
