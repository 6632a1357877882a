// Changing a session's shared notes: both parties read them, each adds their own and edits only
// their own. Each change is one transaction under the relationship's lock (access.lockForChange),
// with its audit row (ids only) and, for a new note, a notice to the other party (never the text).
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import { ConflictError, NotFoundError } from '../../../errors.ts';
import { lockForChange } from '../access.ts';
import type { RelationshipDeps } from '../deps.ts';
import { notify } from '../notices.ts';
import { paths } from '../paths.ts';
import { requireOpenSession, sessionOf, sessionWhen } from '../session-of.ts';

export async function addSharedNote(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, body: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = await sessionOf(trx, relationshipId, sessionId);
    requireOpenSession(session);
    const row = await trx.insertInto('shared_notes').values({ session_id: sessionId, author_id: actor.id, body }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.shared_note_added', subjectType: 'relationship', subjectId: relationshipId,
      programmeId: context.relationship.programme_id, details: { sessionId, noteId: row.id },
    });
    await notify(trx, deps, context.other, 'sharedNoteAdded', { name: context.me.fullName, when: sessionWhen(session), path: paths.sessionNotes(relationshipId, sessionId) });
  });
}

/** The edit was made from an older copy of the note (another tab): nothing is saved, and the form shows the note as it is now. */
export class NoteChangedError extends ConflictError {
  constructor() {
    super('This note has been changed since you opened it. Check it, then make your change again', 'stale_note');
  }
}

export async function editSharedNote(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, noteId: string, input: { body: string; version: number }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = await sessionOf(trx, relationshipId, sessionId);
    requireOpenSession(session);
    const note = await trx.selectFrom('shared_notes').selectAll().where('id', '=', noteId).where('session_id', '=', sessionId).forUpdate().executeTakeFirst();
    if (!note) throw new NotFoundError();
    if (note.author_id !== actor.id) throw new ConflictError('You can only change notes you wrote', 'not_author');
    // Saved from an older copy of the note (another tab): refused rather than silently overwriting the newer words.
    if (note.updated_at.getTime() !== input.version) throw new NoteChangedError();
    await trx.updateTable('shared_notes').set({ body: input.body, updated_at: new Date() }).where('id', '=', noteId).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.shared_note_edited', subjectType: 'relationship', subjectId: relationshipId,
      programmeId: context.relationship.programme_id, details: { sessionId, noteId },
    });
  });
}
