// Routes for resources, support links, concerns and the programme admin's view (parts 8, 9, 12).
import type { FastifyInstance } from 'fastify';

export async function adminRoutes(_app: FastifyInstance): Promise<void> {}
