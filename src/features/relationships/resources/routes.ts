// Routes for the resource library (issue 5, part 8): the pair's library page, and the curation
// pages of the platform's library and of each programme's. Wiring only: each route names its guard.
// The library needs a signed-in person and the service answers 404 to non-parties; curation is
// guarded by platform or by programme, and the services check the same policy again.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { party, platformAdmin, programmeAdmin } from '../guards.ts';
import { idParam } from '../params.ts';
import { paths } from '../paths.ts';
import { createCurationHandlers } from './curation-handlers.ts';
import { createLibraryHandlers } from './library-handlers.ts';

export async function resourceRoutes(app: FastifyInstance): Promise<void> {
  const library = createLibraryHandlers(app);
  app.get(paths.resources(':relationshipId'), party, library.show);

  const curationRoutes = (base: string, guard: typeof party, scopeOf: (request: FastifyRequest) => { programmeId: string | null }) => {
    const curate = createCurationHandlers(app, scopeOf);
    app.get(base, guard, curate.list);
    app.get(`${base}/new`, guard, curate.showNew);
    app.post(`${base}/new`, guard, curate.create);
    app.get(`${base}/:resourceId/edit`, guard, curate.showEdit);
    app.post(`${base}/:resourceId`, guard, curate.update);
    app.post(`${base}/:resourceId/retire`, guard, curate.retire);
    app.post(`${base}/:resourceId/restore`, guard, curate.restore);
  };
  curationRoutes(paths.platformResources(), platformAdmin, () => ({ programmeId: null }));
  curationRoutes(paths.adminResources(':programmeId'), programmeAdmin, (request) => ({ programmeId: idParam(request, 'programmeId') }));
}
