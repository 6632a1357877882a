// Raising a concern (either party) and the programme admins' queue and actions. Thin handlers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { getConcernForAdmin, getConcernQueue, recordConcernAction } from './admin-service.ts';
import { concernActionFields, concernActionSchema, concernFields, concernSchema, queueFilterSchema } from './schemas.ts';
import { getConcernPage, raiseConcern } from './service.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { idParam, relationshipIdOf } from '../params.ts';

interface FormState {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

export function createConcernHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderRaise(request: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const page = await getConcernPage(deps.db, actorOf(request), relationshipIdOf(request));
    return reply.status(state.status ?? 200).render('relationships/concerns/views/concern.njk', {
      ...page, values: state.values ?? {}, errors: state.errors, fieldOrder: concernFields, backHref: paths.relationship(page.frame.id),
    });
  }

  async function renderAdmin(request: FastifyRequest, reply: FastifyReply, state: FormState = {}) {
    const programmeId = idParam(request, 'programmeId');
    const page = await getConcernForAdmin(deps.db, actorOf(request), programmeId, idParam(request, 'concernId'));
    return reply.status(state.status ?? 200).render('relationships/concerns/views/admin.njk', {
      ...page, values: state.values ?? { status: page.concern.status }, errors: state.errors, fieldOrder: concernActionFields, backHref: page.links.queue,
    });
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderRaise(request, reply);
    },
    async raise(request: FastifyRequest, reply: FastifyReply) {
      const relationshipId = relationshipIdOf(request);
      const form = parseForm(concernSchema, request.body);
      if (!form.ok) return renderRaise(request, reply, { status: 400, errors: form.errors, values: form.values });
      await raiseConcern(deps, actorOf(request), relationshipId, form.data);
      setFlash(reply, { kind: 'success', title: 'Your concern has been sent to the programme admins', text: 'Only they can read it. The other person in your mentoring relationship has not been told.' });
      return reply.redirect(paths.concern(relationshipId));
    },
    async queue(request: FastifyRequest, reply: FastifyReply) {
      const programmeId = idParam(request, 'programmeId');
      const { status } = queueFilterSchema.parse(request.query ?? {});
      const page = await getConcernQueue(deps.db, actorOf(request), programmeId, status);
      return reply.render('relationships/concerns/views/queue.njk', { ...page, backHref: `/admin/programmes/${programmeId}` });
    },
    async showForAdmin(request: FastifyRequest, reply: FastifyReply) {
      return renderAdmin(request, reply);
    },
    async act(request: FastifyRequest, reply: FastifyReply) {
      const programmeId = idParam(request, 'programmeId');
      const concernId = idParam(request, 'concernId');
      const form = parseForm(concernActionSchema, request.body);
      if (!form.ok) return renderAdmin(request, reply, { status: 400, errors: form.errors, values: form.values });
      await recordConcernAction(deps, actorOf(request), programmeId, concernId, form.data);
      setFlash(reply, { kind: 'success', title: 'Your action has been recorded' });
      return reply.redirect(paths.adminConcern(programmeId, concernId));
    },
  };
}
