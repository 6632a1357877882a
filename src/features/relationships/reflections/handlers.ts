// The mentee's reflection on one session, and the trend of all of them. Thin: parse, one service
// call, redirect or show the page again with what went wrong.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../../platform/flash.ts';
import { parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { relationshipDeps } from '../deps.ts';
import { idParam, relationshipIdOf } from '../params.ts';
import { attempt, type PageState } from '../attempt.ts';
import { reflectionEmojis, reflectionFields, reflectionSchema, TAKEAWAY_MAX, usefulnessScores } from './schemas.ts';
import { getReflectionPage, getTrendPage } from './pages.ts';
import { saveReflection } from './service.ts';

export function createReflectionHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderReflection(request: FastifyRequest, reply: FastifyReply, state: PageState = {}) {
    const page = await getReflectionPage(deps.db, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'));
    return reply.status(state.status ?? 200).render('relationships/reflections/views/reflection.njk', {
      ...page, values: state.values ?? page.values, errors: state.errors, conflict: state.conflict, fieldOrder: reflectionFields,
      takeawayMax: TAKEAWAY_MAX, emojis: reflectionEmojis, scores: usefulnessScores, backHref: page.links.notes,
    });
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderReflection(request, reply);
    },

    async save(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const sessionId = idParam(request, 'sessionId');
      const page = await getReflectionPage(deps.db, actor, id, sessionId);
      const form = parseForm(reflectionSchema(page.mentorName), request.body);
      return attempt(request, async () => {
        const saved = await saveReflection(deps, actor, id, sessionId, form);
        setFlash(reply, { kind: 'success', title: 'Your reflection has been saved', text: saved.share ? `${page.mentorName} can see it.` : 'Only you can see it.' });
        return reply.redirect(page.links.reflections);
      }, (state) => renderReflection(request, reply, state));
    },

    async trend(request: FastifyRequest, reply: FastifyReply) {
      const page = await getTrendPage(deps.db, actorOf(request), relationshipIdOf(request));
      return reply.render('relationships/reflections/views/trend.njk', { ...page });
    },
  };
}
