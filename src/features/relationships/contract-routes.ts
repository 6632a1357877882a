// Routes for contract and phase (parts 2–3).
import type { FastifyInstance } from 'fastify';

export async function contractRoutes(_app: FastifyInstance): Promise<void> {}
