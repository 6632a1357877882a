// GET /health: 200 when this instance can reach its database, 503 when it cannot. For load
// balancers and uptime checks; it says nothing else about the installation.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { guards } from '../auth/guards.ts';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/health', { config: { guard: guards.public }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.deps.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
