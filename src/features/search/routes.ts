// Finding a mentor (issue 4, parts 1–5): search, mentor profiles, the shortlist and "seeking a
// mentor" posts. Wiring only: each route names its guard (deny by default) and its handler; the
// services check the policy again.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createSearchHandlers } from './handlers.ts';
import { createSeekingHandlers } from './seeking-handlers.ts';
import { createShortlistHandlers } from './shortlist-handlers.ts';

export async function searchRoutes(app: FastifyInstance) {
  const search = createSearchHandlers(app);
  const shortlist = createShortlistHandlers(app);
  const seeking = createSeekingHandlers(app);
  const findMentors = { config: { guard: guards.findMentors() } };
  const actAsMentor = { config: { guard: guards.actAsMentor() } };
  // Members and admins of any programme where the mentor is approved: the service decides.
  const signedIn = { config: { guard: guards.signedIn } };

  app.get('/programmes/:programmeId/find-a-mentor', findMentors, search.search);
  app.get('/programmes/:programmeId/mentors/:mentorId', signedIn, search.profile);

  app.get('/programmes/:programmeId/shortlist', findMentors, shortlist.list);
  app.post('/programmes/:programmeId/shortlist/:mentorId', findMentors, shortlist.add);
  app.post('/programmes/:programmeId/shortlist/:mentorId/remove', findMentors, shortlist.remove);

  app.get('/programmes/:programmeId/seeking/new', findMentors, seeking.showNew);
  app.post('/programmes/:programmeId/seeking/new', findMentors, seeking.create);
  app.post('/programmes/:programmeId/seeking/:postId/close', findMentors, seeking.close);
  app.get('/programmes/:programmeId/seeking', actAsMentor, seeking.list);
}
