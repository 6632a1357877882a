// The relationship page. Thin: read the id, call the service, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, pathParams } from '../../../platform/request.ts';
import { getOverview } from './service.ts';

const relationshipParams = z.object({ relationshipId: z.uuid() });

/** The relationship id in the address; anything that is not one is a 404, like a relationship you are not part of. */
export function relationshipIdOf(request: FastifyRequest): string {
  return pathParams(relationshipParams, request).relationshipId;
}

/** Another id in the address (a goal, a session, a concern …), checked the same way. */
export function idParam(request: FastifyRequest, name: string): string {
  return pathParams(z.object({ [name]: z.uuid() }), request)[name] as string;
}

export function createOverviewHandlers(app: FastifyInstance) {
  const db = app.deps.db;
  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return reply.render('relationships/overview/views/overview.njk', await getOverview(db, actorOf(request), relationshipIdOf(request)));
    },
  };
}
