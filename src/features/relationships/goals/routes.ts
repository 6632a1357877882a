// Routes for goals and their reviews (part 4). Wiring only: every route is guarded (signed in), and
// the services answer 404 to anyone who is not the mentee or mentor, and for a goal that is not
// this relationship's. Setting goals is the mentee's; reviews are both parties'.
import type { FastifyInstance } from 'fastify';
import { createGoalHandlers } from './handlers.ts';
import { party } from '../guards.ts';

export async function goalRoutes(app: FastifyInstance): Promise<void> {
  const goals = createGoalHandlers(app);
  app.get('/relationships/:relationshipId/goals', party, goals.list);
  app.post('/relationships/:relationshipId/goals', party, goals.add);
  app.get('/relationships/:relationshipId/goals/new', party, goals.showAdd);
  app.get('/relationships/:relationshipId/goals/:goalId', party, goals.show);
  app.get('/relationships/:relationshipId/goals/:goalId/edit', party, goals.showEdit);
  app.post('/relationships/:relationshipId/goals/:goalId/edit', party, goals.edit);
  app.post('/relationships/:relationshipId/goals/:goalId/reviews', party, goals.review);
}
