// Routes for goals and their reviews (part 4).
import type { FastifyInstance } from 'fastify';

export async function goalRoutes(_app: FastifyInstance): Promise<void> {}
