// The development outbox: every email the installation would have sent, to read in the browser.
// It exists only when no SMTP server is configured, and never in production (auth/policies.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { guards } from '../../auth/guards.ts';
import { NotFoundError } from '../../errors.ts';

const idParams = z.object({ messageId: z.uuid() });

export async function outboxRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const guarded = { config: { guard: guards.outbox } };

  app.get('/outbox', guarded, async (_request, reply) => {
    const messages = await db
      .selectFrom('email_messages')
      .select(['id', 'recipient', 'subject', 'status', 'created_at'])
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return reply.render('outbox/views/list.njk', { messages });
  });

  app.get('/outbox/:messageId', guarded, async (request, reply) => {
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) throw new NotFoundError();
    const message = await db.selectFrom('email_messages').selectAll().where('id', '=', parsed.data.messageId).executeTakeFirst();
    if (!message) throw new NotFoundError();
    return reply.render('outbox/views/message.njk', { message });
  });
}
