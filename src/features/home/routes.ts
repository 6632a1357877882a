// The start page for people who are signed out; a home page of their programmes, applications,
// chemistry meetings and mentees for people who are signed in.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { listProgrammesForActor } from '../programmes/service.ts';
import { getMentorHomeSummary } from '../mentors/home.ts';
import { getMenteeHomeSummary } from '../mentees/home.ts';
import { getChemistryHomeSummary } from '../invitations/home.ts';

export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { guard: guards.public } }, async (request, reply) => {
    const actor = request.actor;
    if (!actor) return reply.render('home/views/start.njk');
    const [programmes, mentor, mentee, chemistry] = await Promise.all([
      listProgrammesForActor(app.deps.db, actor),
      getMentorHomeSummary(app.deps.db, actor),
      getMenteeHomeSummary(app.deps.db, actor),
      getChemistryHomeSummary(app.deps.db, actor),
    ]);
    return reply.render('home/views/home.njk', { programmes, mentor, mentee, chemistry });
  });
}
