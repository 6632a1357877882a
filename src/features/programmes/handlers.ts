import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseForm, keptValues } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import {
  appointProgrammeAdmin, createProgramme, getProgramme, listAllProgrammes, listProgrammeAdmins, removeProgrammeAdmin, type ProgrammeDeps,
} from './service.ts';
import { countAwaitingMentorApplications } from '../mentors/queue-service.ts';
import { countAwaitingAdmin } from '../mentees/queue-service.ts';
import { appointAdminSchema, programmeFields, programmeSchema } from './schemas.ts';

const idParams = z.object({ programmeId: z.uuid(), userId: z.uuid().optional() });

function params(request: FastifyRequest) {
  return pathParams(idParams, request);
}

export function createProgrammeHandlers(app: FastifyInstance) {
  const deps: ProgrammeDeps = { ...app.deps, views: app.views };

  async function renderProgramme(reply: FastifyReply, programmeId: string, extra: Record<string, unknown> = {}) {
    const [programme, admins, mentorApplicationsAwaiting, menteeApplicationsAwaiting] = await Promise.all([
      getProgramme(deps.db, programmeId),
      listProgrammeAdmins(deps.db, programmeId),
      countAwaitingMentorApplications(deps.db, programmeId),
      countAwaitingAdmin(deps.db, programmeId),
    ]);
    return reply.render('programmes/views/show.njk', { programme, admins, mentorApplicationsAwaiting, menteeApplicationsAwaiting, values: {}, ...extra });
  }

  return {
    async list(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('programmes/views/list.njk', { programmes: await listAllProgrammes(deps.db) });
    },

    async showNew(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('programmes/views/new.njk', { values: { mentoringTypes: ['traditional'] } });
    },

    async create(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(programmeSchema, request.body);
      if (!form.ok) return reply.status(400).render('programmes/views/new.njk', { errors: form.errors, values: form.values, fieldOrder: programmeFields });
      const id = await createProgramme(deps, actorOf(request), form.data);
      setFlash(reply, { kind: 'success', title: 'Programme created', text: 'Now appoint the people who will run it.' });
      return reply.redirect(`/admin/programmes/${id}`);
    },

    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderProgramme(reply, params(request).programmeId);
    },

    async appointAdmin(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = params(request);
      const form = parseForm(appointAdminSchema, request.body);
      const errorView = (errors: Record<string, string>) =>
        renderProgramme(reply.status(400), programmeId, { errors, values: keptValues(request.body), fieldOrder: ['email'] });
      if (!form.ok) return errorView(form.errors);
      try {
        await appointProgrammeAdmin(deps, actorOf(request), programmeId, form.data.email);
      } catch (error) {
        if (error instanceof ValidationError) return errorView(error.fieldErrors);
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'Programme admin appointed', text: 'We have emailed them to let them know.' });
      return reply.redirect(`/admin/programmes/${programmeId}`);
    },

    async removeAdmin(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, userId } = params(request);
      if (!userId) throw new NotFoundError();
      await removeProgrammeAdmin(deps, actorOf(request), programmeId, userId);
      setFlash(reply, { kind: 'success', title: 'Programme admin removed' });
      return reply.redirect(`/admin/programmes/${programmeId}`);
    },
  };
}
