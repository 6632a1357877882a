// Routes for session notes, agreed actions, private notes and session reflections (parts 6–7).
// Wiring only: every route is for the relationship's two parties (guard: signed in), and the
// services answer 404 to anyone else and for a session of another relationship.
import type { FastifyInstance } from 'fastify';
import { createActionHandlers } from '../actions/handlers.ts';
import { createNoteHandlers } from './handlers.ts';
import { createReflectionHandlers } from '../reflections/handlers.ts';
import { party } from '../routes.ts';

export async function noteRoutes(app: FastifyInstance): Promise<void> {
  const notes = createNoteHandlers(app);
  const actions = createActionHandlers(app);
  const reflections = createReflectionHandlers(app);
  const session = '/relationships/:relationshipId/sessions/:sessionId';

  app.get(`${session}/notes`, party, notes.show);
  app.post(`${session}/notes`, party, notes.addShared);
  app.get(`${session}/notes/shared/:noteId`, party, notes.showEdit);
  app.post(`${session}/notes/shared/:noteId`, party, notes.edit);
  app.post(`${session}/notes/private`, party, notes.savePrivate);
  app.post(`${session}/actions`, party, notes.addAction);
  app.get(`${session}/reflection`, party, reflections.show);
  app.post(`${session}/reflection`, party, reflections.save);

  app.get('/relationships/:relationshipId/actions', party, actions.show);
  app.post('/relationships/:relationshipId/actions', party, actions.add);
  app.post('/relationships/:relationshipId/actions/:actionId', party, actions.setDone);
  app.get('/relationships/:relationshipId/reflections', party, reflections.trend);
}
