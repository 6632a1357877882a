// Mentors: the profile and training (the person's own, so signed in is enough and the services
// only ever touch the actor's rows), applications to a programme (the actor's own), and the
// programme admin's queue (guards.programmeAdmin, checked again in the services).
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createApplicationHandlers } from './application-handlers.ts';
import { createProfileHandlers } from './profile-handlers.ts';
import { createQueueHandlers } from './queue-handlers.ts';
import { createTrainingHandlers } from './training-handlers.ts';

export async function mentorRoutes(app: FastifyInstance) {
  const profile = createProfileHandlers(app);
  const training = createTrainingHandlers(app);
  const application = createApplicationHandlers(app);
  const queue = createQueueHandlers(app);
  const signedIn = { config: { guard: guards.signedIn } };
  const programmeAdmin = { config: { guard: guards.programmeAdmin() } };

  app.get('/profile/mentor', signedIn, profile.showProfile);
  for (const section of ['role', 'offer', 'capacity', 'contact', 'ethics'] as const) {
    app.get(`/profile/mentor/${section}`, signedIn, profile[section].show);
    app.post(`/profile/mentor/${section}`, signedIn, profile[section].save);
  }

  app.get('/profile/mentor/training', signedIn, training.list);
  app.get('/profile/mentor/training/new', signedIn, training.showNew);
  app.post('/profile/mentor/training/new', signedIn, training.create);
  app.get('/profile/mentor/training/:recordId/edit', signedIn, training.showEdit);
  app.post('/profile/mentor/training/:recordId/edit', signedIn, training.update);
  app.get('/profile/mentor/training/:recordId/remove', signedIn, training.showRemove);
  app.post('/profile/mentor/training/:recordId/remove', signedIn, training.remove);

  app.get('/programmes/:programmeId/mentor-application', signedIn, application.show);
  app.post('/programmes/:programmeId/mentor-application/start', signedIn, application.start);
  app.post('/programmes/:programmeId/mentor-application', signedIn, application.submit);

  app.get('/admin/programmes/:programmeId/mentor-applications', programmeAdmin, queue.queue);
  app.get('/admin/programmes/:programmeId/mentor-applications/:applicationId', programmeAdmin, queue.applicant);
  app.post('/admin/programmes/:programmeId/mentor-applications/:applicationId/decision', programmeAdmin, queue.decide);
  app.post('/admin/programmes/:programmeId/mentor-applications/:applicationId/training/:recordId/verify', programmeAdmin, queue.verifyTraining);
}
