// The applicant's page for one programme: start, check answers, submit; and what happened since.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { ValidationError } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { getApplicationPage, startApplication, submitApplication } from './application-service.ts';
import { paths } from './deps.ts';
import { mentorDeps } from './handler-support.ts';
import { mentorApplicationMachine } from './statuses.ts';

const programmeParams = z.object({ programmeId: z.uuid() });

export function createApplicationHandlers(app: FastifyInstance) {
  const deps = mentorDeps(app);

  async function render(reply: FastifyReply, actor: Actor, programmeId: string, errors?: Record<string, string>) {
    const page = await getApplicationPage(deps.db, actor, programmeId);
    return reply.status(errors ? 400 : 200).render('mentors/views/application.njk', {
      ...page,
      statusTags: mentorApplicationMachine.labels.applicant,
      selfPath: paths.application(programmeId),
      errors,
      fieldOrder: ['missing'],
    });
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return render(reply, actorOf(request), pathParams(programmeParams, request).programmeId);
    },

    async start(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = pathParams(programmeParams, request);
      await startApplication(deps, actorOf(request), programmeId);
      return reply.redirect(paths.application(programmeId));
    },

    async submit(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId } = pathParams(programmeParams, request);
      try {
        await submitApplication(deps, actor, programmeId);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply, actor, programmeId, error.fieldErrors);
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'Application submitted', text: 'We have emailed you to confirm. A programme admin will look at it and decide.' });
      return reply.redirect(paths.application(programmeId));
    },
  };
}
