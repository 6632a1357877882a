// The small stories of demo mentees still looking for a mentor: each leaves their invitations in one
// of the states a real programme has at any moment (waiting for answers, a meeting booked, met and
// deciding, chosen and waiting for the mentor to confirm, a post with offers, an admin asked to help
// or proposing someone), after the declined, expired, withdrawn, cancelled and not chosen ones that
// came before. Never more open invitations than the programme allows (3), at most one per pair.
import { between, chance, earliest, latest, pick, plusDays, uuid, workingTime } from '../helpers.ts';
import type { Ctx, Member } from '../mentoring-plan.ts';
import type { ProgrammeKey } from '../plan.ts';
import { accept, acceptAndMeet, cancel, decline, expire, finish, move, openInvitation, reflect, type Draft } from './invitations.ts';
import { otherMentor, seekingPost, shortlist } from './looking.ts';
import { NOT_CONTINUING_MESSAGES, OFFER_DECLINE_MESSAGES, WITHDRAW_MESSAGES } from './text.ts';

export type Story = 'pending' | 'expiredThenPending' | 'accepted' | 'met' | 'chosen' | 'offer' | 'brokerOpen' | 'brokerProposed' | 'cancelled' | 'notChosen'
  | 'postOnly' | 'offerWithdrawn';

export interface Seeker {
  ctx: Ctx;
  programme: ProgrammeKey;
  mentee: Member;
  used: Set<string>;
  /** When this story can begin: after the mentee's approval, within the last month. */
  from: Date;
  days: number;
  /** Fixed mentor for the story's first invitation (the printed mentor). */
  mentor?: Member;
}

/** A day between `from` and `to` days into the seeker's window (fractions of it). */
const within = (s: Seeker, from: number, to: number) => plusDays(s.from, s.days * between(from, to));
const ago = (s: Seeker, min: number, max: number) => plusDays(s.ctx.now, -between(min, Math.min(max, s.days - 0.5)));

/** An invitation from the mentee (or `by` someone else), to the fixed mentor or another with room if it stays open. */
function invite(s: Seeker, at: Date, stayOpen: boolean, extra: { by?: 'mentor' | 'admin'; post?: { id: string; modes: string[] } } = {}): Draft | null {
  const fixed = s.mentor;
  s.mentor = undefined;
  const mentor = fixed ?? otherMentor(s.ctx, s.programme, s.mentee, s.used, at, stayOpen);
  if (!mentor) return null;
  const by = extra.by ?? 'mentee';
  const actor = by === 'mentee' ? s.mentee.id : by === 'mentor' ? mentor.id : pick(s.ctx.pool.admins[s.programme]);
  const d = openInvitation(s.ctx, { programme: s.programme, mentee: s.mentee, mentor, by, actor, at, postId: extra.post?.id, postModes: extra.post?.modes });
  // Mentees usually shortlist someone before inviting them.
  if (by === 'mentee' && chance(0.7)) shortlist(s.ctx, s.programme, s.mentee, mentor, latest(plusDays(at, -between(0.1, 3)), s.from));
  return d;
}

/** Runs `step` on the invitation if a mentor could be found, then stores it. */
function done(d: Draft | null, step: (d: Draft) => void = () => undefined): void {
  if (!d) return;
  step(d);
  finish(d);
}

