// The mentoring relationship (issue 5): every sub-feature's routes, in one place. Each sub-feature's
// routes.ts names every route's guard (guards.ts, deny by default) and its handler. A relationship's
// own pages need only a signed-in person at the guard: the services answer 404 to anyone who is not
// its mentee or mentor (access.loadForParty). Programme admins' pages are guarded by programme;
// they never show a relationship's content.
import type { FastifyInstance } from 'fastify';
import { actionRoutes } from './actions/routes.ts';
import { concernRoutes } from './concerns/routes.ts';
import { contractRoutes } from './contract/routes.ts';
import { endingRoutes } from './ending/routes.ts';
import { goalRoutes } from './goals/routes.ts';
import { noteRoutes } from './notes/routes.ts';
import { oversightRoutes } from './oversight/routes.ts';
import { overviewRoutes } from './overview/routes.ts';
import { phaseRoutes } from './phase/routes.ts';
import { reflectionRoutes } from './reflections/routes.ts';
import { resourceRoutes } from './resources/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { supportLinkRoutes } from './support-links/routes.ts';

export async function relationshipRoutes(app: FastifyInstance) {
  await overviewRoutes(app);
  await phaseRoutes(app);
  await contractRoutes(app);
  await goalRoutes(app);
  await sessionRoutes(app);
  await noteRoutes(app);
  await actionRoutes(app);
  await reflectionRoutes(app);
  await resourceRoutes(app);
  await concernRoutes(app);
  await supportLinkRoutes(app);
  await oversightRoutes(app);
  await endingRoutes(app);
}
