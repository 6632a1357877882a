// The demo's chemistry meetings (issue 4): the invitations that led to each relationship (the chosen
// one, and the others it closed), and for mentees still looking, invitations in every state with
// their histories, "seeking a mentor" posts with mentors' offers, requests for an admin to broker a
// match, and shortlists. Each invitation moves exactly as invitations/transitions.ts moves it, with
// an invitation_events row per step; fit reflections are sealed as reflection-service.ts seals them.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import type { InvitationEventsTable, InvitationsTable, InvitationStatus, MentoringType } from '../types.ts';
import { declineReasonCodes } from '../../features/invitations/statuses.ts';
import { PROGRAMMES, type ProgrammeKey } from './demo-people.ts';
import { between, chance, DAY, earliest, hasRoom, latest, modeKeys, pick, plusDays, uuid, workingTime, type Ctx, type Member } from './demo-mentoring.ts';
import { CANCEL_MESSAGES, DECLINE_MESSAGES, FIT_REFLECTIONS, INVITE_MESSAGES, OFFER_MESSAGES, PREFERRED_TIMES, PROPOSAL_MESSAGES, SEEKING_POSTS } from './demo-mentoring-text.ts';
import type { Initiator, PlannedRelationship } from './demo-relationships.ts';
import { planSeekers } from './demo-chemistry-seekers.ts';

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

const modeIds = (ctx: Ctx, count: number) => faker.helpers.arrayElements([...modeKeys], count).map((key) => ctx.terms.id('meeting_mode', key));

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

const meetingDetails = (ctx: Ctx): Partial<Row> => ({ meeting_minutes: pick([30, 45, 45, 60]), meeting_mode_id: ctx.terms.id('meeting_mode', pick(modeKeys)) });

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

export function shortlist(ctx: Ctx, programme: ProgrammeKey, mentee: Member, mentor: Member, at: Date): void {
  const key = `${programme} ${mentee.id} ${mentor.id}`;
  if (ctx.rows.shortlist.some((row) => `${programme} ${row.mentee_id} ${row.mentor_id}` === key)) return;
  ctx.rows.shortlist.push({ programme_id: ctx.programmeId(programme), mentee_id: mentee.id, mentor_id: mentor.id, created_at: at });
}

/** A "seeking a mentor" post; open unless `closedAt`. Returns its id and ways to meet, for offers to point at. */
export function seekingPost(ctx: Ctx, programme: ProgrammeKey, mentee: Member, at: Date, closedAt: Date | null = null) {
  const id = uuid();
  const modes = modeIds(ctx, pick([1, 2, 3]));
  ctx.rows.seekingPosts.push({
    id, programme_id: ctx.programmeId(programme), mentee_id: mentee.id, summary: pick(SEEKING_POSTS), meeting_mode_ids: modes,
    status: closedAt ? 'closed' : 'open', created_at: at, closed_at: closedAt,
  });
  return { id, modes };
}

/** Another approved mentor of the programme for this mentee: never a printed login, and with room when the invitation stays open. */
export function otherMentor(ctx: Ctx, programme: ProgrammeKey, mentee: Member, used: Set<string>, at: Date, needsRoom: boolean): Member | undefined {
  const candidates = ctx.pool.mentors[programme].filter((m) => m.id !== mentee.id && !used.has(m.id) && !ctx.pool.printed.has(m.id)
    && m.approvedAt < plusDays(at, -1) && (!needsRoom || hasRoom(ctx.pool, m.id)));
  const mentor = candidates.length > 0 ? pick(candidates) : undefined;
  if (mentor) used.add(mentor.id);
  return mentor;
}

