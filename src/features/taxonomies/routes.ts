// Platform admin: the taxonomies and the installation settings (the code of ethics). Every route
// is for platform admins; the services check the policy again.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createTaxonomyHandlers } from './handlers.ts';
import { createSettingsHandlers } from './settings-handlers.ts';

export async function taxonomyRoutes(app: FastifyInstance) {
  const h = createTaxonomyHandlers(app);
  const settings = createSettingsHandlers(app);
  const platformAdmin = { config: { guard: guards.platformAdmin } };

  app.get('/admin/taxonomies', platformAdmin, h.list);
  app.get('/admin/taxonomies/:taxonomy', platformAdmin, h.showTerms);
  app.post('/admin/taxonomies/:taxonomy/terms', platformAdmin, h.addTerm);
  app.get('/admin/taxonomies/:taxonomy/terms/:termId', platformAdmin, h.showRename);
  app.post('/admin/taxonomies/:taxonomy/terms/:termId', platformAdmin, h.rename);
  app.post('/admin/taxonomies/:taxonomy/terms/:termId/retire', platformAdmin, h.retire);
  app.post('/admin/taxonomies/:taxonomy/terms/:termId/restore', platformAdmin, h.restore);

  app.get('/admin/settings', platformAdmin, settings.show);
  app.post('/admin/settings', platformAdmin, settings.save);
}
