// A mentee's application to a programme: the "check your answers" page or where it has got to,
// and sending it (first time, naming another line manager, or after more information).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MenteeApplicationStatus } from '../../db/types.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../errors.ts';
import { setFlash, type Flash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { getMenteeApplicationPage, submitMenteeApplication, type MenteeApplicationPage } from './application-service.ts';
import { applicationFields, applicationSchema } from './schemas.ts';
import { menteeApplicationMachine } from './statuses.ts';
import { menteeDeps, routeIds } from './handler-support.ts';
import { actorOf } from '../../platform/request.ts';

const sentFlash: Partial<Record<MenteeApplicationStatus, Flash>> = {
  awaiting_line_manager: { kind: 'success', title: 'We have asked your line manager', text: 'We have emailed them a link to confirm they support your application. We will email you when they answer.' },
  awaiting_admin: { kind: 'success', title: 'Your application has been sent', text: 'A programme admin will look at it. We will email you when they have decided.' },
  approved: { kind: 'success', title: 'You have a place on this programme' },
};

interface PageState {
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
}

function render(reply: FastifyReply, page: MenteeApplicationPage, status: number, state: PageState = {}) {
  if (page.kind === 'closed') return reply.status(status === 200 ? 200 : 409).render('mentees/views/application-closed.njk', { programme: page.programme });
  const view = page.status === 'draft' ? 'application-check.njk' : 'application-status.njk';
  return reply.status(status).render(`mentees/views/${view}`, {
    ...page, tag: menteeApplicationMachine.label(page.status, 'tag'), values: state.values ?? {}, errors: state.errors, fieldOrder: applicationFields, backHref: '/',
    // A refused change is told in the page's notification banner, in place of a flash.
    ...(state.conflict ? { flash: { kind: 'info', title: state.conflict } } : {}),
  });
}

export function createApplicationHandlers(app: FastifyInstance) {
  const deps = menteeDeps(app);

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return render(reply, await getMenteeApplicationPage(deps.db, actorOf(request), routeIds(request).programmeId), 200);
    },

    async submit(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId } = routeIds(request);
      const page = await getMenteeApplicationPage(deps.db, actor, programmeId);
      if (page.kind === 'closed') return render(reply, page, 409);
      const form = parseForm(applicationSchema({ needsLineManager: page.needsLineManager, ownEmail: actor.email }), request.body);
      if (!form.ok) return render(reply, page, 400, form);
      try {
        const status = await submitMenteeApplication(deps, actor, programmeId, form.data);
        const flash = sentFlash[status];
        if (flash) setFlash(reply, flash);
        return reply.redirect(`/programmes/${programmeId}/mentee-application`);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply, page, 400, { errors: error.fieldErrors, values: keptValues(request.body) });
        if (error instanceof ConflictError) return render(reply, await getMenteeApplicationPage(deps.db, actor, programmeId), 409, { conflict: error.message });
        throw error;
      }
    },
  };
}
