// On an installation with no platform admin yet, every page leads to the first-run setup page.
// Once set up, the answer is cached for the life of the process (it never goes back).
import fp from 'fastify-plugin';
import { isInstallationSetUp } from '../features/setup/service.ts';

const ALWAYS_REACHABLE = ['/setup', '/health', '/assets/', '/outbox', '/privacy', '/accessibility', '/cookies'];

export const setupGatePlugin = fp(async (app) => {
  let setUp = false;
  app.addHook('onRequest', async (request, reply) => {
    if (setUp) return;
    if (ALWAYS_REACHABLE.some((prefix) => request.url.startsWith(prefix))) return;
    setUp = await isInstallationSetUp(app.deps.db);
    if (!setUp) return reply.redirect('/setup');
  });
});
