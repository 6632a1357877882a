// The equality monitoring page: a person's own answers, saved, changed or cleared by them only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { actorOf } from '../../platform/request.ts';
import { equalityFields, equalityQuestions } from './questions.ts';
import { equalitySchema } from './schemas.ts';
import { clearMyEqualityAnswers, getMyEqualityAnswers, saveMyEqualityAnswers } from './service.ts';

const VIEW = 'equality/views/equality.njk';
const PAGE = '/profile/equality';

export function createEqualityHandlers(app: FastifyInstance) {
  const { db } = app.deps;

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      const { answers, updatedAt } = await getMyEqualityAnswers(db, actorOf(request));
      return reply.render(VIEW, { questions: equalityQuestions, values: answers, hasAnswers: updatedAt !== null, updatedAt });
    },

    async save(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const form = parseForm(equalitySchema, request.body);
      if (!form.ok) {
        const { updatedAt } = await getMyEqualityAnswers(db, actor);
        return reply.status(400).render(VIEW, { questions: equalityQuestions, errors: form.errors, values: form.values, fieldOrder: equalityFields, hasAnswers: updatedAt !== null, updatedAt });
      }
      await saveMyEqualityAnswers(db, actor, form.data);
      setFlash(reply, Object.keys(form.data).length > 0
        ? { kind: 'success', title: 'Your answers have been saved', text: 'Thank you. You can change or clear them at any time.' }
        : { kind: 'info', title: 'You did not answer any questions', text: 'Nothing has been saved.' });
      return reply.redirect(PAGE);
    },

    async clear(request: FastifyRequest, reply: FastifyReply) {
      await clearMyEqualityAnswers(db, actorOf(request));
      setFlash(reply, { kind: 'success', title: 'Your answers have been cleared', text: 'We no longer hold any equality monitoring answers from you.' });
      return reply.redirect(PAGE);
    },
  };
}
