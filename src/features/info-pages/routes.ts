// The footer's pages: privacy notice, accessibility statement, cookies.
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';

const pages = {
  '/privacy': 'info-pages/views/privacy.njk',
  '/accessibility': 'info-pages/views/accessibility.njk',
  '/cookies': 'info-pages/views/cookies.njk',
} as const;

export async function infoPageRoutes(app: FastifyInstance) {
  for (const [url, template] of Object.entries(pages)) {
    app.get(url, { config: { guard: guards.public } }, async (_request, reply) => reply.render(template));
  }
}
