// Routes for sessions with calendar invitations (issue 5, part 5). Wiring only: every route is for
// a party of the relationship, signed in at the guard; the services answer 404 to anyone else
// (access.loadForParty / lockForChange) and to a session of another relationship.
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createSessionHandlers } from './handlers.ts';

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  const sessions = createSessionHandlers(app);
  const base = '/relationships/:relationshipId/sessions';
  app.get(base, party, sessions.list);
  app.get(`${base}/new`, party, sessions.showNew);
  app.post(`${base}/new`, party, sessions.schedule);
  app.get(`${base}/log`, party, sessions.showLog);
  app.post(`${base}/log`, party, sessions.log);
  app.get(`${base}/:sessionId`, party, sessions.show);
  app.get(`${base}/:sessionId/reschedule`, party, sessions.showReschedule);
  app.post(`${base}/:sessionId/reschedule`, party, sessions.reschedule);
  app.get(`${base}/:sessionId/cancel`, party, sessions.showCancel);
  app.post(`${base}/:sessionId/cancel`, party, sessions.cancel);
  app.post(`${base}/:sessionId/held`, party, sessions.held);
}
