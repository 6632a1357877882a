// The mentee's invitation to a mentor: the page (with how many invitations are left, and why the
// form is not offered when it cannot succeed) and sending it.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import { openInvitationStatuses, type MentoringType } from '../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { listTermsForForms } from '../taxonomies/service.ts';
import type { InvitationDeps } from './deps.ts';
import type { InviteInput } from './schemas.ts';
import { countMenteeSlots, findMentorAvailability, inTransaction, insertInvitation, mentoringTypeOptions, slotsText, type MenteeSlots, type MentorAvailability } from './create-service.ts';

export interface InvitePage {
  programme: { id: string; name: string };
  mentor: MentorAvailability & { id: string; jobTitle: string; organisation: string };
  slots: MenteeSlots;
  slotsText: string;
  openInvitationId: string | null;
  typeOptions: MentoringType[];
  modes: { id: string; label: string }[];
}

export async function getInvitePage(db: Db, actor: Actor, programmeId: string, mentorId: string): Promise<InvitePage> {
  if (!policies.canFindMentors(actor, programmeId)) throw new ForbiddenError();
  const [programme, mentor, profile, slots, open, terms] = await Promise.all([
    db.selectFrom('programmes').select(['id', 'name', 'mentoring_types']).where('id', '=', programmeId).where('archived_at', 'is', null).executeTakeFirst(),
    findMentorAvailability(db, programmeId, mentorId),
    db.selectFrom('mentor_profiles').select(['job_title', 'organisation']).where('user_id', '=', mentorId).executeTakeFirst(),
    countMenteeSlots(db, programmeId, actor.id),
    db.selectFrom('invitations').select('id')
      .where('programme_id', '=', programmeId).where('mentee_id', '=', actor.id).where('mentor_id', '=', mentorId)
      .where('status', 'in', openInvitationStatuses).executeTakeFirst(),
    listTermsForForms(db),
  ]);
  if (!programme || !mentor || !profile || mentorId === actor.id) throw new NotFoundError();
  return {
    programme: { id: programme.id, name: programme.name },
    mentor: { ...mentor, id: mentorId, jobTitle: profile.job_title, organisation: profile.organisation },
    slots,
    slotsText: slotsText(slots),
    openInvitationId: open?.id ?? null,
    typeOptions: mentoringTypeOptions(programme.mentoring_types, mentor.mentoringTypes),
    modes: terms.meeting_mode.map((term) => ({ id: term.id, label: term.label })),
  };
}

export async function sendInvitation(deps: InvitationDeps, actor: Actor, page: InvitePage, input: InviteInput): Promise<string> {
  if (!policies.canFindMentors(actor, page.programme.id)) throw new ForbiddenError();
  return inTransaction(deps, `You already have an open invitation to ${page.mentor.fullName}`, (trx) =>
    insertInvitation(trx, deps, {
      programmeId: page.programme.id, menteeId: actor.id, mentorId: page.mentor.id, initiatedBy: 'mentee', actorId: actor.id,
      message: input.message, mentoringType: input.mentoringType, preferredModeIds: input.meetingModes, preferredTimes: input.preferredTimes, seekingPostId: null,
    }),
  );
}
