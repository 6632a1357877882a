// The session notes page and its forms: shared notes (add, edit your own), the session's agreed
// actions, and your private note. Thin: parse the form, call one service, redirect with a message
// (Post/Redirect/Get) or show the page again with what went wrong.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { ACTION_MAX, actionFields, actionSchema, addAction } from '../actions/index.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { idParam, relationshipIdOf } from '../params.ts';
import { editNoteSchema, NOTE_MAX, privateNoteFields, privateNoteSchema, sharedNoteFields, sharedNoteSchema } from './schemas.ts';
import { getNoteForEdit, getNotesPage } from './pages.ts';
import { savePrivateNote } from './private-note.ts';
import { addSharedNote, editSharedNote, NoteChangedError } from './service.ts';
import { attempt, type PageState } from '../attempt.ts';

const fieldOrder = [...sharedNoteFields, ...actionFields, ...privateNoteFields];

export function createNoteHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderNotes(request: FastifyRequest, reply: FastifyReply, state: PageState = {}) {
    const page = await getNotesPage(deps, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'));
    // The private note box shows the saved note unless the author has just typed something else.
    const values = { privateNote: page.privateNote?.text ?? '', ...state.values };
    return reply.status(state.status ?? 200).render('relationships/notes/views/notes.njk', {
      ...page, values, errors: state.errors, conflict: state.conflict, fieldOrder, noteMax: NOTE_MAX, actionMax: ACTION_MAX, backHref: page.links.session,
    });
  }

  /**
   * The edit form. After a refused stale edit (`adoptCurrent`) it keeps what was typed, shows the note
   * as it is now, and carries the current version, so a deliberate second save goes through.
   */
  async function renderEdit(request: FastifyRequest, reply: FastifyReply, state: PageState = {}, adoptCurrent = false) {
    const id = relationshipIdOf(request);
    const sessionId = idParam(request, 'sessionId');
    const page = await getNoteForEdit(deps.db, actorOf(request), id, sessionId, idParam(request, 'noteId'));
    const stored = { sharedNote: page.body, version: String(page.version) };
    return reply.status(state.status ?? 200).render('relationships/notes/views/edit.njk', {
      ...page, values: state.values ? { ...state.values, ...(adoptCurrent ? { version: stored.version } : {}) } : stored,
      current: adoptCurrent ? page.body : null, errors: state.errors, conflict: state.conflict,
      fieldOrder: sharedNoteFields, noteMax: NOTE_MAX, backHref: page.links.back,
    });
  }

  /** Where a change to this session's notes goes back to. */
  const notesPath = (request: FastifyRequest) => paths.sessionNotes(relationshipIdOf(request), idParam(request, 'sessionId'));

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderNotes(request, reply);
    },

    async addShared(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(sharedNoteSchema, request.body);
      if (!form.ok) return renderNotes(request, reply, { status: 400, errors: form.errors, values: form.values });
      return attempt(request, async () => {
        await addSharedNote(deps, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'), form.data.sharedNote);
        setFlash(reply, { kind: 'success', title: 'Your shared note has been added' });
        return reply.redirect(notesPath(request));
      }, (state) => renderNotes(request, reply, state));
    },

    async showEdit(request: FastifyRequest, reply: FastifyReply) {
      return attempt(request, () => renderEdit(request, reply), (state) => renderNotes(request, reply, { ...state, values: {} }));
    },

    async edit(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(editNoteSchema, request.body);
      if (!form.ok) return attempt(request, () => renderEdit(request, reply, { status: 400, errors: form.errors, values: form.values }), (state) => renderNotes(request, reply, { ...state, values: {} }));
      return attempt(request, async () => {
        try {
          await editSharedNote(deps, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'), idParam(request, 'noteId'), { body: form.data.sharedNote, version: form.data.version });
        } catch (error) {
          if (error instanceof NoteChangedError) return renderEdit(request, reply, { status: 409, conflict: error.message, values: keptValues(request.body) }, true);
          throw error;
        }
        setFlash(reply, { kind: 'success', title: 'Your shared note has been changed' });
        return reply.redirect(notesPath(request));
      }, (state) => renderNotes(request, reply, { ...state, values: {} }));
    },

    async savePrivate(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(privateNoteSchema, request.body);
      if (!form.ok) return renderNotes(request, reply, { status: 400, errors: form.errors, values: form.values });
      return attempt(request, async () => {
        await savePrivateNote(deps, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'), form.data.privateNote);
        setFlash(reply, { kind: 'success', title: form.data.privateNote === '' ? 'Your private note has been removed' : 'Your private note has been saved', text: 'Only you can see it.' });
        return reply.redirect(notesPath(request));
      }, (state) => renderNotes(request, reply, state));
    },

    async addAction(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(actionSchema, request.body);
      if (!form.ok) return renderNotes(request, reply, { status: 400, errors: form.errors, values: form.values });
      return attempt(request, async () => {
        await addAction(deps, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'), form.data);
        setFlash(reply, { kind: 'success', title: 'The action has been added' });
        return reply.redirect(notesPath(request));
      }, (state) => renderNotes(request, reply, state));
    },
  };
}
