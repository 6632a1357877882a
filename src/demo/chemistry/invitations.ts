// A demo invitation and each step it can take, as invitations/transitions.ts moves it: opened,
// accepted with a meeting, met, declined, expired, cancelled, withdrawn, chosen or not, each step
// with its invitation_events row; private fit reflections sealed as reflection-service.ts seals
// them; and the sweep's reminder when an answer was slow. Stored with finish().
import type { Insertable } from 'kysely';
import type { InvitationEventsTable, InvitationStatus, InvitationsTable, MentoringType } from '../../db/types.ts';
import { declineReasonCodes } from '../../features/invitations/statuses.ts';
import { between, earliest, modeIds, modeKeys, pick, plusDays, uuid, workingTime } from '../helpers.ts';
import type { Ctx, Initiator, Member } from '../mentoring-plan.ts';
import { PROGRAMMES } from '../people/programmes.ts';
import type { ProgrammeKey } from '../plan.ts';
import { CANCEL_MESSAGES, DECLINE_MESSAGES, FIT_REFLECTIONS, INVITE_MESSAGES, OFFER_MESSAGES, PREFERRED_TIMES, PROPOSAL_MESSAGES } from './text.ts';

/** The demo programmes keep the defaults (migration 0002): 7 days to answer, a reminder after 3. */
export const EXPIRY_DAYS = 7;
const REMINDER_DAYS = 3;
/** The sweep that expires invitations runs every 10 minutes. */
const SWEEP_DELAY_DAYS = 10 / (24 * 60);
const CLOSED: InvitationStatus[] = ['chosen', 'not_chosen', 'declined', 'expired', 'withdrawn', 'cancelled'];

type Row = Insertable<InvitationsTable> & { id: string; status: InvitationStatus; created_at: Date };
export interface Draft { row: Row; events: Insertable<InvitationEventsTable>[]; ctx: Ctx }

export interface Opening {
  programme: ProgrammeKey;
  mentee: Member;
  mentor: Member;
  by: Initiator;
  /** Who started it: the mentee, the mentor or a programme admin. */
  actor: string;
  at: Date;
  type?: MentoringType;
  id?: string;
  postId?: string | null;
  postModes?: string[];
  message?: string;
}

/** A new pending invitation, as invitations/create-service.ts inserts it. */
export function openInvitation(ctx: Ctx, o: Opening): Draft {
  const id = o.id ?? uuid();
  const type = o.type ?? PROGRAMMES[o.programme].types[0] ?? 'traditional';
  const byMentee = o.by === 'mentee';
  const message = o.message ?? (o.by === 'mentor' ? pick(OFFER_MESSAGES) : o.by === 'admin' ? pick(PROPOSAL_MESSAGES) : pick(INVITE_MESSAGES[type])(o.mentee.person.title));
  const row: Row = {
    id, programme_id: ctx.programmeId(o.programme), mentee_id: o.mentee.id, mentor_id: o.mentor.id, initiated_by: o.by, seeking_post_id: o.postId ?? null,
    status: 'pending', message, created_at: o.at, expires_at: plusDays(o.at, EXPIRY_DAYS), mentoring_type: type,
    preferred_mode_ids: byMentee ? modeIds(ctx, pick([1, 2])) : (o.postModes ?? []), preferred_times: byMentee ? pick(PREFERRED_TIMES) : '',
  };
  return { row, ctx, events: [{ invitation_id: id, from_status: null, to_status: 'pending', actor_user_id: o.actor, occurred_at: o.at }] };
}

/** One step, with its history row; closing steps set closed_at, answers responded_at. */
export function move(d: Draft, to: InvitationStatus, at: Date, actor: string | null, set: Partial<Row> = {}): Draft {
  d.events.push({ invitation_id: d.row.id, from_status: d.row.status, to_status: to, actor_user_id: actor, occurred_at: at });
  Object.assign(d.row, set, { status: to });
  if (to === 'accepted' || to === 'declined') d.row.responded_at = at;
  if (CLOSED.includes(to)) d.row.closed_at = at;
  return d;
}

/** The party who answers: the mentee for a mentor's offer, the mentor otherwise (invitations/actions.ts). */
export const answerer = (d: Draft) => (d.row.initiated_by === 'mentor' ? d.row.mentee_id : d.row.mentor_id);

export const meetingDetails = (ctx: Ctx): Partial<Row> => ({ meeting_minutes: pick([30, 45, 45, 60]), meeting_mode_id: ctx.terms.id('meeting_mode', pick(modeKeys)) });

/** The same time of day `days` earlier, on a weekday. */
export function weekdayBefore(date: Date, days: number): Date {
  const at = plusDays(date, -days);
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

/** The mentor accepts and proposes a meeting at a working time `inDays` after `from`, never sooner than two hours on. */
export function accept(d: Draft, at: Date, from: Date, inDays: [number, number]): Draft {
  let meetingAt = workingTime(plusDays(from, between(...inDays)));
  if (meetingAt.getTime() <= from.getTime() + 2 * 3_600_000) meetingAt = plusDays(meetingAt, 7);
  return move(d, 'accepted', at, answerer(d), { ...meetingDetails(d.ctx), meeting_starts_at: meetingAt });
}

/** Accepted with the meeting at `meetingAt`, then marked as met soon after it by either of them. Returns when. */
export function acceptAndMeet(d: Draft, acceptedAt: Date, meetingAt: Date): Date {
  move(d, 'accepted', acceptedAt, answerer(d), { ...meetingDetails(d.ctx), meeting_starts_at: meetingAt });
  const metAt = earliest(plusDays(meetingAt, between(0.05, 0.3)), d.ctx.now);
  move(d, 'met', metAt, pick([d.row.mentee_id, d.row.mentor_id]));
  return metAt;
}

export function decline(d: Draft, at: Date): Draft {
  const byMentor = answerer(d) === d.row.mentor_id;
  return move(d, 'declined', at, answerer(d), {
    decline_reason: byMentor ? pick(declineReasonCodes) : null, closing_message: (byMentor ? pick(DECLINE_MESSAGES) : '') || null,
  });
}

export function expire(d: Draft): Draft {
  return move(d, 'expired', plusDays(new Date(d.row.expires_at), SWEEP_DELAY_DAYS), null);
}

/** The mentor calls off an accepted meeting: the calendar gets a cancellation (SEQUENCE + 1). */
export const cancel = (d: Draft, at: Date) => move(d, 'cancelled', at, d.row.mentor_id, { closing_message: pick(CANCEL_MESSAGES), ics_sequence: 1 });

/** A private fit reflection, sealed for its author only. */
export function reflect(d: Draft, author: 'mentee' | 'mentor', at: Date): void {
  const authorId = author === 'mentee' ? d.row.mentee_id : d.row.mentor_id;
  const sealed = d.ctx.keys.seal(pick(FIT_REFLECTIONS[author]), `fit:${d.row.id}:${authorId}`);
  d.ctx.rows.fitReflections.push({ invitation_id: d.row.id, author_id: authorId, key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: earliest(at, d.ctx.now) });
}

/** Stores the invitation; the sweep reminded the answerer if it waited three days without an answer. */
export function finish(d: Draft): void {
  const firstMove = d.events[1]?.occurred_at;
  const answered = firstMove ? new Date(firstMove) : d.ctx.now;
  const remindAt = plusDays(d.row.created_at, REMINDER_DAYS);
  if (remindAt < answered) d.row.reminded_at = remindAt;
  d.ctx.rows.invitations.push(d.row);
  d.ctx.rows.invitationEvents.push(...d.events);
}
