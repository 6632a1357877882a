// Routes for session reflections and their trend (issue 5). Wiring only: every route is for
// the relationship's two parties (guard: signed in), and the services answer 404 to anyone else and
// for a session of another relationship.
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createReflectionHandlers } from './handlers.ts';

export async function reflectionRoutes(app: FastifyInstance): Promise<void> {
  const reflections = createReflectionHandlers(app);
  app.get('/relationships/:relationshipId/sessions/:sessionId/reflection', party, reflections.show);
  app.post('/relationships/:relationshipId/sessions/:sessionId/reflection', party, reflections.save);
  app.get('/relationships/:relationshipId/reflections', party, reflections.trend);
}