/** The chemistry meeting that became the relationship, working back from the mentor's confirmation. */
function leadUp(ctx: Ctx, r: PlannedRelationship, used: Set<string>): void {
  const start = r.startedAt;
  // Usually two weeks or so from invitation to confirmation; quicker when the pair had less time since their approval.
  const room = (start.getTime() - latest(r.mentee.approvedAt, r.mentor.approvedAt).getTime()) / DAY - 0.5;
  const gaps = [between(0.1, 1.5), between(0.1, 2), between(1, 2), between(4, 8), between(0.2, 3)];
  const total = gaps.reduce((a, b) => a + b, 0);
  const unhurried = room > total + 3;
  const [toConfirm = 1, toChoose = 1, toMark = 1, toMeet = 4, toAnswer = 1] = gaps.map((gap) => (unhurried ? gap : (gap * room) / total));
  const chosenAt = plusDays(start, -toConfirm);
  const metAt = plusDays(chosenAt, -toChoose);
  const meetingAt = unhurried ? workingTime(plusDays(metAt, -toMark)) : plusDays(metAt, -toMark);
  const acceptedAt = plusDays(meetingAt, -toMeet);
  const createdAt = plusDays(acceptedAt, -toAnswer);
  const before = (date: Date) => earliest(latest(date, plusDays(r.mentee.approvedAt, 0.2)), plusDays(createdAt, -0.1));
  let post: { id: string; modes: string[] } | null = null;
  if (r.via === 'mentor') post = seekingPost(ctx, r.programme, r.mentee, before(plusDays(createdAt, -between(2, 10))), start);
  if (r.via === 'admin') {
    ctx.rows.brokerRequests.push({
      id: uuid(), programme_id: ctx.programmeId(r.programme), mentee_id: r.mentee.id, status: 'closed', proposed_mentor_id: r.mentor.id,
      created_at: before(plusDays(createdAt, -between(1, 6))), closed_at: start,
    });
  }
  const actor = r.via === 'mentee' ? r.mentee.id : r.via === 'mentor' ? r.mentor.id : pick(ctx.pool.admins[r.programme]);
  const d = openInvitation(ctx, { programme: r.programme, mentee: r.mentee, mentor: r.mentor, by: r.via, actor, at: createdAt, type: r.type, id: r.invitationId, postId: post?.id, postModes: post?.modes });
  move(d, 'accepted', acceptedAt, answerer(d), { ...meetingDetails(ctx), meeting_starts_at: meetingAt });
  move(d, 'met', metAt, pick([r.mentee.id, r.mentor.id]));
  d.row.chosen_at = chosenAt;
  move(d, 'chosen', start, r.mentor.id);
  if (r.rich || chance(0.5)) reflect(d, 'mentee', plusDays(metAt, between(0.05, 0.5)));
  if (chance(0.35)) reflect(d, 'mentor', plusDays(metAt, between(0.05, 0.5)));
  finish(d);

  // Often another mentor was asked at the same time: they declined, or confirming closed it (invitations/choose-service.ts).
  const isPrintedMentee = r.mentee.id === ctx.idOf(ctx.cast.printed.mentee);
  const outcomes = isPrintedMentee ? ['declined', 'not_chosen'] : chance(0.4) ? [pick(unhurried ? ['declined', 'not_chosen', 'withdrawn'] : ['declined', 'withdrawn'])] : [];
  for (const outcome of outcomes) {
    const at = outcome === 'declined' ? latest(plusDays(createdAt, -between(1, 5)), plusDays(r.mentee.approvedAt, 0.5))
      : outcome === 'withdrawn' ? plusDays(start, -between(1, 5)) : plusDays(createdAt, between(0, 0.1));
    const mentor = otherMentor(ctx, r.programme, r.mentee, used, at, false);
    if (!mentor) continue;
    const side = openInvitation(ctx, { programme: r.programme, mentee: r.mentee, mentor, by: 'mentee', actor: r.mentee.id, type: r.type, at });
    if (outcome === 'declined') decline(side, plusDays(at, between(0.3, 2)));
    else if (outcome === 'withdrawn') move(side, 'withdrawn', start, r.mentor.id);
    else {
      const sideMet = acceptAndMeet(side, plusDays(acceptedAt, between(0, 0.2)), weekdayBefore(meetingAt, 1));
      if (isPrintedMentee) reflect(side, 'mentee', plusDays(sideMet, between(0.05, 0.3)));
      move(side, 'not_chosen', start, r.mentor.id);
    }
    finish(side);
  }
}

export function planChemistry(ctx: Ctx, relationships: PlannedRelationship[]): void {
  const used = new Map<string, Set<string>>();
  const usedFor = (programme: ProgrammeKey, mentee: Member) => {
    const key = `${programme} ${mentee.id}`;
    const set = used.get(key) ?? new Set<string>();
    used.set(key, set);
    return set;
  };
  for (const r of relationships) usedFor(r.programme, r.mentee).add(r.mentor.id);
  for (const r of relationships) leadUp(ctx, r, usedFor(r.programme, r.mentee));
  planSeekers(ctx, relationships, usedFor);
}
