// Routes for the relationship's phase (issue 5). Wiring only: both routes are guarded
// `party` (signed in); the services answer 404 to anyone who is not the mentee or the mentor
// (access.loadForParty / lockForChange) and 409 once the relationship has ended.
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createPhaseHandlers } from './handlers.ts';

export async function phaseRoutes(app: FastifyInstance): Promise<void> {
  const phase = createPhaseHandlers(app);
  const base = '/relationships/:relationshipId';

  app.get(`${base}/phase`, party, phase.show);
  app.post(`${base}/phase`, party, phase.change);
}
