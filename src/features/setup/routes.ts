// GET/POST /setup: create the platform admin account on a new installation.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { ValidationError } from '../../errors.ts';
import { parseForm, keptValues } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { NotFoundError } from '../../errors.ts';
import { completeSetup, isInstallationSetUp } from './service.ts';
import { setupFields, setupSchema } from './schemas.ts';

const VIEW = 'setup/views/setup.njk';

export async function setupRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  app.get('/setup', { config: { guard: guards.public } }, async (_request, reply) => {
    if (await isInstallationSetUp(db)) throw new NotFoundError();
    return reply.render(VIEW, { values: {} });
  });

  app.post('/setup', { config: { guard: guards.public } }, async (request, reply) => {
    if (await isInstallationSetUp(db)) throw new NotFoundError();
    const form = parseForm(setupSchema, request.body);
    if (!form.ok) return reply.status(400).render(VIEW, { errors: form.errors, values: form.values, fieldOrder: setupFields });
    try {
      const userId = await completeSetup(db, form.data);
      await reply.signIn(userId);
    } catch (error) {
      if (error instanceof ValidationError) {
        return reply.status(400).render(VIEW, { errors: error.fieldErrors, values: keptValues(request.body), fieldOrder: setupFields });
      }
      throw error;
    }
    setFlash(reply, { kind: 'success', title: 'Your platform admin account is ready', text: 'You can now create programmes and appoint their admins.' });
    return reply.redirect('/');
  });
}
