// The programme admins' ending pages: end a relationship for conduct reasons, and the list of the
// programme's endings with their reasons. Thin, like every handler: parse, one service call, then
// redirect with a flash or show the form again (400 invalid, 409 already ended).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { parseForm } from '../../../platform/forms.ts';
import { actorOf, pathParams } from '../../../platform/request.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { listEndings } from './admin-list.ts';
import { adminEndRelationship, getAdminEndPage } from './admin-service.ts';
import { adminEndFields, adminEndSchema, REASON_MAX } from './schemas.ts';

const programmeParams = z.object({ programmeId: z.uuid() });
const relationshipParams = z.object({ programmeId: z.uuid(), relationshipId: z.uuid() });

export function createAdminEndingHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderEnd(reply: FastifyReply, actor: Actor, request: FastifyRequest, state: { status?: number; errors?: FieldErrors; values?: Record<string, unknown>; conflict?: string } = {}) {
    const { programmeId, relationshipId } = pathParams(relationshipParams, request);
    const page = await getAdminEndPage(deps.db, actor, programmeId, relationshipId);
    return reply.status(state.status ?? 200).render('relationships/ending/views/admin.njk', {
      ...page, reasonMax: REASON_MAX, values: state.values ?? {}, errors: state.errors, conflict: state.conflict, fieldOrder: adminEndFields,
      backHref: paths.adminRelationship(programmeId, relationshipId),
    });
  }

  return {
    async showEnd(request: FastifyRequest, reply: FastifyReply) {
      return renderEnd(reply, actorOf(request), request);
    },

    async end(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId, relationshipId } = pathParams(relationshipParams, request);
      const form = parseForm(adminEndSchema, request.body);
      if (!form.ok) return renderEnd(reply, actor, request, { status: 400, errors: form.errors, values: form.values });
      try {
        await adminEndRelationship(deps, actor, programmeId, relationshipId, form.data);
      } catch (error) {
        if (error instanceof ConflictError) return renderEnd(reply, actor, request, { status: 409, conflict: error.message });
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'The mentoring relationship has been ended', text: 'We have told the mentee and the mentor that the programme has closed it, without the reason.' });
      return reply.redirect(paths.adminEndings(programmeId));
    },

    async list(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      const page = await listEndings(deps.db, actorOf(request), programmeId);
      return reply.render('relationships/ending/views/list.njk', { ...page, backHref: `/admin/programmes/${programmeId}` });
    },
  };
}
