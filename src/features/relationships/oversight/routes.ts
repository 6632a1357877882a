// Routes for the programme admin's content-free view of relationships (issue 5, part 12). Wiring
// only: both routes are guarded by programme, and the service checks the same policy again.
import type { FastifyInstance } from 'fastify';
import { programmeAdmin } from '../guards.ts';
import { paths } from '../paths.ts';
import { createOversightHandlers } from './handlers.ts';

export async function oversightRoutes(app: FastifyInstance): Promise<void> {
  const oversight = createOversightHandlers(app);
  app.get(paths.adminRelationships(':programmeId'), programmeAdmin, oversight.list);
  app.get(paths.adminRelationship(':programmeId', ':relationshipId'), programmeAdmin, oversight.show);
}
