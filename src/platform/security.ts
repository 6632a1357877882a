// Security headers with a strict Content Security Policy: scripts only from our origin plus the one
// inline line nhsuk-frontend's template needs, allowed by a per-request nonce. Pages are never
// cached (they carry CSRF tokens and personal data); static assets are.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

type ResponseWithNonce = ServerResponse & { cspNonce?: string };

export const securityPlugin = fp(async (app, options: { rateLimitPerMinute: number }) => {
  app.addHook('onRequest', async (_request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    reply.scriptNonce = nonce;
    (reply.raw as ResponseWithNonce).cspNonce = nonce;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as ResponseWithNonce).cspNonce ?? ''}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only makes sense (and only works) over https.
    strictTransportSecurity: app.deps.config.session.secureCookie ? { maxAge: 31536000, includeSubDomains: true } : false,
  });

  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
  });

  if (options.rateLimitPerMinute > 0) {
    // A coarse per-address ceiling against floods; account-level throttling of sign-in lives in
    // the database (auth/throttle.ts) so it holds across instances.
    await app.register(rateLimit, { max: options.rateLimitPerMinute, timeWindow: '1 minute' });
  }
});
