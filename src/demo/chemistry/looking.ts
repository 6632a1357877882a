// What mentees leave behind while looking for a mentor: shortlists and "seeking a mentor" posts;
// and the choice of another mentor for them, as the product allows one (approved, not a printed
// login, with room when the invitation stays open).
import { hasRoom, modeIds, pick, plusDays, uuid } from '../helpers.ts';
import type { Ctx, Member } from '../mentoring-plan.ts';
import type { ProgrammeKey } from '../plan.ts';
import { SEEKING_POSTS } from './text.ts';

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
