// Routes for session notes, agreed actions, private notes and session reflections (parts 6–7).
import type { FastifyInstance } from 'fastify';

export async function noteRoutes(_app: FastifyInstance): Promise<void> {}
