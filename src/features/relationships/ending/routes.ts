// Routes for ending without blame and closing reflections (part 10). A party's pages need only a
// signed-in person at the guard: the services answer 404 to anyone who is not the relationship's
// mentee or mentor. The admins' pages are guarded by programme, and the services check again
// (policies.canOverseeRelationships) and that the relationship belongs to that programme.
import type { FastifyInstance } from 'fastify';
import { createAdminEndingHandlers } from './admin-handlers.ts';
import { createEndingHandlers } from './handlers.ts';
import { party, programmeAdmin } from '../guards.ts';

export async function endingRoutes(app: FastifyInstance): Promise<void> {
  const ending = createEndingHandlers(app);
  const admin = createAdminEndingHandlers(app);
  app.get('/relationships/:relationshipId/end', party, ending.showEnd);
  app.post('/relationships/:relationshipId/end', party, ending.end);
  app.get('/relationships/:relationshipId/closing-reflection', party, ending.showClosing);
  app.post('/relationships/:relationshipId/closing-reflection', party, ending.saveClosing);

  app.get('/admin/programmes/:programmeId/relationships/:relationshipId/end', programmeAdmin, admin.showEnd);
  app.post('/admin/programmes/:programmeId/relationships/:relationshipId/end', programmeAdmin, admin.end);
  app.get('/admin/programmes/:programmeId/endings', programmeAdmin, admin.list);
}
