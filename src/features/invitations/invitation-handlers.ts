// The invitation page and the answers to it: accept (the mentor proposes the meeting), decline,
// withdraw or cancel, change the meeting's time, mark it as met. Thin: read the form, call one
// service function, redirect with a flash (Post/Redirect/Get) or show the form again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../platform/flash.ts';
import { parseForm } from '../../platform/forms.ts';
import { actorOf } from '../../platform/request.ts';
import { invitationDeps, paths } from './deps.ts';
import { attempt, invitationIdOf, renderActionForm, renderInvitation } from './handler-support.ts';
import { getInvitationPage } from './page-service.ts';
import { acceptInvitation, declineInvitation, markMet, setMeeting, withdrawInvitation } from './respond-service.ts';
import { declineFields, declineSchema, meetingFields, meetingSchema, offerDeclineSchema, withdrawFields, withdrawSchema } from './schemas.ts';
import { meetingFieldValues } from './meeting-time.ts';
import { declineReasonCodes, declineReasons } from './statuses.ts';

/** The decline reasons as the form offers them (statuses.ts holds the one list). */
const reasons = declineReasonCodes.map((code) => ({ value: code, text: declineReasons[code] }));

const withdrawnFlash = { withdrawn: 'Withdrawn', cancelled: 'Meeting cancelled' } as const;

export function createInvitationHandlers(app: FastifyInstance) {
  const deps = invitationDeps(app);
  const db = deps.db;

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return renderInvitation(reply, db, actorOf(request), invitationIdOf(request));
    },

    async showAccept(request: FastifyRequest, reply: FastifyReply) {
      const page = await getInvitationPage(db, actorOf(request), invitationIdOf(request));
      const firstMode = page.invitation.preferred_mode_ids[0] ?? '';
      return renderActionForm(reply, db, actorOf(request), invitationIdOf(request), {
        action: 'accept', view: 'accept.njk', fieldOrder: meetingFields, values: { meetingMinutes: '45', meetingMode: firstMode },
      });
    },

    async accept(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const page = await getInvitationPage(db, actor, id);
      const again = (errors: Record<string, string>, values: Record<string, unknown>) =>
        renderActionForm(reply, db, actor, id, { action: 'accept', view: 'accept.njk', fieldOrder: meetingFields, status: 400, errors, values });
      let meeting = null;
      if (page.role === 'mentor') {
        const form = parseForm(meetingSchema, request.body);
        if (!form.ok) return again(form.errors, form.values);
        meeting = form.data;
      }
      return attempt(request, reply, db, actor, id, async () => {
        await acceptInvitation(deps, actor, id, meeting);
        setFlash(reply, { kind: 'success', title: 'You have accepted', text: 'We have emailed you both. You can now see each other\'s contact details.' });
        return reply.redirect(paths.invitation(id));
      }, again);
    },

    async showDecline(request: FastifyRequest, reply: FastifyReply) {
      return renderActionForm(reply, db, actorOf(request), invitationIdOf(request), { action: 'decline', view: 'decline.njk', fieldOrder: declineFields, extra: { reasons } });
    },

    async decline(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const page = await getInvitationPage(db, actor, id);
      const again = (errors: Record<string, string>, values: Record<string, unknown>) =>
        renderActionForm(reply, db, actor, id, { action: 'decline', view: 'decline.njk', fieldOrder: declineFields, status: 400, errors, values, extra: { reasons } });
      const form = page.role === 'mentor' ? parseForm(declineSchema, request.body) : parseForm(offerDeclineSchema, request.body);
      if (!form.ok) return again(form.errors, form.values);
      return attempt(request, reply, db, actor, id, async () => {
        await declineInvitation(deps, actor, id, form.data);
        setFlash(reply, { kind: 'success', title: 'Declined', text: `We have let ${page.otherName} know.` });
        return reply.redirect(paths.invitation(id));
      }, again);
    },

    async showWithdraw(request: FastifyRequest, reply: FastifyReply) {
      return renderActionForm(reply, db, actorOf(request), invitationIdOf(request), { action: ['withdraw', 'cancel'], view: 'withdraw.njk', fieldOrder: withdrawFields });
    },

    async withdraw(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const again = (errors: Record<string, string>, values: Record<string, unknown>) =>
        renderActionForm(reply, db, actor, id, { action: ['withdraw', 'cancel'], view: 'withdraw.njk', fieldOrder: withdrawFields, status: 400, errors, values });
      const form = parseForm(withdrawSchema, request.body);
      if (!form.ok) return again(form.errors, form.values);
      return attempt(request, reply, db, actor, id, async () => {
        const to = await withdrawInvitation(deps, actor, id, form.data.message);
        setFlash(reply, { kind: 'success', title: withdrawnFlash[to === 'cancelled' ? 'cancelled' : 'withdrawn'], text: 'We have let the other person know.' });
        return reply.redirect(paths.invitation(id));
      }, again);
    },

    async showMeeting(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const page = await getInvitationPage(db, actor, id);
      const current = page.invitation;
      const values = current.meeting_starts_at
        ? { ...meetingFieldValues('meetingDate', new Date(current.meeting_starts_at)), meetingMinutes: String(current.meeting_minutes ?? 45), meetingMode: current.meeting_mode_id ?? '' }
        : { meetingMinutes: '45', meetingMode: current.preferred_mode_ids[0] ?? '' };
      return renderActionForm(reply, db, actor, id, { action: 'meeting', view: 'meeting.njk', fieldOrder: meetingFields, values });
    },

    async meeting(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      const again = (errors: Record<string, string>, values: Record<string, unknown>) =>
        renderActionForm(reply, db, actor, id, { action: 'meeting', view: 'meeting.njk', fieldOrder: meetingFields, status: 400, errors, values });
      const form = parseForm(meetingSchema, request.body);
      if (!form.ok) return again(form.errors, form.values);
      return attempt(request, reply, db, actor, id, async () => {
        await setMeeting(deps, actor, id, form.data);
        setFlash(reply, { kind: 'success', title: 'Meeting time saved', text: 'We have emailed you both an updated calendar invitation.' });
        return reply.redirect(paths.invitation(id));
      }, again);
    },

    async met(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = invitationIdOf(request);
      return attempt(request, reply, db, actor, id, async () => {
        await markMet(deps, actor, id);
        setFlash(reply, { kind: 'success', title: 'Meeting marked as held', text: 'You can now write a private reflection on how well you fit.' });
        return reply.redirect(paths.invitation(id));
      }, async () => renderInvitation(reply, db, actor, id, 400));
    },
  };
}
