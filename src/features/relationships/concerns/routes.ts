// Routes for raising a concern and the programme admins' concerns queue (issue 5, part 9). Wiring
// only: each route names its guard. Raising one needs a signed-in person and the service answers
// 404 to non-parties; the queue is guarded by programme and the services check the policy again.
import type { FastifyInstance } from 'fastify';
import { party, programmeAdmin } from '../guards.ts';
import { paths } from '../paths.ts';
import { createConcernHandlers } from './handlers.ts';

export async function concernRoutes(app: FastifyInstance): Promise<void> {
  const concerns = createConcernHandlers(app);
  app.get(paths.concern(':relationshipId'), party, concerns.show);
  app.post(paths.concern(':relationshipId'), party, concerns.raise);

  app.get(paths.adminConcerns(':programmeId'), programmeAdmin, concerns.queue);
  app.get(paths.adminConcern(':programmeId', ':concernId'), programmeAdmin, concerns.showForAdmin);
  app.post(paths.adminConcern(':programmeId', ':concernId'), programmeAdmin, concerns.act);
}
