// The relationship's agreed actions: the list (open first), adding one not tied to a session, and
// marking one done or not done. Thin: parse, one service call, redirect or show the page again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../../platform/flash.ts';
import { parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { getActionsPage } from './pages.ts';
import { addAction, setActionDone } from './service.ts';
import { actionDoneSchema, actionFields, actionSchema, ACTION_MAX } from './schemas.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { idParam, relationshipIdOf } from '../params.ts';
import { attempt, type PageState } from '../attempt.ts';

export function createActionHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderActions(request: FastifyRequest, reply: FastifyReply, state: PageState = {}) {
    const page = await getActionsPage(deps.db, actorOf(request), relationshipIdOf(request));
    return reply.status(state.status ?? 200).render('relationships/actions/views/actions.njk', {
      ...page, values: state.values ?? {}, errors: state.errors, conflict: state.conflict, fieldOrder: actionFields, actionMax: ACTION_MAX,
      backHref: paths.relationship(page.frame.id),
    });
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderActions(request, reply);
    },

    async add(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(actionSchema, request.body);
      if (!form.ok) return renderActions(request, reply, { status: 400, errors: form.errors, values: form.values });
      return attempt(request, async () => {
        await addAction(deps, actorOf(request), relationshipIdOf(request), null, form.data);
        setFlash(reply, { kind: 'success', title: 'The action has been added' });
        return reply.redirect(paths.actions(relationshipIdOf(request)));
      }, (state) => renderActions(request, reply, state));
    },

    async setDone(request: FastifyRequest, reply: FastifyReply) {
      const id = relationshipIdOf(request);
      const form = parseForm(actionDoneSchema, request.body);
      // Only buttons send this form, so a bad value is a tampered request: show the list as it is.
      if (!form.ok) return renderActions(request, reply, { status: 400, conflict: 'Choose whether the action is done' });
      return attempt(request, async () => {
        const sessionId = await setActionDone(deps, actorOf(request), id, idParam(request, 'actionId'), form.data.done);
        setFlash(reply, { kind: 'success', title: form.data.done ? 'The action is marked as done' : 'The action is marked as not done' });
        return reply.redirect(form.data.from === 'session' && sessionId ? paths.sessionNotes(id, sessionId) : paths.actions(id));
      }, (state) => renderActions(request, reply, { ...state, values: {} }));
    },
  };
}
