// Routes for the relationship's agreed actions (issue 5). Wiring only: every route is for
// the relationship's two parties (guard: signed in), and the services answer 404 to anyone else.
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createActionHandlers } from './handlers.ts';

export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const actions = createActionHandlers(app);
  app.get('/relationships/:relationshipId/actions', party, actions.show);
  app.post('/relationships/:relationshipId/actions', party, actions.add);
  app.post('/relationships/:relationshipId/actions/:actionId', party, actions.setDone);
}
