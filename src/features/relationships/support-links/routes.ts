// Routes for a programme's "support beyond mentoring" links (issue 5, part 8). Wiring only: every
// route is guarded by programme, and the services check the same policy again.
import type { FastifyInstance } from 'fastify';
import { programmeAdmin } from '../guards.ts';
import { paths } from '../paths.ts';
import { createSupportHandlers } from './handlers.ts';

export async function supportLinkRoutes(app: FastifyInstance): Promise<void> {
  const support = createSupportHandlers(app);
  const links = paths.adminSupportLinks(':programmeId');
  app.get(links, programmeAdmin, support.list);
  app.get(`${links}/new`, programmeAdmin, support.showNew);
  app.post(`${links}/new`, programmeAdmin, support.create);
  app.get(`${links}/:linkId/edit`, programmeAdmin, support.showEdit);
  app.post(`${links}/:linkId`, programmeAdmin, support.update);
  app.post(`${links}/:linkId/remove`, programmeAdmin, support.remove);
}
