// Platform admin: programmes and their admins. Programme admins can open their own programme.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createProgrammeHandlers } from './handlers.ts';
import { createProgrammeSettingsHandlers } from './settings-handlers.ts';

export async function programmeAdminRoutes(app: FastifyInstance) {
  const h = createProgrammeHandlers(app);
  const settings = createProgrammeSettingsHandlers(app);
  const platformAdmin = { config: { guard: guards.platformAdmin } };

  app.get('/admin/programmes', platformAdmin, h.list);
  app.get('/admin/programmes/new', platformAdmin, h.showNew);
  app.post('/admin/programmes', platformAdmin, h.create);
  app.get('/admin/programmes/:programmeId', { config: { guard: guards.programmeAdmin() } }, h.show);
  app.get('/admin/programmes/:programmeId/settings', platformAdmin, settings.show);
  app.post('/admin/programmes/:programmeId/settings', platformAdmin, settings.save);
  app.post('/admin/programmes/:programmeId/admins', platformAdmin, h.appointAdmin);
  app.post('/admin/programmes/:programmeId/admins/:userId/remove', platformAdmin, h.removeAdmin);
}
