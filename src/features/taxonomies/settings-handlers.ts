// Installation settings for platform admins: the code of ethics mentors accept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { actorOf } from '../../platform/request.ts';
import { platformSettingsFields, platformSettingsSchema } from './schemas.ts';
import { getPlatformSettings, updatePlatformSettings } from './settings-service.ts';

const VIEW = 'taxonomies/views/settings.njk';

export function createSettingsHandlers(app: FastifyInstance) {
  const { db } = app.deps;

  return {
    async show(_request: FastifyRequest, reply: FastifyReply) {
      const settings = await getPlatformSettings(db);
      return reply.render(VIEW, {
        settings,
        values: { ethicsCodeName: settings.ethicsCodeName, ethicsCodeUrl: settings.ethicsCodeUrl, ethicsCodeSummary: settings.ethicsCodeSummary },
      });
    },

    async save(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(platformSettingsSchema, request.body);
      if (!form.ok) return reply.status(400).render(VIEW, { settings: await getPlatformSettings(db), errors: form.errors, values: form.values, fieldOrder: platformSettingsFields });
      await updatePlatformSettings(db, actorOf(request), form.data);
      setFlash(reply, { kind: 'success', title: 'Settings saved', text: 'Mentors who apply from now on accept this code of ethics.' });
      return reply.redirect('/admin/settings');
    },
  };
}
