// The pair's resource library page, filtered by phase and topic from the address. Thin: read the
// filter, call the service, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/request.ts';
import { relationshipIdOf } from '../params.ts';
import { getLibrary } from './library-service.ts';
import { libraryFilterSchema } from './schemas.ts';

export function createLibraryHandlers(app: FastifyInstance) {
  const db = app.deps.db;
  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      const filter = libraryFilterSchema.parse(request.query ?? {});
      return reply.render('relationships/resources/views/library.njk', await getLibrary(db, actorOf(request), relationshipIdOf(request), filter));
    },
  };
}
