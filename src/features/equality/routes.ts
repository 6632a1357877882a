// Equality monitoring: each person's own answers, at /profile/equality. Nobody else has a route to
// them; reports use aggregateEquality (service.ts), which shows only totals of 5 or more.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createEqualityHandlers } from './handlers.ts';

export async function equalityRoutes(app: FastifyInstance) {
  const h = createEqualityHandlers(app);
  const signedIn = { config: { guard: guards.signedIn } };

  app.get('/profile/equality', signedIn, h.show);
  app.post('/profile/equality', signedIn, h.save);
  app.post('/profile/equality/clear', signedIn, h.clear);
}
