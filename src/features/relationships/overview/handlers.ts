// The relationship page. Thin: read the id, call the service, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/request.ts';
import { relationshipIdOf } from '../params.ts';
import { getOverview } from './service.ts';

export function createOverviewHandlers(app: FastifyInstance) {
  const db = app.deps.db;
  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return reply.render('relationships/overview/views/overview.njk', await getOverview(db, actorOf(request), relationshipIdOf(request)));
    },
  };
}
