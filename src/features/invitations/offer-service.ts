// A mentor answering a "seeking a mentor" post by offering a chemistry meeting (#ProjectMentorMe).
// The offer is an invitation started by the mentor, answered by the mentee, and it counts against
// the mentee's open-invitation limit from the moment it is made.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import { openInvitationStatuses, type MentoringType } from '../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { InvitationDeps } from './deps.ts';
import type { OfferInput } from './schemas.ts';
import {
  InvitationRefusedError, countMenteeSlots, findMentorAvailability, inTransaction, insertInvitation, mentoringTypeOptions, type MentorAvailability,
} from './create-service.ts';

export interface OfferPage {
  programme: { id: string; name: string };
  post: { id: string; summary: string; createdAt: Date; meetingModeIds: string[] };
  mentee: { id: string; fullName: string };
  mentor: MentorAvailability;
  menteeIsFull: boolean;
  menteeHasMentor: boolean;
  openInvitationId: string | null;
  typeOptions: MentoringType[];
}

export async function getOfferPage(db: Db, actor: Actor, programmeId: string, postId: string): Promise<OfferPage> {
  if (!policies.canActAsMentor(actor, programmeId)) throw new ForbiddenError();
  const post = await db
    .selectFrom('seeking_posts as s')
    .innerJoin('programmes as p', 'p.id', 's.programme_id')
    .innerJoin('users as u', 'u.id', 's.mentee_id')
    .select(['s.id', 's.summary', 's.created_at', 's.meeting_mode_ids', 's.mentee_id', 'u.full_name', 'p.name as programmeName', 'p.mentoring_types'])
    .where('s.id', '=', postId)
    .where('s.programme_id', '=', programmeId)
    .where('s.status', '=', 'open')
    .where('p.archived_at', 'is', null)
    .executeTakeFirst();
  if (!post || post.mentee_id === actor.id) throw new NotFoundError();
  const [mentor, slots, open] = await Promise.all([
    findMentorAvailability(db, programmeId, actor.id),
    countMenteeSlots(db, programmeId, post.mentee_id),
    db.selectFrom('invitations').select('id')
      .where('programme_id', '=', programmeId).where('mentee_id', '=', post.mentee_id).where('mentor_id', '=', actor.id)
      .where('status', 'in', openInvitationStatuses).executeTakeFirst(),
  ]);
  if (!mentor) throw new NotFoundError();
  return {
    programme: { id: programmeId, name: post.programmeName },
    post: { id: post.id, summary: post.summary, createdAt: post.created_at, meetingModeIds: post.meeting_mode_ids },
    mentee: { id: post.mentee_id, fullName: post.full_name },
    mentor,
    menteeIsFull: slots.left === 0,
    menteeHasMentor: slots.hasMentor,
    openInvitationId: open?.id ?? null,
    typeOptions: mentoringTypeOptions(post.mentoring_types, mentor.mentoringTypes),
  };
}

export async function sendOffer(deps: InvitationDeps, actor: Actor, page: OfferPage, input: OfferInput): Promise<string> {
  if (!policies.canActAsMentor(actor, page.programme.id)) throw new ForbiddenError();
  return inTransaction(deps, 'You already have an open chemistry meeting with this person', async (trx) => {
    const post = await trx.selectFrom('seeking_posts').select('id').where('id', '=', page.post.id).where('status', '=', 'open').executeTakeFirst();
    if (!post) throw new InvitationRefusedError('This person has taken their post down, so it can no longer be answered', 'post_closed');
    return insertInvitation(trx, deps, {
      programmeId: page.programme.id, menteeId: page.mentee.id, mentorId: actor.id, initiatedBy: 'mentor', actorId: actor.id,
            // The ways to meet the mentee gave in their post are their preferences for this meeting too.
      message: input.message, mentoringType: input.mentoringType, preferredModeIds: page.post.meetingModeIds, preferredTimes: '', seekingPostId: page.post.id,
    });
  });
}
