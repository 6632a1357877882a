// Goal pages. Thin: read the ids and the form, call one service, then redirect with a message
// (Post/Redirect/Get), or show the form again: 400 with the errors and what was typed, or 409 with
// a banner saying why nothing changed (the mentor setting goals, an ended relationship, a stale edit).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { getGoalFormPage } from './form-page.ts';
import { getGoalPage, getGoalsPage } from './pages.ts';
import { GROW_MAX, NOTE_MAX, TITLE_MAX, goalFields, goalSchema, reviewFields, reviewSchema } from './schemas.ts';
import { addGoal, addReview, changeGoal, GoalChangedError } from './service.ts';
import { idParam, relationshipIdOf } from '../params.ts';

interface State {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
  /** A stale edit: show the stored goal and carry its version, so saving again is deliberate. */
  adoptCurrent?: boolean;
}

const limits = { titleMax: TITLE_MAX, growMax: GROW_MAX, noteMax: NOTE_MAX };

export function createGoalHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderForm(request: FastifyRequest, reply: FastifyReply, actor: Actor, goalId: string | null, state: State = {}) {
    const page = await getGoalFormPage(deps.db, actor, relationshipIdOf(request), goalId, state.values, state.adoptCurrent);
    return reply.status(state.status ?? 200).render('relationships/goals/views/form.njk', {
      ...page, ...limits, errors: state.errors, conflict: state.conflict, fieldOrder: goalFields,
    });
  }

  async function renderGoal(request: FastifyRequest, reply: FastifyReply, actor: Actor, state: State = {}) {
    const page = await getGoalPage(deps.db, actor, relationshipIdOf(request), idParam(request, 'goalId'));
    return reply.status(state.status ?? 200).render('relationships/goals/views/goal.njk', {
      ...page, ...limits, values: state.values ?? { session: '' }, errors: state.errors, conflict: state.conflict, fieldOrder: reviewFields,
    });
  }

  /** Runs a change; a refused one shows its page again with what was typed. */
  async function attempt(request: FastifyRequest, render: (state: State) => Promise<FastifyReply>, change: () => Promise<FastifyReply>) {
    try {
      return await change();
    } catch (error) {
      if (error instanceof ValidationError) return render({ status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
      // Stale: keep what they typed, show the goal as it is now beside it, and let them save again on purpose.
      if (error instanceof GoalChangedError) return render({ status: 409, conflict: error.message, values: keptValues(request.body), adoptCurrent: true });
      if (error instanceof ConflictError) return render({ status: 409, conflict: error.message, values: keptValues(request.body) });
      throw error;
    }
  }

  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      return reply.render('relationships/goals/views/list.njk', { ...(await getGoalsPage(deps.db, actorOf(request), relationshipIdOf(request))) });
    },

    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderGoal(request, reply, actorOf(request));
    },

    async showAdd(request: FastifyRequest, reply: FastifyReply) {
      return renderForm(request, reply, actorOf(request), null);
    },

    async showEdit(request: FastifyRequest, reply: FastifyReply) {
      return renderForm(request, reply, actorOf(request), idParam(request, 'goalId'));
    },

    async add(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const relationshipId = relationshipIdOf(request);
      const render = (state: State) => renderForm(request, reply, actor, null, state);
      const form = parseForm(goalSchema, request.body);
      if (!form.ok) return render({ status: 400, errors: form.errors, values: form.values });
      return attempt(request, render, async () => {
        const goalId = await addGoal(deps, actor, relationshipId, form.data);
        setFlash(reply, { kind: 'success', title: 'Goal added', text: 'We have let your mentor know there is a new goal. We have not sent them what it says.' });
        return reply.redirect(paths.goal(relationshipId, goalId));
      });
    },

    async edit(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const relationshipId = relationshipIdOf(request);
      const goalId = idParam(request, 'goalId');
      const render = (state: State) => renderForm(request, reply, actor, goalId, state);
      const form = parseForm(goalSchema, request.body);
      if (!form.ok) return render({ status: 400, errors: form.errors, values: form.values });
      return attempt(request, render, async () => {
        await changeGoal(deps, actor, relationshipId, goalId, form.data);
        setFlash(reply, { kind: 'success', title: 'Goal saved' });
        return reply.redirect(paths.goal(relationshipId, goalId));
      });
    },

    async review(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const relationshipId = relationshipIdOf(request);
      const goalId = idParam(request, 'goalId');
      const render = (state: State) => renderGoal(request, reply, actor, state);
      const form = parseForm(reviewSchema, request.body);
      if (!form.ok) return render({ status: 400, errors: form.errors, values: form.values });
      return attempt(request, render, async () => {
        await addReview(deps, actor, relationshipId, goalId, form.data);
        setFlash(reply, { kind: 'success', title: 'Review saved' });
        return reply.redirect(`${paths.goal(relationshipId, goalId)}#reviews`);
      });
    },
  };
}
