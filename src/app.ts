// buildApp(deps): the whole web application, registered in one readable order. It never listens
// and never connects to anything itself: server.ts and the tests hand it its dependencies.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'node:querystring';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { JobQueue } from './jobs/queue.ts';
import { MentorSearch } from './matching/search-service.ts';
import { KeyRing } from './platform/crypto.ts';
import type { ChangeFeed } from './platform/change-feed.ts';
import { SessionCache } from './auth/session-cache.ts';
import { ContextCache } from './features/search/context-cache.ts';
import { loggerOptions } from './platform/logging.ts';
import { securityPlugin } from './platform/security.ts';
import { staticAssetsPlugin } from './platform/static-assets.ts';
import { viewsPlugin } from './platform/views.ts';
import { sessionsPlugin } from './platform/sessions.ts';
import { setupGatePlugin } from './platform/setup-gate.ts';
import { guardPlugin } from './platform/guard-hook.ts';
import { csrfPlugin } from './platform/csrf.ts';
import { errorPagesPlugin } from './platform/error-pages.ts';
import { healthRoutes } from './platform/health.ts';
import { infoPageRoutes } from './features/info-pages/routes.ts';
import { homeRoutes } from './features/home/routes.ts';
import { setupRoutes } from './features/setup/routes.ts';
import { accountRoutes } from './features/accounts/routes.ts';
import { programmeAdminRoutes } from './features/programmes/routes.ts';
import { outboxRoutes } from './features/outbox/routes.ts';
import { programmeRoutes } from './features/programmes/public-routes.ts';
import { taxonomyRoutes } from './features/taxonomies/routes.ts';
import { mentorRoutes } from './features/mentors/routes.ts';
import { menteeRoutes } from './features/mentees/routes.ts';
import { equalityRoutes } from './features/equality/routes.ts';
import { searchRoutes } from './features/search/routes.ts';
import { invitationRoutes } from './features/invitations/routes.ts';
import { relationshipRoutes } from './features/relationships/routes.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  jobs: JobQueue;
  /** Mentor search indexes; one per process, kept current by server.ts's LISTEN. */
  search?: MentorSearch;
  /**
   * The change feed (server.ts starts it). With it, sessions and mentees' search contexts are held
   * in memory between requests (ADR 0004); without it, every request reads them from the database.
   */
  feed?: ChangeFeed;
}

/** What features see as app.deps: everything they need, built once per app. */
export interface AppServices {
  config: Config;
  db: Db;
  jobs: JobQueue;
  search: MentorSearch;
  keys: KeyRing;
  feed: ChangeFeed | null;
  sessionCache: SessionCache | null;
  contextCache: ContextCache | null;
}

export interface RouteSummary {
  method: string;
  url: string;
  guard: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppServices;
    /** Every route with the name of its guard, for the route × role tests. */
    routeList: RouteSummary[];
  }
}

export interface AppOptions {
  logger?: boolean;
  /** Where log lines go instead of standard output (the tests that prove logs carry no confidential text). */
  logStream?: { write(line: string): void };
  rateLimitPerMinute?: number;
}

/** A parsed form or query with every NUL character removed from its values. */
function withoutNul<T extends Record<string, unknown>>(parsed: T): T {
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') (parsed as Record<string, unknown>)[key] = value.replaceAll('\u0000', '');
    else if (Array.isArray(value)) (parsed as Record<string, unknown>)[key] = value.map((item: unknown) => (typeof item === 'string' ? item.replaceAll('\u0000', '') : item));
  }
  return parsed;
}

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config, options.logStream),
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdLogLabel: 'requestId',
    disableRequestLogging: false,
    bodyLimit: 1_048_576,
    routerOptions: { querystringParser: (query: string) => withoutNul(qs.parse(query)) },
  });
  const services: AppServices = {
    ...deps, search: deps.search ?? new MentorSearch(deps.db), keys: new KeyRing(deps.config.encryptionKeys),
    feed: deps.feed ?? null, sessionCache: deps.feed ? new SessionCache(deps.feed) : null, contextCache: deps.feed ? new ContextCache(deps.feed) : null,
  };
  app.decorate('deps', services);
  const routeList: RouteSummary[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      // Read the guard lazily: a later onRoute hook (static assets) may still set it.
      if (method !== 'HEAD') routeList.push({ method, url: route.url, get guard() { return route.config?.guard?.name; } });
    }
  });

  // Platform: parsing, security, assets, pages, who is asking, what they may do, errors.
  await app.register(cookie, { secret: deps.config.session.secret });
  // Repeated fields (checkboxes) arrive as arrays; nothing else is nested.
  // NUL characters mean nothing in a form and PostgreSQL text refuses them: dropped at the door.
  await app.register(formbody, { parser: (body) => withoutNul(qs.parse(body)) });
  await app.register(securityPlugin, { rateLimitPerMinute: options.rateLimitPerMinute ?? 600 });
  await app.register(viewsPlugin, { config: deps.config });
  await app.register(errorPagesPlugin);
  await app.register(staticAssetsPlugin);
  await app.register(sessionsPlugin);
  // A person's own change is seen at once on this instance: whatever they post, what is held for
  // them is dropped before the answer leaves (other instances hear of it from the change feed).
  app.addHook('onSend', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || !request.actor) return;
    services.sessionCache?.forgetUser(request.actor.id);
    services.contextCache?.forget(request.actor.id);
  });
  await app.register(setupGatePlugin);
  await app.register(guardPlugin);
  await app.register(csrfPlugin);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Features.
  await app.register(healthRoutes);
  await app.register(infoPageRoutes);
  await app.register(setupRoutes);
  await app.register(homeRoutes);
  await app.register(accountRoutes);
  await app.register(programmeAdminRoutes);
  await app.register(programmeRoutes);
  await app.register(taxonomyRoutes);
  await app.register(mentorRoutes);
  await app.register(menteeRoutes);
  await app.register(equalityRoutes);
  await app.register(searchRoutes);
  await app.register(invitationRoutes);
  await app.register(relationshipRoutes);
  await app.register(outboxRoutes);

  return app;
}
