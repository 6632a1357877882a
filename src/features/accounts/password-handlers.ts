// Forgotten password, reset by emailed link, and change password while signed in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, keptValues } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { TooManyAttemptsError, ValidationError } from '../../errors.ts';
import { changePassword, checkResetToken, requestPasswordReset, resetPassword } from './service.ts';
import { accountDeps } from './handlers.ts';
import {
  changePasswordFields, changePasswordSchema, forgotPasswordFields, forgotPasswordSchema, resetPasswordFields, resetPasswordSchema, tokenQuery,
} from './schemas.ts';

export function createPasswordHandlers(app: FastifyInstance) {
  const deps = accountDeps(app);

  return {
    async showForgot(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('accounts/views/forgot-password.njk', { values: {} });
    },

    async forgot(request: FastifyRequest, reply: FastifyReply) {
      const view = 'accounts/views/forgot-password.njk';
      const form = parseForm(forgotPasswordSchema, request.body);
      if (!form.ok) return reply.status(400).render(view, { errors: form.errors, values: form.values, fieldOrder: forgotPasswordFields });
      try {
        await requestPasswordReset(deps, form.data.email, request.ip);
      } catch (error) {
        if (error instanceof TooManyAttemptsError) {
          return reply.status(429).render(view, { errors: { email: error.message }, values: keptValues(request.body), fieldOrder: forgotPasswordFields });
        }
        throw error;
      }
      return reply.redirect('/forgot-password/check-email');
    },

    async showForgotSent(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('accounts/views/forgot-password-sent.njk');
    },

    async showReset(request: FastifyRequest, reply: FastifyReply) {
      const query = tokenQuery.safeParse(request.query);
      const state = query.success ? await checkResetToken(deps, query.data.token) : 'unknown';
      if (state !== 'valid') return reply.status(400).render('accounts/views/reset-link-problem.njk', { state });
      return reply.render('accounts/views/reset-password.njk', { token: query.data?.token });
    },

    async reset(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(resetPasswordSchema, request.body);
      const token = String((request.body as Record<string, unknown> | undefined)?.token ?? '');
      if (!form.ok) return reply.status(400).render('accounts/views/reset-password.njk', { errors: form.errors, token, fieldOrder: resetPasswordFields });
      const state = await resetPassword(deps, form.data.token, form.data.password);
      if (state !== 'valid') return reply.status(400).render('accounts/views/reset-link-problem.njk', { state });
      if (request.sessionId) await reply.signOut();
      setFlash(reply, { kind: 'success', title: 'Your password has been changed', text: 'Sign in with your new password.' });
      return reply.redirect('/sign-in');
    },

    async showChange(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('accounts/views/change-password.njk', { backHref: '/account' });
    },

    async change(request: FastifyRequest, reply: FastifyReply) {
      const view = 'accounts/views/change-password.njk';
      const form = parseForm(changePasswordSchema, request.body);
      if (!form.ok) return reply.status(400).render(view, { errors: form.errors, fieldOrder: changePasswordFields, backHref: '/account' });
      const actor = request.actor;
      if (!actor) return reply.redirect('/sign-in');
      try {
        await changePassword(deps, { id: actor.id, sessionId: request.sessionId }, form.data, request.ip);
        // Other devices' sessions are gone: this instance forgets them now, the others on notification.
        app.deps.sessionCache?.forgetUser(actor.id);
      } catch (error) {
        if (error instanceof ValidationError) return reply.status(400).render(view, { errors: error.fieldErrors, fieldOrder: changePasswordFields, backHref: '/account' });
        if (error instanceof TooManyAttemptsError) {
          return reply.status(429).render(view, { errors: { currentPassword: error.message }, fieldOrder: changePasswordFields, backHref: '/account' });
        }
        throw error;
      }
      setFlash(reply, { kind: 'success', title: 'Your password has been changed', text: 'You have been signed out on your other devices.' });
      return reply.redirect('/account');
    },
  };
}
