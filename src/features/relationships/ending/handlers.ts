// The ending and closing-reflection pages of one relationship. Thin: parse the form, call one
// service, then redirect with a flash (Post/Redirect/Get) or show the form again: 400 with the
// errors and what was typed, 409 with the reason when it can no longer be done.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { getClosingPage, NotEndedYetError, saveClosingReflection } from './closing-service.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { CLOSING_MAX, closingFields, closingSchema, endFields, endSchema, REASON_MAX } from './schemas.ts';
import { endRelationship, getEndPage } from './service.ts';
import { relationshipIdOf } from '../params.ts';

interface FormState {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
}

export function createEndingHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderEnd(reply: FastifyReply, actor: Actor, id: string, state: FormState = {}) {
    const page = await getEndPage(deps, actor, id);
    const view = page.state === 'active' ? 'form.njk' : 'closed.njk';
    return reply.status(state.status ?? 200).render(`relationships/ending/views/${view}`, {
      ...page, reasonMax: REASON_MAX, closingMax: CLOSING_MAX, values: state.values ?? {}, errors: state.errors, conflict: state.conflict,
      fieldOrder: endFields, backHref: paths.relationship(id),
    });
  }

  async function renderClosing(reply: FastifyReply, actor: Actor, id: string, state: FormState = {}) {
    const page = await getClosingPage(deps, actor, id);
    const conflict = state.conflict ?? (page.isEnded ? undefined : new NotEndedYetError().message);
    return reply.status(state.status ?? (page.isEnded ? 200 : 409)).render('relationships/ending/views/closing-reflection.njk', {
      ...page, closingMax: CLOSING_MAX, values: state.values ?? { reflection: page.text ?? '' }, errors: state.errors, conflict,
      fieldOrder: closingFields, backHref: paths.end(id),
    });
  }

  return {
    async showEnd(request: FastifyRequest, reply: FastifyReply) {
      return renderEnd(reply, actorOf(request), relationshipIdOf(request));
    },

    async end(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const form = parseForm(endSchema, request.body);
      if (!form.ok) return renderEnd(reply, actor, id, { status: 400, errors: form.errors, values: form.values });
      try {
        await endRelationship(deps, actor, id, form.data);
      } catch (error) {
        if (error instanceof ConflictError) return renderEnd(reply, actor, id, { status: 409, conflict: error.message });
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'You have ended the mentoring relationship', text: 'We have let the other person know, without your reason. Thank you for the time you have given to it.' });
      return reply.redirect(paths.end(id));
    },

    async showClosing(request: FastifyRequest, reply: FastifyReply) {
      return renderClosing(reply, actorOf(request), relationshipIdOf(request));
    },

    async saveClosing(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const form = parseForm(closingSchema, request.body);
      if (!form.ok) return renderClosing(reply, actor, id, { status: 400, errors: form.errors, values: form.values });
      try {
        await saveClosingReflection(deps, actor, id, form.data.reflection);
      } catch (error) {
        if (error instanceof ConflictError) return renderClosing(reply, actor, id, { status: 409, conflict: error.message, values: keptValues(request.body) });
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'Your closing reflection has been saved', text: 'Only you can see it.' });
      return reply.redirect(paths.end(id));
    },
  };
}
