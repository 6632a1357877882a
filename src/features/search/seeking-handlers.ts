// "Seeking a mentor" pages: the mentee's form (or their open post, with a way to take it down) and
// the mentors' list of posts with filters. Thin: parse, one service call, render or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { ValidationError } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { paths } from './cards.ts';
import { postFields, postSchema, parsePostFilters, SUMMARY_MAX } from './seeking-schemas.ts';
import { closePost, createPost, getOwnOpenPost, listOpenPosts, POSTS_PER_PAGE } from './seeking-service.ts';
import { countInWords } from './words.ts';
import { pagination } from './pagination.ts';

const programmeParams = z.object({ programmeId: z.uuid() });
const postParams = z.object({ programmeId: z.uuid(), postId: z.uuid() });

export function createSeekingHandlers(app: FastifyInstance) {
  const { db, search } = app.deps;

  async function renderForm(reply: FastifyReply, actor: Actor, programmeId: string, form?: { errors: Record<string, string>; values: Record<string, unknown> }) {
    const [openPost, codes] = await Promise.all([getOwnOpenPost(db, actor, programmeId), search.termCodes()]);
    const values = form?.values ?? {};
    const chosen = values.meetingModeIds;
    return reply.status(form ? 400 : 200).render('search/views/seeking-new.njk', {
      openPost,
      errors: form?.errors,
      fieldOrder: postFields,
      values: { ...values, meetingModeIds: chosen === undefined ? [] : Array.isArray(chosen) ? chosen : [chosen] },
      modes: codes.activeTerms('meeting_mode'),
      summaryMax: SUMMARY_MAX,
      action: paths.newPost(programmeId),
      backHref: paths.search(programmeId),
    });
  }

  return {
    async showNew(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      return renderForm(reply, actorOf(request), programmeId);
    },

    async create(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const actor = actorOf(request);
      const form = parseForm(postSchema, request.body);
      if (!form.ok) return renderForm(reply, actor, programmeId, form);
      try {
        await createPost(db, actor, programmeId, form.data);
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(reply, actor, programmeId, { errors: error.fieldErrors, values: keptValues(request.body) });
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'Your post is up', text: 'Approved mentors in this programme can now see it and offer you a chemistry meeting.' });
      return reply.redirect(paths.newPost(programmeId));
    },

    async close(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, postId } = pathParams(postParams, request);
      await closePost(db, actorOf(request), programmeId, postId);
      setFlash(reply, { kind: 'success', title: 'Your post has been taken down', text: 'Mentors can no longer see it.' });
      return reply.redirect(paths.newPost(programmeId));
    },

    async list(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const filters = parsePostFilters(request.query);
      const codes = await search.termCodes();
      const { posts, total } = await listOpenPosts(db, codes, actorOf(request), programmeId, filters);
      const here = paths.seeking(programmeId);
      const options = (taxonomy: 'meeting_mode' | 'profession' | 'region' | 'care_setting', chosen: string) =>
        codes.activeTerms(taxonomy).map((term) => ({ value: term.key, text: term.label, selected: term.key === chosen }));
      return reply.render('search/views/seeking-list.njk', {
        posts,
        filters,
        countText: `${countInWords(total, 'post')}`,
        modes: options('meeting_mode', filters.mode),
        professions: options('profession', filters.profession),
        regions: options('region', filters.region),
        settings: options('care_setting', filters.setting),
        pagination: pagination(filters.page, Math.max(1, Math.ceil(total / POSTS_PER_PAGE)), (page) => {
          const params = new URLSearchParams();
          for (const key of ['q', 'mode', 'profession', 'region', 'setting'] as const) if (filters[key]) params.append(key, filters[key]);
          if (page > 1) params.append('page', String(page));
          const text = params.toString();
          return `${here}${text ? `?${text}` : ''}`;
        }),
        here,
        backHref: `/programmes/${programmeId}`,
      });
    },
  };
}
