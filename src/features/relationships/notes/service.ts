// A session's notes: shared notes (both parties read them; each edits only their own), the agreed
// actions from the session, and each party's private note. A private note is only ever read back
// for its author: it is stored as AES-256-GCM ciphertext bound to its session and author
// (platform/crypto.ts), so not the other party, not admins, and not a copy of the row elsewhere.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { ConflictError, NotFoundError } from '../../../errors.ts';
import type { KeyRing } from '../../../platform/crypto.ts';
import { formatDateTime } from '../../../platform/formatting.ts';
import { loadForParty, lockForChange, type RelationshipContext } from '../access.ts';
import { listActions, ownerChoices, type ActionRow, type OwnerChoice } from '../actions/index.ts';
import type { RelationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';
import { notify } from '../notices.ts';
import { requireOpenSession, sessionOf, sessionStatusText, sessionWhen } from '../session-of.ts';

function privateContext(sessionId: string, authorId: string): string {
  return `private-note:${sessionId}:${authorId}`;
}

export interface SharedNoteRow {
  id: string;
  author: string;
  isMine: boolean;
  body: string;
  written: string;
  edited: string | null;
  editHref: string;
}

export interface NotesPage {
  frame: Frame;
  session: { id: string; when: string; status: string; isHeld: boolean };
  canWrite: boolean;
  shared: SharedNoteRow[];
  actions: ActionRow[];
  owners: OwnerChoice[];
  privateNote: { text: string; updated: string } | null;
  otherName: string;
  links: { session: string; addShared: string; savePrivate: string; addAction: string; actions: string; reflection: string | null };
}

/** The shared notes, oldest first, each marked with whether the reader wrote it. */
async function sharedNotesOf(db: Db, context: RelationshipContext, sessionId: string, actorId: string): Promise<SharedNoteRow[]> {
  const rows = await db.selectFrom('shared_notes').leftJoin('users', 'users.id', 'shared_notes.author_id')
    .select(['shared_notes.id', 'shared_notes.author_id', 'shared_notes.body', 'shared_notes.created_at', 'shared_notes.updated_at', 'users.full_name'])
    .where('shared_notes.session_id', '=', sessionId).orderBy('shared_notes.created_at').orderBy('shared_notes.id').execute();
  return rows.map((n) => ({
    id: n.id,
    author: n.author_id === actorId ? 'You' : (n.full_name ?? 'Someone no longer registered'),
    isMine: n.author_id === actorId,
    body: n.body,
    written: formatDateTime(n.created_at),
    edited: n.updated_at.getTime() !== n.created_at.getTime() ? formatDateTime(n.updated_at) : null,
    editHref: paths.sharedNote(context.relationship.id, sessionId, n.id),
  }));
}

/** The reader's own private note for the session, decrypted — the query names the reader, so no one else's is ever fetched. */
async function myPrivateNote(db: Db, keys: KeyRing, sessionId: string, actor: Actor): Promise<NotesPage['privateNote']> {
  const mine = await db.selectFrom('private_notes').selectAll().where('session_id', '=', sessionId).where('author_id', '=', actor.id).executeTakeFirst();
  if (!mine || !policies.isAuthor(actor, { authorId: mine.author_id })) return null;
  return { text: keys.open({ keyId: mine.key_id, ciphertext: mine.ciphertext }, privateContext(sessionId, actor.id)), updated: formatDateTime(mine.updated_at) };
}

export async function getNotesPage(deps: Pick<RelationshipDeps, 'db' | 'keys'>, actor: Actor, relationshipId: string, sessionId: string, now: Date = new Date()): Promise<NotesPage> {
  const context = await loadForParty(deps.db, actor, relationshipId);
  const session = await sessionOf(deps.db, relationshipId, sessionId);
  const [shared, actions, privateNote] = await Promise.all([
    sharedNotesOf(deps.db, context, sessionId, actor.id),
    listActions(deps.db, context, actor.id, { sessionId, now }),
    myPrivateNote(deps.db, deps.keys, sessionId, actor),
  ]);
  return {
    frame: frameOf(context),
    session: { id: session.id, when: sessionWhen(session), status: sessionStatusText[session.status], isHeld: session.status === 'held' },
    canWrite: context.isActive && session.status !== 'cancelled',
    shared, actions, privateNote,
    owners: ownerChoices(context),
    otherName: context.other.fullName,
    links: {
      session: paths.session(relationshipId, sessionId),
      addShared: paths.sessionNotes(relationshipId, sessionId),
      savePrivate: paths.privateNote(relationshipId, sessionId),
      addAction: paths.sessionActions(relationshipId, sessionId),
      actions: paths.actions(relationshipId),
      // The session reflection is the mentee's own; the mentor is not even pointed at it.
      reflection: context.role === 'mentee' && session.status === 'held' ? paths.sessionReflection(relationshipId, sessionId) : null,
    },
  };
}

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

export interface EditNotePage {
  frame: Frame;
  session: { when: string };
  body: string;
  version: number;
  otherName: string;
  links: { save: string; back: string };
}

/** A shared note for its author to edit; the other party's notes are read-only to them. */
export async function getNoteForEdit(db: Db, actor: Actor, relationshipId: string, sessionId: string, noteId: string): Promise<EditNotePage> {
  const context = await loadForParty(db, actor, relationshipId);
  const session = await sessionOf(db, relationshipId, sessionId);
  const note = await db.selectFrom('shared_notes').selectAll().where('id', '=', noteId).where('session_id', '=', sessionId).executeTakeFirst();
  if (!note) throw new NotFoundError();
  if (note.author_id !== actor.id) throw new ConflictError('You can only change notes you wrote', 'not_author');
  return {
    frame: frameOf(context), session: { when: sessionWhen(session) }, body: note.body, version: note.updated_at.getTime(), otherName: context.other.fullName,
    links: { save: paths.sharedNote(relationshipId, sessionId, noteId), back: paths.sessionNotes(relationshipId, sessionId) },
  };
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
