// Routes for sessions with calendar invitations (part 5).
import type { FastifyInstance } from 'fastify';

export async function sessionRoutes(_app: FastifyInstance): Promise<void> {}
