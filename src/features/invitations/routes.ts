// Routes of this feature: each names its guard and its handler.
import type { FastifyInstance } from 'fastify';

export async function invitationRoutes(_app: FastifyInstance) {
  // Routes are added here as the feature grows.
}
