// Brokering: the mentee's request for help, and the programme admin's queue, one request, and the
// proposal of a mentor (an invitation on the mentee's behalf).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { getBrokerQueue, getBrokerRequestPage, proposeMentor, requestBroker } from './broker-service.ts';
import { invitationDeps, paths } from './deps.ts';
import { MESSAGE_MAX, idParams, proposeFields, proposeSchema } from './schemas.ts';

function ids(request: FastifyRequest) {
  const params = pathParams(idParams, request);
  if (!params.programmeId) throw new NotFoundError();
  return { programmeId: params.programmeId, requestId: params.requestId ?? '' };
}

export function createBrokerHandlers(app: FastifyInstance) {
  const deps = invitationDeps(app);

  async function renderRequest(reply: FastifyReply, actor: Actor, request: FastifyRequest, state: { status?: number; errors?: FieldErrors; values?: Record<string, unknown>; conflict?: string } = {}) {
    const { programmeId, requestId } = ids(request);
    const page = await getBrokerRequestPage(deps.db, actor, programmeId, requestId);
    return reply.status(state.status ?? 200).render('invitations/views/broker-request.njk', {
      ...page, messageMax: MESSAGE_MAX, values: state.values ?? {}, errors: state.errors, conflict: state.conflict, fieldOrder: proposeFields,
      backHref: paths.brokerQueue(programmeId),
    });
  }

  return {
    async ask(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = ids(request);
      try {
        await requestBroker(deps, actorOf(request), programmeId);
        setFlash(reply, { kind: 'success', title: 'You have asked for help to find a mentor', text: 'A programme admin will look for a mentor for you and invite them on your behalf. We will email you.' });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        setFlash(reply, { kind: 'info', title: error.message });
      }
      return reply.redirect('/');
    },

    async queue(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = ids(request);
      const queue = await getBrokerQueue(deps.db, actorOf(request), programmeId);
      return reply.render('invitations/views/broker-queue.njk', { ...queue, backHref: `/admin/programmes/${programmeId}` });
    },

    async showRequest(request: FastifyRequest, reply: FastifyReply) {
      return renderRequest(reply, actorOf(request), request);
    },

    async propose(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId, requestId } = ids(request);
      const form = parseForm(proposeSchema, request.body);
      if (!form.ok) return renderRequest(reply, actor, request, { status: 400, errors: form.errors, values: form.values });
      try {
        await proposeMentor(deps, actor, programmeId, requestId, form.data);
      } catch (error) {
        if (error instanceof ValidationError) return renderRequest(reply, actor, request, { status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
        if (error instanceof ConflictError) return renderRequest(reply, actor, request, { status: 409, conflict: error.message, values: keptValues(request.body) });
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'Mentor invited', text: 'We have emailed the mentor and the mentee. The mentor answers as they would any invitation.' });
      return reply.redirect(paths.brokerQueue(programmeId));
    },
  };
}
