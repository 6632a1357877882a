// Account pages. Wiring only: each route names its guard and its handler.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createAccountHandlers } from './handlers.ts';
import { createPasswordHandlers } from './password-handlers.ts';

export async function accountRoutes(app: FastifyInstance) {
  const h = createAccountHandlers(app);
  const p = createPasswordHandlers(app);
  const publicRoute = { config: { guard: guards.public } };
  const signedIn = { config: { guard: guards.signedIn } };

  app.get('/register', publicRoute, h.showRegister);
  app.post('/register', publicRoute, h.register);
  app.get('/register/check-email', publicRoute, h.showCheckEmail);
  app.get('/verify-email', publicRoute, h.verifyEmail);
  app.get('/sign-in', publicRoute, h.showSignIn);
  app.post('/sign-in', publicRoute, h.signIn);
  app.post('/sign-out', publicRoute, h.signOut);
  app.get('/signed-out', publicRoute, h.showSignedOut);

  app.get('/forgot-password', publicRoute, p.showForgot);
  app.post('/forgot-password', publicRoute, p.forgot);
  app.get('/forgot-password/check-email', publicRoute, p.showForgotSent);
  app.get('/reset-password', publicRoute, p.showReset);
  app.post('/reset-password', publicRoute, p.reset);

  app.get('/account', signedIn, h.showAccount);
  app.get('/account/change-password', signedIn, p.showChange);
  app.post('/account/change-password', signedIn, p.change);
  app.post('/account/sign-out-everywhere', signedIn, h.signOutEverywhere);
}
