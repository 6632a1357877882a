// The mentoring relationship (issue 5). Wiring only: each route names its guard (deny by default)
// and its handler. A relationship's own pages need only a signed-in person at the guard: the
// services answer 404 to anyone who is not its mentee or mentor (access.loadForParty). Programme
// admins' pages are guarded by programme; they never show a relationship's content.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { adminRoutes } from './resources/routes.ts';
import { contractRoutes } from './contract/routes.ts';
import { endingRoutes } from './ending/routes.ts';
import { goalRoutes } from './goals/routes.ts';
import { createOverviewHandlers } from './overview/handlers.ts';
import { noteRoutes } from './notes/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';

export const party = { config: { guard: guards.signedIn } };
export const programmeAdmin = { config: { guard: guards.programmeAdmin() } };
export const platformAdmin = { config: { guard: guards.platformAdmin } };

export async function relationshipRoutes(app: FastifyInstance) {
  const overview = createOverviewHandlers(app);
  app.get('/relationships/:relationshipId', party, overview.show);
  await contractRoutes(app);
  await goalRoutes(app);
  await sessionRoutes(app);
  await noteRoutes(app);
  await adminRoutes(app);
  await endingRoutes(app);
}
