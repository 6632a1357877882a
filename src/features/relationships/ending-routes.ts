// Routes for ending without blame and closing reflections (part 10).
import type { FastifyInstance } from 'fastify';

export async function endingRoutes(_app: FastifyInstance): Promise<void> {}
