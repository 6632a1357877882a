// The search page and a mentor's profile page. Thin: read the address, one service call, render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { mentoringTypeLabels } from '../mentors/statuses.ts';
import { paths } from './cards.ts';
import { filterPanelHtml } from './filter-panel.ts';
import { parseSearchQuery, queryString } from './filters.ts';
import { getMentorProfilePage } from './mentor-profile-service.ts';
import { pagination } from './pagination.ts';
import type { SearchContext } from './context.ts';
import { identityOf, PageCache } from './page-cache.ts';
import { findMentors, loadSearchInputs, type SearchInputs } from './service.ts';

const programmeParams = z.object({ programmeId: z.uuid() });
const mentorParams = z.object({ programmeId: z.uuid(), mentorId: z.uuid() });

/** Everything a cached results page depends on besides its address (page-cache.ts). */
const factsOf = new WeakMap<SearchContext, string>();

function pageValidity(inputs: SearchInputs, actor: Actor, csrfSecret: string): string {
  const { context } = inputs;
  // A context held in memory (context-cache.ts) is the same object until it changes: describe it once.
  let facts = factsOf.get(context);
  if (facts === undefined) {
    facts = JSON.stringify([context.programmeTypes, context.profile, context.inTouchWith, [...context.shortlisted]]);
    factsOf.set(context, facts);
  }
  return `${inputs.index.version} ${identityOf(inputs.codes)} ${csrfSecret} ${actor.isPlatformAdmin} ${actor.fullName} ${facts}`;
}

/** At most this much rendered HTML is kept per app instance. */
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;

export function createSearchHandlers(app: FastifyInstance) {
  const { db, search } = app.deps;
  const pages = new PageCache(PAGE_CACHE_BYTES);
  const contexts = app.deps.contextCache;

  return {
    async search(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const actor = actorOf(request);
      const inputs = await loadSearchInputs({ db, search }, actor, programmeId, contexts);
      // A page showing a one-time message, or one that must set the CSRF cookie, is never cached.
      const csrfSecret = request.cookies.mh_csrf;
      const cacheable = csrfSecret !== undefined && request.unsignCookie(csrfSecret).valid && request.cookies.mh_flash === undefined;
      const key = `${actor.id} ${request.url}`;
      const validity = cacheable ? pageValidity(inputs, actor, csrfSecret) : '';
      const cached = cacheable ? pages.get(key, validity, reply.scriptNonce) : undefined;
      if (cached !== undefined) return reply.type('text/html; charset=utf-8').send(cached);

      const result = findMentors(inputs, actor, programmeId, parseSearchQuery(request.query));
      const context = {
        ...result,
        panelHtml: filterPanelHtml(app.views, inputs.codes, result.query, result.programmeTypes.map((type) => ({ value: type, text: mentoringTypeLabels[type].text })), paths.search(programmeId)),
        pagination: pagination(result.page, result.pageCount, (page) => `${paths.search(programmeId)}${queryString(result.query, { page })}`),
        paths: { search: paths.search(programmeId), shortlist: paths.shortlist(programmeId), newPost: paths.newPost(programmeId) },
        backHref: `/programmes/${programmeId}`,
      };
      if (!cacheable) return reply.render('search/views/find-a-mentor.njk', context);
      const nonce = reply.scriptNonce;
      reply.scriptNonce = pages.nonceMarker;
      let html: string;
      try {
        html = reply.renderToString('search/views/find-a-mentor.njk', context);
      } finally {
        reply.scriptNonce = nonce;
      }
      pages.set(key, validity, html);
      return reply.type('text/html; charset=utf-8').send(html.replaceAll(pages.nonceMarker, nonce));
    },

    async profile(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, mentorId } = pathParams(mentorParams, request);
      const page = await getMentorProfilePage(db, actorOf(request), programmeId, mentorId, paths.profile(programmeId, mentorId));
      return reply.render('search/views/mentor-profile.njk', { ...page, backHref: page.shortlist ? page.searchHref : `/programmes/${programmeId}` });
    },
  };
}
