// nhsuk-frontend's CSS, JavaScript and images, and our own few assets, served locally (no CDN).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { guards } from '../auth/guards.ts';

const publicDir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'public');
const nhsukDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('nhsuk-frontend/package.json'))), 'dist', 'nhsuk');

export const staticAssetsPlugin = fp(async (app) => {
  // Asset routes are public; they are declared here because @fastify/static adds the routes itself.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) route.config = { ...route.config, guard: guards.public };
  });
  const cacheFor = app.deps.config.isProduction ? 86_400_000 : 0;

  // nhsuk-frontend's stylesheet loads the Frutiger web font from an NHS CDN. A self-hosted
  // installation must not depend on (or leak visits to) a third party, and our CSP allows fonts
  // from our own origin only, so we serve the stylesheet without its @font-face rules; the design
  // system's own fallback (Arial) applies.
  const stylesheet = fs.readFileSync(path.join(nhsukDir, 'nhsuk-frontend.min.css'), 'utf8').replace(/@font-face\{[^}]*\}/g, '');
  app.get('/assets/nhsuk-frontend.css', { config: { guard: guards.public } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', cacheFor ? 'public, max-age=86400' : 'no-cache').send(stylesheet),
  );
  await app.register(fastifyStatic, { root: nhsukDir, prefix: '/assets/nhsuk/', maxAge: cacheFor, index: false, wildcard: true });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: cacheFor, index: false, decorateReply: false });
});
