// The phase page: the five phases to choose from, an optional note, and the history. Thin: read the
// form, call the service, redirect with a flash, or show the page again (400 bad input, 409 refused).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { RelationshipEndedError } from '../access.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { relationshipIdOf } from '../params.ts';
import { phaseInfo } from '../phases.ts';
import { changePhase, getPhasePage, phaseFields, phaseSchema } from './service.ts';

const VIEW = 'relationships/phase/views/phase.njk';

export function createPhaseHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function render(reply: FastifyReply, actor: Actor, id: string, state: { status?: number; errors?: FieldErrors; values?: Record<string, unknown>; conflict?: string } = {}) {
    const page = await getPhasePage(deps.db, actor, id);
    // An ended relationship offers no form, so bad input to it is simply refused.
    if (!page.frame.isActive && state.status === 400) return render(reply, actor, id, { status: 409, conflict: new RelationshipEndedError().message });
    return reply.status(state.status ?? 200).render(VIEW, { ...page, values: state.values ?? {}, errors: state.errors, conflict: state.conflict, fieldOrder: phaseFields });
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return render(reply, actorOf(request), relationshipIdOf(request));
    },

    async change(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const form = parseForm(phaseSchema, request.body);
      if (!form.ok) return render(reply, actor, id, { status: 400, errors: form.errors, values: form.values });
      try {
        const phase = await changePhase(deps, actor, id, form.data);
        setFlash(reply, { kind: 'success', title: `Phase changed to ${phaseInfo[phase].label.toLowerCase()}`, text: 'We have let the other person know.' });
        return reply.redirect(paths.relationship(id));
      } catch (error) {
        if (error instanceof ValidationError) return render(reply, actor, id, { status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
        if (error instanceof ConflictError) return render(reply, actor, id, { status: 409, conflict: error.message });
        throw error;
      }
    },
  };
}
