// A mentor's profile as members of a programme see it: role, what they offer, how they mentor and
// whether they have room — never their contact details, which only an accepted chemistry
// invitation shares (PRODUCT.md, "who sees what"). The view is built without those fields, so no
// template can show them by mistake.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import { openInvitationStatuses } from '../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { readProfile } from '../mentors/profile-view.ts';
import { paths, shortlistButton, type ShortlistButton } from './cards.ts';
import { capacityInWords } from './words.ts';

export interface PublicMentorProfile {
  mentorId: string;
  name: string;
  jobTitle: string;
  organisation: string;
  town: string;
  profession: string | null;
  band: string | null;
  region: string | null;
  careSetting: string | null;
  yearsExperience: number | null;
  bio: string;
  helpAreas: string[];
  leadershipDimensions: string[];
  languages: string[];
  meetingModes: string[];
  mentoringTypes: string[];
  capacityText: string;
  hasRoom: boolean;
}

export interface MentorProfilePage {
  profile: PublicMentorProfile;
  /** Only for an approved mentee of this programme. */
  shortlist: ShortlistButton | null;
  inviteHref: string | null;
  hasOpenInvitation: boolean;
  searchHref: string;
}

async function approvedProgrammeIds(db: Db, mentorId: string): Promise<string[]> {
  const rows = await db.selectFrom('mentor_applications').select('programme_id').where('user_id', '=', mentorId).where('status', '=', 'approved').execute();
  return rows.map((row) => row.programme_id);
}

export async function getMentorProfilePage(db: Db, actor: Actor, programmeId: string, mentorId: string, returnTo: string): Promise<MentorProfilePage> {
  const programmes = await approvedProgrammeIds(db, mentorId);
  if (!programmes.includes(programmeId)) throw new NotFoundError();
  if (!policies.canViewMentorProfile(actor, { userId: mentorId, approvedProgrammeIds: programmes })) throw new ForbiddenError();

  const [user, profile, counts] = await Promise.all([
    db.selectFrom('users').select(['full_name']).where('id', '=', mentorId).executeTakeFirstOrThrow(),
    // The account email and code name only feed fields this page drops.
    readProfile(db, mentorId, '', ''),
    db
      .selectFrom('users as u')
      .select((eb) => [
        eb.selectFrom('relationships').select((r) => r.fn.countAll<number>().as('n')).where('mentor_id', '=', mentorId).where('status', '=', 'active').as('active'),
        eb.selectFrom('invitations').select((i) => i.fn.countAll<number>().as('n')).where('mentor_id', '=', mentorId).where('status', 'in', ['accepted', 'met']).as('pending'),
        eb
          .selectFrom('invitations')
          .select((i) => i.fn.countAll<number>().as('n'))
          .where('mentor_id', '=', mentorId)
          .where('mentee_id', '=', actor.id)
          .where('status', 'in', [...openInvitationStatuses])
          .as('open_with_actor'),
        eb.selectFrom('shortlist_entries').select((s) => s.fn.countAll<number>().as('n')).where('programme_id', '=', programmeId).where('mentee_id', '=', actor.id).where('mentor_id', '=', mentorId).as('shortlisted'),
      ])
      .where('u.id', '=', mentorId)
      .executeTakeFirstOrThrow(),
  ]);
  const capacity = capacityInWords({ capacity: profile.capacity, activeMentees: Number(counts.active), pendingMentees: Number(counts.pending), isPaused: profile.isPaused });
  const isMentee = policies.canFindMentors(actor, programmeId) && actor.id !== mentorId;
  const hasOpenInvitation = Number(counts.open_with_actor) > 0;
  return {
    profile: {
      mentorId,
      name: user.full_name,
      jobTitle: profile.jobTitle,
      organisation: profile.organisation,
      town: profile.town,
      profession: profile.profession,
      band: profile.band,
      region: profile.region,
      careSetting: profile.careSetting,
      yearsExperience: profile.yearsExperience,
      bio: profile.bio,
      helpAreas: profile.helpAreas,
      leadershipDimensions: profile.leadershipDimensions,
      languages: profile.languages,
      meetingModes: profile.meetingModes,
      mentoringTypes: profile.mentoringTypes,
      capacityText: capacity.text,
      hasRoom: capacity.hasRoom,
    },
    shortlist: isMentee ? shortlistButton(programmeId, mentorId, Number(counts.shortlisted) > 0, returnTo) : null,
    inviteHref: isMentee && capacity.hasRoom && !hasOpenInvitation ? paths.invite(programmeId, mentorId) : null,
    hasOpenInvitation,
    searchHref: paths.search(programmeId),
  };
}
