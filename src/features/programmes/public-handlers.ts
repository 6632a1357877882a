// Programme pages for signed-in people: thin, the service decides what the person may see.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, pathParams } from '../../platform/request.ts';
import { getVisibleProgramme, listVisibleProgrammes } from './public-service.ts';

const programmeParams = z.object({ programmeId: z.uuid() });

export function createPublicProgrammeHandlers(app: FastifyInstance) {
  const { db } = app.deps;

  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      return reply.render('programmes/views/public-list.njk', { programmes: await listVisibleProgrammes(db, actorOf(request)) });
    },

    async show(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      return reply.render('programmes/views/public-show.njk', await getVisibleProgramme(db, actorOf(request), programmeId));
    },
  };
}
