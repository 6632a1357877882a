// The search page and a mentor's profile page. Thin: read the address, one service call, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, pathParams } from '../../platform/request.ts';
import { mentoringTypeLabels } from '../mentors/statuses.ts';
import { paths } from './cards.ts';
import { filterPanelHtml } from './filter-panel.ts';
import { parseSearchQuery, queryString } from './filters.ts';
import { getMentorProfilePage } from './mentor-profile-service.ts';
import { pagination } from './pagination.ts';
import { findMentors } from './service.ts';

const programmeParams = z.object({ programmeId: z.uuid() });
const mentorParams = z.object({ programmeId: z.uuid(), mentorId: z.uuid() });

export function createSearchHandlers(app: FastifyInstance) {
  const { db, search } = app.deps;

  return {
    async search(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const result = await findMentors({ db, search }, actorOf(request), programmeId, parseSearchQuery(request.query));
      return reply.render('search/views/find-a-mentor.njk', {
        ...result,
        panelHtml: filterPanelHtml(app.views, await search.termCodes(), result.query, result.programmeTypes.map((type) => ({ value: type, text: mentoringTypeLabels[type].text })), paths.search(programmeId)),
        pagination: pagination(result.page, result.pageCount, (page) => `${paths.search(programmeId)}${queryString(result.query, { page })}`),
        paths: { search: paths.search(programmeId), shortlist: paths.shortlist(programmeId), newPost: paths.newPost(programmeId) },
        backHref: `/programmes/${programmeId}`,
      });
    },

    async profile(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, mentorId } = pathParams(mentorParams, request);
      const page = await getMentorProfilePage(db, actorOf(request), programmeId, mentorId, paths.profile(programmeId, mentorId));
      return reply.render('search/views/mentor-profile.njk', { ...page, backHref: page.shortlist ? page.searchHref : `/programmes/${programmeId}` });
    },
  };
}
