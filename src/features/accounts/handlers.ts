// Register, confirm email, sign in and out, account page. Thin: parse, call the service, render
// or redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm, keptValues } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { safeReturnPath } from '../../platform/guard-hook.ts';
import { ValidationError, TooManyAttemptsError } from '../../errors.ts';
import { registerAccount, signIn, signOutEverywhere, verifyEmail, type AccountDeps } from './service.ts';
import { registerFields, registerSchema, signInFields, signInSchema, tokenQuery } from './schemas.ts';

export function accountDeps(app: FastifyInstance): AccountDeps {
  return { ...app.deps, views: app.views };
}

export function createAccountHandlers(app: FastifyInstance) {
  const deps = accountDeps(app);

  return {
    async showRegister(request: FastifyRequest, reply: FastifyReply) {
      if (request.actor) return reply.redirect('/');
      return reply.render('accounts/views/register.njk', { values: {} });
    },

    async register(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(registerSchema, request.body);
      if (!form.ok) return reply.status(400).render('accounts/views/register.njk', { errors: form.errors, values: form.values, fieldOrder: registerFields });
      await registerAccount(deps, form.data);
      return reply.redirect('/register/check-email');
    },

    async showCheckEmail(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('accounts/views/check-email.njk');
    },

    async verifyEmail(request: FastifyRequest, reply: FastifyReply) {
      const query = tokenQuery.safeParse(request.query);
      const outcome = query.success ? await verifyEmail(deps, query.data.token) : 'unknown';
      return reply.status(outcome === 'verified' || outcome === 'already_verified' ? 200 : 400).render('accounts/views/verify-result.njk', { outcome });
    },

    async showSignIn(request: FastifyRequest, reply: FastifyReply) {
      if (request.actor) return reply.redirect('/');
      const { returnTo } = request.query as { returnTo?: string };
      return reply.render('accounts/views/sign-in.njk', { values: { returnTo: safeReturnPath(returnTo ?? '/') } });
    },

    async signIn(request: FastifyRequest, reply: FastifyReply) {
      const view = 'accounts/views/sign-in.njk';
      const form = parseForm(signInSchema, request.body);
      if (!form.ok) return reply.status(400).render(view, { errors: form.errors, values: form.values, fieldOrder: signInFields });
      try {
        const outcome = await signIn(deps, form.data, request.ip);
        if (outcome.kind === 'unverified') return reply.render('accounts/views/confirm-first.njk');
        await reply.signIn(outcome.userId);
        return reply.redirect(safeReturnPath(form.data.returnTo));
      } catch (error) {
        const values = keptValues(request.body);
        if (error instanceof ValidationError) return reply.status(400).render(view, { errors: error.fieldErrors, values, fieldOrder: signInFields });
        if (error instanceof TooManyAttemptsError) return reply.status(429).render(view, { errors: { email: error.message }, values, fieldOrder: signInFields });
        throw error;
      }
    },

    async signOut(request: FastifyRequest, reply: FastifyReply) {
      await reply.signOut();
      setFlash(reply, { kind: 'info', title: 'You have signed out' });
      return reply.redirect('/sign-in');
    },

    async showSignedOut(_request: FastifyRequest, reply: FastifyReply) {
      return reply.render('accounts/views/signed-out.njk', { idleMinutes: deps.config.session.idleMinutes });
    },

    async showAccount(request: FastifyRequest, reply: FastifyReply) {
      return reply.render('accounts/views/account.njk');
    },

    async signOutEverywhere(request: FastifyRequest, reply: FastifyReply) {
      if (request.actor) {
        await signOutEverywhere(deps, request.actor.id);
        app.deps.sessionCache?.forgetUser(request.actor.id);
      }
      await reply.signOut();
      setFlash(reply, { kind: 'success', title: 'You have signed out on every device' });
      return reply.redirect('/sign-in');
    },
  };
}
