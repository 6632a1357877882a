// The programme admin's mentee queue, one applicant, and the decision on them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { ConflictError, type FieldErrors } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseForm } from '../../platform/forms.ts';
import { decideMenteeApplication, getMenteeApplicant, getMenteeQueue } from './queue-service.ts';
import { decisionFields, decisionSchema, queueFilterSchema, REASON_MAX } from './schemas.ts';
import { menteeDeps, routeIds } from './handler-support.ts';
import { actorOf } from '../../platform/request.ts';

const decidedFlash = {
  approved: 'Application approved',
  rejected: 'Application not approved',
  more_info_requested: 'Request for more information sent',
} as const;

export function createQueueHandlers(app: FastifyInstance) {
  const deps = menteeDeps(app);

  async function renderApplicant(reply: FastifyReply, actor: Actor, ids: { programmeId: string; applicationId: string }, status: number, state: { errors?: FieldErrors; values?: Record<string, unknown>; conflict?: string } = {}) {
    const data = await getMenteeApplicant(deps.db, actor, ids.programmeId, ids.applicationId);
    return reply.status(status).render('mentees/views/applicant.njk', {
      ...data, values: state.values ?? {}, errors: state.errors, fieldOrder: decisionFields, reasonMax: REASON_MAX,
      ...(state.conflict ? { flash: { kind: 'info', title: state.conflict } } : {}),
      backHref: `/admin/programmes/${ids.programmeId}/mentee-applications`,
    });
  }

  return {
    async showQueue(request: FastifyRequest, reply: FastifyReply) {
      const parsed = queueFilterSchema.safeParse(request.query ?? {});
      const filters = parsed.success ? parsed.data : { status: '' as const, professionId: '', regionId: '', bandId: '' };
      const { programmeId } = routeIds(request);
      const data = await getMenteeQueue(deps.db, actorOf(request), programmeId, filters);
      return reply.render('mentees/views/queue.njk', { ...data, backHref: `/admin/programmes/${programmeId}` });
    },

    async showApplicant(request: FastifyRequest, reply: FastifyReply) {
      return renderApplicant(reply, actorOf(request), routeIds(request), 200);
    },

    async decide(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const ids = routeIds(request);
      const form = parseForm(decisionSchema, request.body);
      if (!form.ok) return renderApplicant(reply, actor, ids, 400, form);
      try {
        const status = await decideMenteeApplication(deps, actor, ids.programmeId, ids.applicationId, form.data);
        setFlash(reply, { kind: 'success', title: decidedFlash[status], text: 'We have emailed the applicant to sign in and see the decision.' });
      } catch (error) {
        if (error instanceof ConflictError) return renderApplicant(reply, actor, ids, 409, { conflict: error.message });
        throw error;
      }
      return reply.redirect(`/admin/programmes/${ids.programmeId}/mentee-applications/${ids.applicationId}`);
    },
  };
}
