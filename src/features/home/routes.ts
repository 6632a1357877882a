// The start page for people who are signed out; a home page of their programmes for people who
// are signed in.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { listProgrammesForActor } from '../programmes/service.ts';

export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { guard: guards.public } }, async (request, reply) => {
    if (!request.actor) return reply.render('home/views/start.njk');
    const programmes = await listProgrammesForActor(app.deps.db, request.actor);
    return reply.render('home/views/home.njk', { programmes });
  });
}
