// Shortlist buttons (Post/Redirect/Get back to the page the button was on) and the shortlist page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { safeReturnPath } from '../../platform/guard-hook.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { paths } from './cards.ts';
import { addToShortlist, listShortlist, removeFromShortlist } from './shortlist-service.ts';

const programmeParams = z.object({ programmeId: z.uuid() });
const mentorParams = z.object({ programmeId: z.uuid(), mentorId: z.uuid() });

/** Back to the search, profile or shortlist page the button was on; only pages of this programme. */
function returnPath(body: unknown, programmeId: string): string {
  const value = (body as { returnTo?: unknown } | undefined)?.returnTo;
  const path = typeof value === 'string' ? safeReturnPath(value) : '';
  return path.startsWith(`/programmes/${programmeId}/`) ? path : paths.shortlist(programmeId);
}

export function createShortlistHandlers(app: FastifyInstance) {
  const { db } = app.deps;

  return {
    async add(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, mentorId } = pathParams(mentorParams, request);
      await addToShortlist(db, actorOf(request), programmeId, mentorId);
      return reply.redirect(returnPath(request.body, programmeId));
    },

    async remove(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, mentorId } = pathParams(mentorParams, request);
      await removeFromShortlist(db, actorOf(request), programmeId, mentorId);
      return reply.redirect(returnPath(request.body, programmeId));
    },

    async list(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const entries = await listShortlist(db, actorOf(request), programmeId);
      return reply.render('search/views/shortlist.njk', { entries, searchHref: paths.search(programmeId), backHref: paths.search(programmeId) });
    },
  };
}
