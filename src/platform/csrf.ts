// Every state-changing request must carry the CSRF token of the form it came from (synchroniser
// token, secret in a signed cookie). Checked before any handler runs, so a refused POST changes
// nothing. The token may come in the form body or, for header sign-out buttons rendered by the
// nhsuk header macro (which cannot add hidden fields), in the action's query string.
import csrf from '@fastify/csrf-protection';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

function tokenFrom(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const candidate = body?._csrf ?? query?._csrf;
  return typeof candidate === 'string' ? candidate : undefined;
}

export const csrfPlugin = fp(async (app) => {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'mh_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: app.deps.config.session.secureCookie },
    getToken: tokenFrom,
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    app.csrfProtection(request, reply, done);
  });
});
