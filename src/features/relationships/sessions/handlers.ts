// The session pages and forms. Thin: read the form, call one service function, redirect with a
// flash (Post/Redirect/Get), or show the form again (400) or the page as it now is with the reason
// an action was refused (409).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { RelationshipEndedError } from '../access.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { idParam, relationshipIdOf } from '../params.ts';
import { getFormPage, newSessionValues, sessionFormValues } from './form-page.ts';
import { getSessionPage, getSessionsPage, loadSession } from './pages.ts';
import { cancelFields, cancelSchema, growAgenda, logFields, logSchema, scheduleFields, scheduleSchema, sequenceOf } from './schemas.ts';
import { cancelSession, logSession, markSessionHeld, rescheduleSession, scheduleSession } from './service.ts';

type Form = 'new' | 'log' | 'reschedule' | 'cancel';
const views: Record<Form, string> = { new: 'form.njk', log: 'log.njk', reschedule: 'form.njk', cancel: 'cancel.njk' };
const fieldOrders: Record<Form, string[]> = { new: scheduleFields, log: logFields, reschedule: scheduleFields, cancel: cancelFields };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const wantsGrow = (request: FastifyRequest) => (request.query as Record<string, unknown> | undefined)?.template === 'grow';

export function createSessionHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);
  const db = deps.db;

  const renderList = async (reply: FastifyReply, actor: Actor, id: string, status = 200, conflict?: string) =>
    reply.status(status).render('relationships/sessions/views/list.njk', { ...(await getSessionsPage(db, actor, id)), conflict });

  const renderSession = async (reply: FastifyReply, actor: Actor, id: string, sessionId: string, status = 200, conflict?: string) =>
    reply.status(status).render('relationships/sessions/views/session.njk', { ...(await getSessionPage(db, actor, id, sessionId)), conflict });

  /** A form page; a form that cannot be used now shows the page it belongs to with the reason (409). */
  async function renderForm(reply: FastifyReply, actor: Actor, id: string, form: Form, sessionId: string | null, state: { values?: Record<string, unknown>; errors?: FieldErrors; status?: number } = {}) {
    if (sessionId) {
      const page = await getSessionPage(db, actor, id, sessionId);
      if (!page.actions[form === 'cancel' ? 'cancel' : 'reschedule']) {
        return renderSession(reply, actor, id, sessionId, 409, page.frame.isActive ? 'That can no longer be done. The page below shows the session as it is now' : new RelationshipEndedError().message);
      }
    }
    // A retired mode stays on offer to a session that already uses it (a typed value is only kept when it is an id).
    const mode = state.values?.sessionMode;
    const page = await getFormPage(db, actor, id, typeof mode === 'string' && uuid.test(mode) ? [mode] : []);
    if (!page.context.isActive) return renderList(reply, actor, id, 409, new RelationshipEndedError().message);
    const session = sessionId ? await loadSession(db, page.context, sessionId) : null;
    return reply.status(state.status ?? 200).render(`relationships/sessions/views/${views[form]}`, {
      frame: page.frame, modes: page.modes, form, values: state.values ?? {}, errors: state.errors, fieldOrder: fieldOrders[form],
      session: session ? { id: session.id } : null,
      links: {
        new: paths.sessionNew(id), grow: `${paths.sessionNew(id)}?template=grow`, log: paths.sessionLog(id), sessions: paths.sessions(id),
        ...(session ? { session: paths.session(id, session.id), reschedule: paths.sessionReschedule(id, session.id), cancel: paths.sessionCancel(id, session.id) } : {}),
      },
    });
  }

  /** Runs a change; a refused one shows `onConflict` (409); a rule only the service checks shows the form again (400). */
  async function attempt(request: FastifyRequest, reply: FastifyReply, change: () => Promise<FastifyReply>, invalid: (errors: FieldErrors) => Promise<FastifyReply>, onConflict: (message: string) => Promise<FastifyReply>) {
    try {
      return await change();
    } catch (error) {
      if (error instanceof ValidationError) return invalid(error.fieldErrors);
      if (error instanceof ConflictError) return onConflict(error.message);
      throw error;
    }
  }

  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      return renderList(reply, actorOf(request), relationshipIdOf(request));
    },

    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderSession(reply, actorOf(request), relationshipIdOf(request), idParam(request, 'sessionId'));
    },

    async showNew(request: FastifyRequest, reply: FastifyReply) {
      const values = { ...newSessionValues, ...(wantsGrow(request) ? { agenda: growAgenda } : {}) };
      return renderForm(reply, actorOf(request), relationshipIdOf(request), 'new', null, { values });
    },

    async schedule(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const again = async (errors: FieldErrors) => renderForm(reply, actor, id, 'new', null, { values: keptValues(request.body), errors, status: 400 });
      const form = parseForm(scheduleSchema, request.body);
      if (!form.ok) return again(form.errors);
      return attempt(request, reply, async () => {
        const sessionId = await scheduleSession(deps, actor, id, form.data);
        setFlash(reply, { kind: 'success', title: 'Session scheduled', text: 'We have emailed you both a calendar invitation.' });
        return reply.redirect(paths.session(id, sessionId));
      }, again, async (message) => renderList(reply, actor, id, 409, message));
    },

    async showLog(request: FastifyRequest, reply: FastifyReply) {
      return renderForm(reply, actorOf(request), relationshipIdOf(request), 'log', null, { values: newSessionValues });
    },

    async log(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const again = async (errors: FieldErrors) => renderForm(reply, actor, id, 'log', null, { values: keptValues(request.body), errors, status: 400 });
      const form = parseForm(logSchema, request.body);
      if (!form.ok) return again(form.errors);
      return attempt(request, reply, async () => {
        const sessionId = await logSession(deps, actor, id, form.data);
        setFlash(reply, { kind: 'success', title: 'Session recorded', text: 'It now counts as a session you have held.' });
        return reply.redirect(paths.session(id, sessionId));
      }, again, async (message) => renderList(reply, actor, id, 409, message));
    },

    async showReschedule(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const sessionId = idParam(request, 'sessionId');
      const context = (await getFormPage(db, actor, id)).context;
      const values = sessionFormValues(await loadSession(db, context, sessionId));
      return renderForm(reply, actor, id, 'reschedule', sessionId, { values });
    },

    async reschedule(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const sessionId = idParam(request, 'sessionId');
      const again = async (errors: FieldErrors) => renderForm(reply, actor, id, 'reschedule', sessionId, { values: keptValues(request.body), errors, status: 400 });
      const form = parseForm(scheduleSchema, request.body);
      if (!form.ok) return again(form.errors);
      return attempt(request, reply, async () => {
        await rescheduleSession(deps, actor, id, sessionId, form.data, sequenceOf(request.body));
        setFlash(reply, { kind: 'success', title: 'Session moved', text: 'We have emailed you both an updated calendar invitation.' });
        return reply.redirect(paths.session(id, sessionId));
      }, again, async (message) => renderSession(reply, actor, id, sessionId, 409, message));
    },

    async showCancel(request: FastifyRequest, reply: FastifyReply) {
      return renderForm(reply, actorOf(request), relationshipIdOf(request), 'cancel', idParam(request, 'sessionId'));
    },

    async cancel(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const sessionId = idParam(request, 'sessionId');
      const again = async (errors: FieldErrors) => renderForm(reply, actor, id, 'cancel', sessionId, { values: keptValues(request.body), errors, status: 400 });
      const form = parseForm(cancelSchema, request.body);
      if (!form.ok) return again(form.errors);
      return attempt(request, reply, async () => {
        await cancelSession(deps, actor, id, sessionId, form.data.message);
        setFlash(reply, { kind: 'success', title: 'Session cancelled', text: 'We have emailed you both a calendar cancellation.' });
        return reply.redirect(paths.session(id, sessionId));
      }, again, async (message) => renderSession(reply, actor, id, sessionId, 409, message));
    },

    async held(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const sessionId = idParam(request, 'sessionId');
      const refused = async (message: string) => renderSession(reply, actor, id, sessionId, 409, message);
      return attempt(request, reply, async () => {
        await markSessionHeld(deps, actor, id, sessionId);
        setFlash(reply, { kind: 'success', title: 'Session marked as held', text: 'You can now add notes, and the mentee can write a reflection.' });
        return reply.redirect(paths.session(id, sessionId));
      }, async () => refused('That can no longer be done'), refused);
    },
  };
}
