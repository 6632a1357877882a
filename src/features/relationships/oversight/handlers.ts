// The programme admin's view of relationships: the filtered list and one relationship's facts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/request.ts';
import { idParam } from '../params.ts';
import { getRelationshipFacts, listRelationships, oversightFilterSchema } from './service.ts';

export function createOversightHandlers(app: FastifyInstance) {
  const db = app.deps.db;
  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      const programmeId = idParam(request, 'programmeId');
      const filter = oversightFilterSchema.parse(request.query ?? {});
      const page = await listRelationships(db, actorOf(request), programmeId, filter);
      return reply.render('relationships/oversight/views/list.njk', { ...page, backHref: `/admin/programmes/${programmeId}` });
    },
    async show(request: FastifyRequest, reply: FastifyReply) {
      const page = await getRelationshipFacts(db, actorOf(request), idParam(request, 'programmeId'), idParam(request, 'relationshipId'));
      return reply.render('relationships/oversight/views/relationship.njk', { ...page, backHref: page.links.list });
    },
  };
}
