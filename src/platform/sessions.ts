// Loads the session (if any) at the start of each request and gives handlers signIn/signOut.
// A cookie whose session has timed out marks the request as expired, so guards can show the
// "you have been signed out" page instead of a bare sign-in form.
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { createSession, deleteSession, loadSession } from '../auth/sessions.ts';

export const SESSION_COOKIE = 'mh_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    sessionExpired: boolean;
  }
  interface FastifyReply {
    signIn(userId: string): Promise<void>;
    signOut(): Promise<void>;
  }
}

/** Paths that never need to know who is asking. */
function skipsSession(url: string): boolean {
  return url.startsWith('/assets/') || url === '/health';
}

export const sessionsPlugin = fp(async (app) => {
  const { db, config, sessionCache } = app.deps;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.session.secureCookie,
  };

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (skipsSession(request.url)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = sessionCache ? await sessionCache.load(db, token, config.session) : await loadSession(db, token, config.session);
    if (!session) {
      request.sessionExpired = true;
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return;
    }
    request.actor = session.actor;
    request.sessionId = session.id;
  });

  // A new session id on every sign-in (no session fixation); the old one is removed.
  app.decorateReply('signIn', async function signIn(this: FastifyReply, userId: string) {
    if (this.request.sessionId) {
      await deleteSession(db, this.request.sessionId);
      sessionCache?.forget(this.request.sessionId);
    }
    const token = await createSession(db, userId);
    this.setCookie(SESSION_COOKIE, token, cookieOptions);
  });

  app.decorateReply('signOut', async function signOut(this: FastifyReply) {
    if (this.request.sessionId) {
      await deleteSession(db, this.request.sessionId);
      sessionCache?.forget(this.request.sessionId);
    }
    this.request.actor = null;
    this.request.sessionId = null;
    this.clearCookie(SESSION_COOKIE, cookieOptions);
  });
});
