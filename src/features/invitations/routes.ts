// Chemistry meetings (issue 4, parts 6–11). Wiring only: each route names its guard (deny by
// default) and its handler; the services check the policy and ownership again. An invitation's own
// pages need only a signed-in person at the guard: the services answer 404 to anyone who is not
// one of its two parties (policies.isInvitationParty).
import type { FastifyInstance } from 'fastify';
import { guards } from '../../auth/guards.ts';
import { createAfterMeetingHandlers } from './after-meeting-handlers.ts';
import { createBrokerHandlers } from './broker-handlers.ts';
import { createInvitationHandlers } from './invitation-handlers.ts';
import { createInviteHandlers } from './invite-handlers.ts';

export async function invitationRoutes(app: FastifyInstance) {
  const invite = createInviteHandlers(app);
  const invitation = createInvitationHandlers(app);
  const after = createAfterMeetingHandlers(app);
  const broker = createBrokerHandlers(app);
  const mentee = { config: { guard: guards.findMentors() } };
  const mentor = { config: { guard: guards.actAsMentor() } };
  const party = { config: { guard: guards.signedIn } };
  const programmeAdmin = { config: { guard: guards.programmeAdmin() } };

  app.get('/programmes/:programmeId/mentors/:mentorId/invite', mentee, invite.showInvite);
  app.post('/programmes/:programmeId/mentors/:mentorId/invite', mentee, invite.invite);
  app.post('/programmes/:programmeId/broker-request', mentee, broker.ask);
  app.get('/programmes/:programmeId/seeking/:postId/offer', mentor, invite.showOffer);
  app.post('/programmes/:programmeId/seeking/:postId/offer', mentor, invite.offer);

  app.get('/invitations/:invitationId', party, invitation.show);
  app.get('/invitations/:invitationId/accept', party, invitation.showAccept);
  app.post('/invitations/:invitationId/accept', party, invitation.accept);
  app.get('/invitations/:invitationId/decline', party, invitation.showDecline);
  app.post('/invitations/:invitationId/decline', party, invitation.decline);
  app.get('/invitations/:invitationId/withdraw', party, invitation.showWithdraw);
  app.post('/invitations/:invitationId/withdraw', party, invitation.withdraw);
  app.get('/invitations/:invitationId/meeting', party, invitation.showMeeting);
  app.post('/invitations/:invitationId/meeting', party, invitation.meeting);
  app.post('/invitations/:invitationId/met', party, invitation.met);
  app.get('/invitations/:invitationId/reflection', party, after.showReflection);
  app.post('/invitations/:invitationId/reflection', party, after.reflect);
  app.post('/invitations/:invitationId/choose', party, after.choose);
  app.post('/invitations/:invitationId/none', party, after.none);
  app.get('/invitations/:invitationId/confirm', party, after.showConfirm);
  app.post('/invitations/:invitationId/confirm', party, after.confirm);

  app.get('/admin/programmes/:programmeId/broker-requests', programmeAdmin, broker.queue);
  app.get('/admin/programmes/:programmeId/broker-requests/:requestId', programmeAdmin, broker.showRequest);
  app.post('/admin/programmes/:programmeId/broker-requests/:requestId/propose', programmeAdmin, broker.propose);
}
