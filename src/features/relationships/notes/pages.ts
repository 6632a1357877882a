// What the session notes pages show: the notes page (the shared notes, the session's agreed actions
// and the reader's own private note) and the form for editing one of your shared notes. Only the
// two parties reach them (access.loadForParty), and only for a session of their relationship.
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { ConflictError, NotFoundError } from '../../../errors.ts';
import { formatDateTime } from '../../../platform/formatting.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import { listActions, ownerChoices, type ActionRow, type OwnerChoice } from '../actions/index.ts';
import type { RelationshipDeps } from '../deps.ts';
import { frameOf, type Frame } from '../frame.ts';
import { paths } from '../paths.ts';
import { sessionOf, sessionStatusText, sessionWhen } from '../session-of.ts';
import { myPrivateNote, type PrivateNote } from './private-note.ts';

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
  privateNote: PrivateNote | null;
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
