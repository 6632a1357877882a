// Programme pages for signed-in people: which programmes they can see and join. The guard asks
// only for a signed-in person; whether they may see a programme depends on the programme (open or
// not), so the service checks policies.canViewProgramme and answers "not found" otherwise.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createPublicProgrammeHandlers } from './public-handlers.ts';

export async function programmeRoutes(app: FastifyInstance) {
  const h = createPublicProgrammeHandlers(app);
  const signedIn = { config: { guard: guards.signedIn } };

  app.get('/programmes', signedIn, h.list);
  app.get('/programmes/:programmeId', signedIn, h.show);
}