export function tell(s: Seeker, story: Story): void {
  const { ctx } = s;
  // Invited ten days or more ago (ago(s, 10, 12)), so the meeting a few days ago came after the answer.
  const met = (d: Draft, daysAgo: [number, number]) => acceptAndMeet(d, plusDays(d.row.created_at, between(0.2, 1.5)), workingTime(plusDays(ctx.now, -between(...daysAgo))));
  switch (story) {
    case 'pending':
      done(invite(s, ago(s, 0.2, 6.5), true));
      done(invite(s, ago(s, 0.2, 6.5), true));
      return;
    case 'expiredThenPending':
      done(invite(s, within(s, 0, 0.3), false), expire);
      done(invite(s, ago(s, 0.2, 5), true));
      return;
    case 'accepted':
      done(invite(s, within(s, 0, 0.3), false), (d) => decline(d, plusDays(d.row.created_at, between(0.3, 3))));
      done(invite(s, ago(s, 3, 8), true), (d) => accept(d, plusDays(d.row.created_at, between(0.2, 1.5)), ctx.now, [1.5, 10]));
      return;
    case 'met':
      done(invite(s, ago(s, 10, 12), true), (d) => reflect(d, 'mentee', plusDays(met(d, [1, 4]), between(0.05, 0.5))));
      done(invite(s, ago(s, 10, 12), true), (d) => met(d, [1, 4]));
      return;
    case 'chosen':
      done(invite(s, ago(s, 10, 12), true), (d) => {
        const metAt = met(d, [2, 4]);
        d.row.chosen_at = earliest(plusDays(metAt, between(0.1, 1)), ctx.now);
        reflect(d, 'mentee', plusDays(metAt, between(0.05, 0.2)));
        reflect(d, 'mentor', plusDays(metAt, between(0.05, 0.5)));
      });
      done(invite(s, ago(s, 10, 12), true), (d) => met(d, [1, 3]));
      return;
    case 'offer': {
      const post = seekingPost(ctx, s.programme, s.mentee, ago(s, 8, 20));
      const mine = s.mentor;
      s.mentor = undefined;
      const postedAt = ctx.rows.seekingPosts.at(-1)?.created_at;
      const posted = postedAt instanceof Date ? postedAt : ctx.now;
      done(invite(s, plusDays(posted, between(0.2, 2)), false, { by: 'mentor', post }), (d) => move(d, 'declined', plusDays(d.row.created_at, between(0.2, 2)), s.mentee.id, { closing_message: pick(OFFER_DECLINE_MESSAGES) || null }));
      s.mentor = mine;
      done(invite(s, latest(plusDays(posted, 1), ago(s, 0.2, 5)), true, { by: 'mentor', post }));
      return;
    }
    case 'brokerOpen':
      done(invite(s, within(s, 0, 0.25), false), expire);
      done(invite(s, within(s, 0.3, 0.5), false), (d) => decline(d, plusDays(d.row.created_at, between(0.3, 2))));
      ctx.rows.brokerRequests.push({ id: uuid(), programme_id: ctx.programmeId(s.programme), mentee_id: s.mentee.id, status: 'open', created_at: ago(s, 1, 6) });
      return;
    case 'brokerProposed': {
      done(invite(s, within(s, 0, 0.3), false), (d) => decline(d, plusDays(d.row.created_at, between(0.3, 2))));
      const proposedAt = ago(s, 0.3, 5);
      const d = invite(s, proposedAt, true, { by: 'admin' });
      if (!d) return;
      ctx.rows.brokerRequests.push({
        id: uuid(), programme_id: ctx.programmeId(s.programme), mentee_id: s.mentee.id, status: 'proposed', proposed_mentor_id: d.row.mentor_id,
        created_at: latest(plusDays(proposedAt, -between(0.5, 4)), s.from),
      });
      finish(d);
      return;
    }
    case 'cancelled':
      done(invite(s, within(s, 0, 0.2), false), (d) => {
        const acceptedAt = plusDays(d.row.created_at, between(0.3, 1.5));
        accept(d, acceptedAt, acceptedAt, [4, 8]);
        cancel(d, plusDays(acceptedAt, between(0.3, 0.9)));
      });
      done(invite(s, within(s, 0.3, 0.5), false), (d) => move(d, 'withdrawn', plusDays(d.row.created_at, between(0.5, 3)), s.mentee.id, { closing_message: pick(WITHDRAW_MESSAGES) || null }));
      done(invite(s, ago(s, 0.2, 4), true));
      return;
    case 'notChosen':
      done(invite(s, within(s, 0, 0.1), false), (d) => {
        const metAt = acceptAndMeet(d, plusDays(d.row.created_at, between(0.3, 0.9)), workingTime(plusDays(d.row.created_at, 4)));
        move(d, 'not_chosen', plusDays(metAt, between(0.3, 1.5)), s.mentee.id);
      });
      done(invite(s, within(s, 0.1, 0.2), false), (d) => {
        const metAt = acceptAndMeet(d, plusDays(d.row.created_at, between(0.3, 0.9)), workingTime(plusDays(d.row.created_at, 4)));
        d.row.chosen_at = plusDays(metAt, between(0.1, 0.5));
        move(d, 'not_chosen', plusDays(metAt, between(0.6, 2)), d.row.mentor_id, { closing_message: pick(NOT_CONTINUING_MESSAGES) });
      });
      done(invite(s, ago(s, 1, 4), true), (d) => accept(d, earliest(plusDays(d.row.created_at, between(0.2, 1)), ctx.now), ctx.now, [2, 9]));
      return;
    case 'postOnly':
      seekingPost(ctx, s.programme, s.mentee, ago(s, 1, 10));
      return;
    case 'offerWithdrawn': {
      const post = seekingPost(ctx, s.programme, s.mentee, ago(s, 6, 15));
      const postedAt = ctx.rows.seekingPosts.at(-1)?.created_at;
      const posted = postedAt instanceof Date ? postedAt : ctx.now;
      done(invite(s, plusDays(posted, between(0.2, 1)), false, { by: 'mentor', post }), (d) => move(d, 'withdrawn', plusDays(d.row.created_at, between(0.5, 3)), d.row.mentor_id, { closing_message: pick(WITHDRAW_MESSAGES) || null }));
      return;
    }
  }
}
