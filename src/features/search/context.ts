// Everything a search needs to know about the mentee, in one database round trip: their profile
// and its answers (what the ranking compares mentors with), the types of mentoring the programme
// offers, the mentors they are already in touch with (never offered again) and their shortlist.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { openInvitationStatuses, type MentoringType, type TaxonomyName } from '../../db/types.ts';
import { newBitSet, setBit } from '../../matching/bitset.ts';
import type { MenteeNeeds } from '../../matching/scoring.ts';
import type { TermCodes } from '../../matching/term-codes.ts';
import { NotFoundError } from '../../errors.ts';

export interface MenteeProfileFacts {
  professionId: string | null;
  bandId: string | null;
  regionId: string | null;
  careSettingId: string | null;
  prefersOtherProfession: boolean;
  prefersOtherSetting: boolean;
  openToReverse: boolean;
  openToPeer: boolean;
  terms: { id: string; taxonomy: TaxonomyName }[];
}

export interface SearchContext {
  programmeTypes: MentoringType[];
  profile: MenteeProfileFacts;
  /** Mentors with an open invitation or an active relationship with this mentee. */
  inTouchWith: string[];
  shortlisted: Set<string>;
}

const noProfile: MenteeProfileFacts = {
  professionId: null, bandId: null, regionId: null, careSettingId: null,
  prefersOtherProfession: false, prefersOtherSetting: false, openToReverse: false, openToPeer: false, terms: [],
};

export async function loadSearchContext(db: Db, menteeId: string, programmeId: string): Promise<SearchContext> {
  // Invitations and relationships count in any programme: someone the mentee is already talking
  // to, or being mentored by, elsewhere is not a new suggestion here either.
  const row = await db
    .selectFrom('programmes as pr')
    .leftJoin('mentee_profiles as p', (join) => join.on('p.user_id', '=', menteeId))
    .select([
      'pr.mentoring_types', 'p.user_id as profile_user_id', 'p.profession_id', 'p.band_id', 'p.region_id', 'p.care_setting_id',
      'p.prefers_other_profession', 'p.prefers_other_setting', 'p.open_to_reverse', 'p.open_to_peer',
      sql<{ id: string; taxonomy: TaxonomyName }[]>`coalesce((
        select json_agg(json_build_object('id', t.id, 'taxonomy', t.taxonomy))
        from profile_terms pt join taxonomy_terms t on t.id = pt.term_id
        where pt.user_id = ${menteeId} and pt.side = 'mentee'), '[]')`.as('terms'),
      sql<string[]>`array(
        select i.mentor_id from invitations i where i.mentee_id = ${menteeId} and i.status in (${sql.join([...openInvitationStatuses])})
        union
        select r.mentor_id from relationships r where r.mentee_id = ${menteeId} and r.status = 'active')`.as('in_touch_with'),
      sql<string[]>`array(select s.mentor_id from shortlist_entries s where s.mentee_id = ${menteeId} and s.programme_id = pr.id)`.as('shortlisted'),
    ])
    .where('pr.id', '=', programmeId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  const profile: MenteeProfileFacts = row.profile_user_id === null ? noProfile : {
    professionId: row.profession_id,
    bandId: row.band_id,
    regionId: row.region_id,
    careSettingId: row.care_setting_id,
    prefersOtherProfession: row.prefers_other_profession === true,
    prefersOtherSetting: row.prefers_other_setting === true,
    openToReverse: row.open_to_reverse === true,
    openToPeer: row.open_to_peer === true,
    terms: row.terms,
  };
  return { programmeTypes: row.mentoring_types, profile, inTouchWith: row.in_touch_with, shortlisted: new Set(row.shortlisted) };
}

/**
 * The kinds of mentoring this mentee may be offered here: what the programme offers, and of that,
 * traditional always, reverse and peer only if their profile says they are open to it. Asking for a
 * type with the filter counts as being open to it. A mentee who joined a programme offering only
 * kinds they did not tick has still asked for those by joining.
 */
export function acceptableTypes(context: SearchContext, asked: MentoringType | undefined): MentoringType[] {
  if (asked && context.programmeTypes.includes(asked)) return [asked];
  const open: Record<MentoringType, boolean> = { traditional: true, reverse: context.profile.openToReverse, peer: context.profile.openToPeer };
  const types = context.programmeTypes.filter((type) => open[type]);
  return types.length > 0 ? types : context.programmeTypes;
}

/** The mentee's side of the fit score (matching/scoring.ts), from their own profile. */
export function menteeNeeds(context: SearchContext, codes: TermCodes, asked: MentoringType | undefined): MenteeNeeds {
  const { profile } = context;
  const helpAreas = newBitSet(codes.size('help_area'));
  const meetingModes = newBitSet(codes.size('meeting_mode'));
  for (const term of profile.terms) {
    if (term.taxonomy === 'help_area') setBit(helpAreas, codes.code(term.id));
    if (term.taxonomy === 'meeting_mode') setBit(meetingModes, codes.code(term.id));
  }
  const types = acceptableTypes(context, asked);
  return {
    helpAreas,
    meetingModes,
    professionId: codes.code(profile.professionId),
    careSettingId: codes.code(profile.careSettingId),
    regionId: codes.code(profile.regionId),
    bandRank: codes.rank(profile.bandId),
    prefersOtherProfession: profile.prefersOtherProfession,
    prefersOtherSetting: profile.prefersOtherSetting,
    mentoringType: types[0] ?? context.programmeTypes[0] ?? 'traditional',
  };
}
