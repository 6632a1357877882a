// Route for the relationship page itself. Guarded `party` (signed in); the service answers 404 to
// anyone who is not the mentee or the mentor (access.loadForParty).
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createOverviewHandlers } from './handlers.ts';

export async function overviewRoutes(app: FastifyInstance): Promise<void> {
  const overview = createOverviewHandlers(app);
  app.get('/relationships/:relationshipId', party, overview.show);
}
