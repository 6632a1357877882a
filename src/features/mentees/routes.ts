// Mentee profile, applications, the line manager's link and the programme admin's mentee queue.
// Wiring only: each route names its guard (deny by default) and its handler; services check again.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createApplicationHandlers } from './application-handlers.ts';
import { createLineManagerHandlers } from './line-manager-handlers.ts';
import { createProfileHandlers } from './profile-handlers.ts';
import { createQueueHandlers } from './queue-handlers.ts';

export async function menteeRoutes(app: FastifyInstance) {
  const profile = createProfileHandlers(app);
  const application = createApplicationHandlers(app);
  const lineManager = createLineManagerHandlers(app);
  const queue = createQueueHandlers(app);
  const signedIn = { config: { guard: guards.signedIn } };
  const publicRoute = { config: { guard: guards.public } };
  const programmeAdmin = { config: { guard: guards.programmeAdmin() } };

  app.get('/profile/mentee', signedIn, profile.showProfile);
  app.get('/profile/mentee/role', signedIn, profile.role.show);
  app.post('/profile/mentee/role', signedIn, profile.role.save);
  app.get('/profile/mentee/mentoring', signedIn, profile.mentoring.show);
  app.post('/profile/mentee/mentoring', signedIn, profile.mentoring.save);
  app.get('/profile/mentee/preferences', signedIn, profile.preferences.show);
  app.post('/profile/mentee/preferences', signedIn, profile.preferences.save);

  app.get('/programmes/:programmeId/mentee-application', signedIn, application.show);
  app.post('/programmes/:programmeId/mentee-application', signedIn, application.submit);

  app.get('/line-manager/respond', publicRoute, lineManager.show);
  app.post('/line-manager/respond', publicRoute, lineManager.respond);
  app.get('/line-manager/responded', publicRoute, lineManager.showResponded);

  app.get('/admin/programmes/:programmeId/mentee-applications', programmeAdmin, queue.showQueue);
  app.get('/admin/programmes/:programmeId/mentee-applications/:applicationId', programmeAdmin, queue.showApplicant);
  app.post('/admin/programmes/:programmeId/mentee-applications/:applicationId/decision', programmeAdmin, queue.decide);
}
