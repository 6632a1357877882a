// Enforces the guard each route declares (auth/guards.ts). A route with no guard is refused, so a
// new route cannot be public by accident.
import fp from 'fastify-plugin';
import type { Guard } from '../auth/guards.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: Guard;
  }
}

/** Only same-site paths may be used to come back after signing in. */
export function safeReturnPath(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

export const guardPlugin = fp(async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    // Requests that matched no route go to the not-found handler, which needs no guard.
    if (request.is404) return;
    const guard = request.routeOptions.config.guard;
    if (!guard) throw new ForbiddenError();
    const result = guard.check(request);
    if (result === 'allow') return;
    if (result === 'not-found') throw new NotFoundError();
    if (result === 'deny') throw new ForbiddenError();
    if (request.sessionExpired) return reply.redirect('/signed-out');
    const returnTo = request.method === 'GET' ? safeReturnPath(request.url) : '/';
    return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  });
});
