// Programme pages for signed-in people: which programmes they can see and join.
import type { FastifyInstance } from 'fastify';

export async function programmeRoutes(_app: FastifyInstance) {
  // Routes are added here as the feature grows.
}
