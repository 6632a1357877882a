// After the chemistry meeting: each party's private reflection, the mentee choosing this mentor or
// not continuing, and the chosen mentor's confirmation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../platform/flash.ts';
import { parseForm } from '../../platform/forms.ts';
import { actorOf } from '../../platform/request.ts';
import { chooseMentor, confirmMentoring, continueWithNone } from './choose-service.ts';
import { invitationDeps, paths } from './deps.ts';
import { attempt, invitationIdOf, renderActionForm, renderInvitation } from './handler-support.ts';
import { getInvitationPage } from './page-service.ts';
import { getReflection, saveReflection } from './reflection-service.ts';
import { confirmFields, confirmSchema, REFLECTION_MAX, reflectionFields, reflectionSchema } from './schemas.ts';

export function createAfterMeetingHandlers(app: FastifyInstance) {
  const deps = invitationDeps(app);
  const db = deps.db;
  const keys = app.deps.keys;

  async function renderReflection(reply: FastifyReply, request: FastifyRequest, state: { status?: number; errors?: Record<string, string>; values?: Record<string, unknown> } = {}) {
    const actor = actorOf(request);
    const reflection = await getReflection(db, keys, actor, invitationIdOf(request));
    return reply.status(state.status ?? 200).render('invitations/views/reflection.njk', {
      ...reflection, reflectionMax: REFLECTION_MAX, values: state.values ?? { reflection: reflection.text ?? '' }, errors: state.errors, fieldOrder: reflectionFields,
      backHref: paths.invitation(reflection.invitationId),
    });
  }

  return {
    async showReflection(request: FastifyRequest, reply: FastifyReply) {
      return renderReflection(reply, request);
    },

    async reflect(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const again = (errors: Record<string, string>, values: Record<string, unknown>) => renderReflection(reply, request, { status: 400, errors, values });
      const form = parseForm(reflectionSchema, request.body);
      if (!form.ok) return again(form.errors, form.values);
      return attempt(request, reply, db, actor, id, async () => {
        await saveReflection({ db, keys }, actor, id, form.data.reflection);
        setFlash(reply, { kind: 'success', title: 'Your reflection has been saved', text: 'Only you can see it.' });
        return reply.redirect(paths.invitation(id));
      }, again);
    },

    async choose(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      return attempt(request, reply, db, actor, id, async () => {
        await chooseMentor(deps, actor, id);
        const page = await getInvitationPage(db, actor, id);
        setFlash(reply, { kind: 'success', title: `We have asked ${page.otherName} to confirm`, text: 'We will email you when they answer.' });
        return reply.redirect(paths.invitation(id));
      }, async () => renderInvitation(reply, db, actor, id, 400));
    },

    async none(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      return attempt(request, reply, db, actor, id, async () => {
        await continueWithNone(deps, actor, id);
        setFlash(reply, { kind: 'success', title: 'You have decided not to continue', text: 'We have thanked them for their time. Your place has been freed up.' });
        return reply.redirect(paths.invitation(id));
      }, async () => renderInvitation(reply, db, actor, id, 400));
    },

    async showConfirm(request: FastifyRequest, reply: FastifyReply) {
      return renderActionForm(reply, db, actorOf(request), invitationIdOf(request), { action: 'confirm', view: 'confirm.njk', fieldOrder: confirmFields });
    },

    async confirm(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const again = (errors: Record<string, string>, values: Record<string, unknown>) =>
        renderActionForm(reply, db, actor, id, { action: 'confirm', view: 'confirm.njk', fieldOrder: confirmFields, status: 400, errors, values });
      const form = parseForm(confirmSchema, request.body);
      if (!form.ok) return again(form.errors, form.values);
      return attempt(request, reply, db, actor, id, async () => {
        const outcome = await confirmMentoring(deps, actor, id, form.data);
        setFlash(reply, outcome === 'started'
          ? { kind: 'success', title: 'Mentoring has started', text: 'We have emailed your new mentee.' }
          : { kind: 'success', title: 'You have said you cannot continue', text: 'We have let them know.' });
        return reply.redirect(paths.invitation(id));
      }, again);
    },
  };
}
