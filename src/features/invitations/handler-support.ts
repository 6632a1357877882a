// What the invitation handlers share: the route's ids, the invitation page (with a refused action
// told in its notification banner, status 409), and rendering a form page for one invitation.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../errors.ts';
import { keptValues } from '../../platform/forms.ts';
import { pathParams } from '../../platform/request.ts';
import { listTermsForForms } from '../taxonomies/service.ts';
import type { InvitationAction } from './actions.ts';
import { getInvitationPage } from './page-service.ts';
import { idParams } from './schemas.ts';

export function invitationIdOf(request: FastifyRequest): string {
  const { invitationId } = pathParams(idParams, request);
  if (!invitationId) throw new NotFoundError();
  return invitationId;
}

export async function renderInvitation(reply: FastifyReply, db: Db, actor: Actor, invitationId: string, status = 200, conflict?: string) {
  const page = await getInvitationPage(db, actor, invitationId);
  return reply.status(status).render('invitations/views/invitation.njk', { ...page, conflict });
}

export interface FormState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}

/**
 * A form page for one action on one invitation. When the action is no longer possible the
 * invitation page says why instead (409), so a stale link or tab never offers a form that must fail.
 */
export async function renderActionForm(
  reply: FastifyReply, db: Db, actor: Actor, invitationId: string,
  form: { action: InvitationAction | InvitationAction[]; view: string; fieldOrder: string[]; status?: number; extra?: Record<string, unknown> } & FormState,
) {
  const page = await getInvitationPage(db, actor, invitationId);
  if (![form.action].flat().some((action) => page.actions[action])) {
    return reply.status(409).render('invitations/views/invitation.njk', { ...page, conflict: 'That can no longer be done. The page below shows the invitation as it is now' });
  }
  const modes = (await listTermsForForms(db)).meeting_mode.map((term) => ({ id: term.id, label: term.label }));
  return reply.status(form.status ?? 200).render(`invitations/views/${form.view}`, {
    ...page, modes, values: form.values ?? {}, errors: form.errors, fieldOrder: form.fieldOrder, backHref: `/invitations/${invitationId}`, ...form.extra,
  });
}

/** Runs a change; a refused one shows the invitation as it now is with the reason, an invalid one the form again (400). */
export async function attempt(
  request: FastifyRequest, reply: FastifyReply, db: Db, actor: Actor, invitationId: string,
  change: () => Promise<FastifyReply>, invalid: (errors: FieldErrors, values: Record<string, unknown>) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ValidationError) return invalid(error.fieldErrors, keptValues(request.body));
    if (error instanceof ConflictError) return renderInvitation(reply, db, actor, invitationId, 409, error.message);
    throw error;
  }
}
