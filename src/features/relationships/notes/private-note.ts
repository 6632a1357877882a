// A party's private note on a session: only ever read back for its author. It is stored as
// AES-256-GCM ciphertext bound to its session and author (platform/crypto.ts), so not the other
// party, not admins, and not a copy of the row elsewhere can read it. One per author per session.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import type { KeyRing } from '../../../platform/crypto.ts';
import { formatDateTime } from '../../../platform/formatting.ts';
import { lockForChange } from '../access.ts';
import type { RelationshipDeps } from '../deps.ts';
import { requireOpenSession, sessionOf } from '../session-of.ts';

/** The author's own note, as their notes page shows it. */
export interface PrivateNote {
  text: string;
  updated: string;
}

function privateContext(sessionId: string, authorId: string): string {
  return `private-note:${sessionId}:${authorId}`;
}

/** The reader's own private note for the session, decrypted — the query names the reader, so no one else's is ever fetched. */
export async function myPrivateNote(db: Db, keys: KeyRing, sessionId: string, actor: Actor): Promise<PrivateNote | null> {
  const mine = await db.selectFrom('private_notes').selectAll().where('session_id', '=', sessionId).where('author_id', '=', actor.id).executeTakeFirst();
  if (!mine || !policies.isAuthor(actor, { authorId: mine.author_id })) return null;
  return { text: keys.open({ keyId: mine.key_id, ciphertext: mine.ciphertext }, privateContext(sessionId, actor.id)), updated: formatDateTime(mine.updated_at) };
}

/** Saves (or, when empty, removes) the author's private note: one per author per session. */
export async function savePrivateNote(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, text: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    requireOpenSession(await sessionOf(trx, relationshipId, sessionId));
    if (text === '') {
      await trx.deleteFrom('private_notes').where('session_id', '=', sessionId).where('author_id', '=', actor.id).execute();
    } else {
      const sealed = deps.keys.seal(text, privateContext(sessionId, actor.id));
      const now = new Date();
      await trx.insertInto('private_notes')
        .values({ session_id: sessionId, author_id: actor.id, key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: now })
        .onConflict((oc) => oc.columns(['session_id', 'author_id']).doUpdateSet({ key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: now }))
        .execute();
    }
    await recordAudit(trx, {
      actorId: actor.id, action: text === '' ? 'relationship.private_note_cleared' : 'relationship.private_note_saved', subjectType: 'relationship',
      subjectId: relationshipId, programmeId: context.relationship.programme_id, details: { sessionId },
    });
  });
}
