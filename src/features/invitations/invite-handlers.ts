// Starting an invitation: the mentee's invitation to a mentor and a mentor's offer in answer to a
// "seeking a mentor" post. A refused one (limit reached, mentor full) shows the page again with
// the reason (409) and nothing stored; an invalid form shows the errors (400) with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { invitationDeps, paths } from './deps.ts';
import { getInvitePage, sendInvitation } from './invite-service.ts';
import { getOfferPage, sendOffer } from './offer-service.ts';
import { MESSAGE_MAX, TIMES_MAX, idParams, inviteFields, inviteSchema, offerFields, offerSchema } from './schemas.ts';

interface State {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
}

function ids(request: FastifyRequest) {
  const params = pathParams(idParams, request);
  if (!params.programmeId) throw new NotFoundError();
  return { programmeId: params.programmeId, mentorId: params.mentorId ?? '', postId: params.postId ?? '' };
}

/** Ticked boxes come back as a string for one and an array for several; the page wants a list. */
function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function createInviteHandlers(app: FastifyInstance) {
  const deps = invitationDeps(app);

  async function renderInvite(reply: FastifyReply, actor: Actor, request: FastifyRequest, state: State = {}) {
    const { programmeId, mentorId } = ids(request);
    const page = await getInvitePage(deps.db, actor, programmeId, mentorId);
    const values = state.values ?? {};
    return reply.status(state.status ?? 200).render('invitations/views/invite.njk', {
      ...page, messageMax: MESSAGE_MAX, timesMax: TIMES_MAX, values: { ...values, meetingModes: asList(values.meetingModes) },
      errors: state.errors, conflict: state.conflict, fieldOrder: inviteFields,
    });
  }

  async function renderOffer(reply: FastifyReply, actor: Actor, request: FastifyRequest, state: State = {}) {
    const { programmeId, postId } = ids(request);
    const page = await getOfferPage(deps.db, actor, programmeId, postId);
    return reply.status(state.status ?? 200).render('invitations/views/offer.njk', {
      ...page, messageMax: MESSAGE_MAX, values: state.values ?? {}, errors: state.errors, conflict: state.conflict, fieldOrder: offerFields,
    });
  }

  async function attemptCreate(request: FastifyRequest, reply: FastifyReply, render: (state: State) => Promise<FastifyReply>, create: () => Promise<string>, flash: string) {
    try {
      const id = await create();
      setFlash(reply, { kind: 'success', title: flash, text: 'We have emailed them. We will email you when they answer.' });
      return reply.redirect(paths.invitation(id));
    } catch (error) {
      if (error instanceof ValidationError) return render({ status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
      if (error instanceof ConflictError) return render({ status: 409, conflict: error.message, values: keptValues(request.body) });
      throw error;
    }
  }

  return {
    async showInvite(request: FastifyRequest, reply: FastifyReply) {
      return renderInvite(reply, actorOf(request), request);
    },

    async invite(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId, mentorId } = ids(request);
      const render = (state: State) => renderInvite(reply, actor, request, state);
      const form = parseForm(inviteSchema, request.body);
      if (!form.ok) return render({ status: 400, errors: form.errors, values: form.values });
      const page = await getInvitePage(deps.db, actor, programmeId, mentorId);
      return attemptCreate(request, reply, render, () => sendInvitation(deps, actor, page, form.data), 'Invitation sent');
    },

    async showOffer(request: FastifyRequest, reply: FastifyReply) {
      return renderOffer(reply, actorOf(request), request);
    },

    async offer(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId, postId } = ids(request);
      const render = (state: State) => renderOffer(reply, actor, request, state);
      const form = parseForm(offerSchema, request.body);
      if (!form.ok) return render({ status: 400, errors: form.errors, values: form.values });
      const page = await getOfferPage(deps.db, actor, programmeId, postId);
      return attemptCreate(request, reply, render, () => sendOffer(deps, actor, page, form.data), 'Offer sent');
    },
  };
}
