// Routes for resources and signposting, raising a concern, and the programme admin's view of
// relationships (issue 5, parts 8, 9 and 12). Wiring only: each route names its guard. The pair's
// pages (library, concern) need a signed-in person and the services answer 404 to non-parties;
// admin pages are guarded by programme (or platform, for the platform's library) and the services
// check the same policy again.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createConcernHandlers } from '../concerns/handlers.ts';
import { paths } from '../deps.ts';
import { idParam } from '../overview/handlers.ts';
import { createOversightHandlers } from '../oversight/handlers.ts';
import { createCurationHandlers, createLibraryHandlers } from './handlers.ts';
import { party, platformAdmin, programmeAdmin } from '../routes.ts';
import { createSupportHandlers } from '../support-links/handlers.ts';

const relationship = ':relationshipId';
const programme = ':programmeId';

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const library = createLibraryHandlers(app);
  const concerns = createConcernHandlers(app);
  const oversight = createOversightHandlers(app);
  const support = createSupportHandlers(app);

  app.get(paths.resources(relationship), party, library.show);
  app.get(paths.concern(relationship), party, concerns.show);
  app.post(paths.concern(relationship), party, concerns.raise);

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
  curationRoutes(paths.adminResources(programme), programmeAdmin, (request) => ({ programmeId: idParam(request, 'programmeId') }));

  const links = paths.adminSupportLinks(programme);
  app.get(links, programmeAdmin, support.list);
  app.get(`${links}/new`, programmeAdmin, support.showNew);
  app.post(`${links}/new`, programmeAdmin, support.create);
  app.get(`${links}/:linkId/edit`, programmeAdmin, support.showEdit);
  app.post(`${links}/:linkId`, programmeAdmin, support.update);
  app.post(`${links}/:linkId/remove`, programmeAdmin, support.remove);

  app.get(paths.adminConcerns(programme), programmeAdmin, concerns.queue);
  app.get(paths.adminConcern(programme, ':concernId'), programmeAdmin, concerns.showForAdmin);
  app.post(paths.adminConcern(programme, ':concernId'), programmeAdmin, concerns.act);

  app.get(paths.adminRelationships(programme), programmeAdmin, oversight.list);
  app.get(paths.adminRelationship(programme, relationship), programmeAdmin, oversight.show);
}
