// The chemistry meeting that became each demo relationship, worked back from the mentor's
// confirmation: the post or brokering request it came from, the invitation accepted, met and
// chosen, the reflections on it, and often another invitation the choice closed
// (invitations/choose-service.ts).
import { between, chance, DAY, earliest, latest, pick, plusDays, uuid, workingTime } from '../helpers.ts';
import type { Ctx, PlannedRelationship } from '../mentoring-plan.ts';
import { acceptAndMeet, answerer, decline, finish, meetingDetails, move, openInvitation, reflect, weekdayBefore } from './invitations.ts';
import { otherMentor, seekingPost } from './looking.ts';

/** The chemistry meeting that became the relationship, working back from the mentor's confirmation. */
export function leadUp(ctx: Ctx, r: PlannedRelationship, used: Set<string>): void {
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
