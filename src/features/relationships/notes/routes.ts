// Routes for a session's notes page: shared notes, the private note and the session's agreed
// actions (issue 5). Wiring only: every route is for the relationship's two parties (guard:
// signed in), and the services answer 404 to anyone else and for a session of another relationship.
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createNoteHandlers } from './handlers.ts';

export async function noteRoutes(app: FastifyInstance): Promise<void> {
  const notes = createNoteHandlers(app);
  const session = '/relationships/:relationshipId/sessions/:sessionId';

  app.get(`${session}/notes`, party, notes.show);
  app.post(`${session}/notes`, party, notes.addShared);
  app.get(`${session}/notes/shared/:noteId`, party, notes.showEdit);
  app.post(`${session}/notes/shared/:noteId`, party, notes.edit);
  app.post(`${session}/notes/private`, party, notes.savePrivate);
  app.post(`${session}/actions`, party, notes.addAction);
}
