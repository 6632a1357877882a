// Reads approved mentors of a programme from PostgreSQL into index entries. One query per
// programme at start; one per mentor when a change notification arrives.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { TaxonomyName } from '../db/types.ts';
import { newBitSet, setBit } from './bitset.ts';
import { mentoringTypeBits, type IndexedMentor } from './search-types.ts';
import type { TermCodes } from './term-codes.ts';

const MULTI: TaxonomyName[] = ['help_area', 'meeting_mode', 'language', 'leadership_dimension'];

export async function loadApprovedMentors(db: Db, programmeId: string, codes: TermCodes, onlyUserIds?: string[]): Promise<IndexedMentor[]> {
  let query = db
    .selectFrom('mentor_applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('mentor_profiles as p', 'p.user_id', 'a.user_id')
    .select([
      'u.id', 'u.full_name', 'p.job_title', 'p.organisation', 'p.town', 'p.bio', 'p.profession_id', 'p.band_id', 'p.region_id', 'p.care_setting_id',
      'p.mentoring_types', 'p.capacity', 'p.is_paused',
      sql<{ taxonomy: TaxonomyName; id: string; label: string }[]>`coalesce((
        select json_agg(json_build_object('taxonomy', t.taxonomy, 'id', t.id, 'label', t.label))
        from profile_terms pt join taxonomy_terms t on t.id = pt.term_id
        where pt.user_id = u.id and pt.side = 'mentor'), '[]')`.as('terms'),
      sql<number>`(select count(*) from relationships r where r.mentor_id = u.id and r.status = 'active')`.as('active'),
      sql<number>`(select count(*) from invitations i where i.mentor_id = u.id and i.status in ('accepted', 'met'))`.as('pending'),
    ])
    .where('a.programme_id', '=', programmeId)
    .where('a.status', '=', 'approved');
  if (onlyUserIds) query = query.where('u.id', 'in', onlyUserIds.length > 0 ? onlyUserIds : ['00000000-0000-0000-0000-000000000000']);
  const rows = await query.execute();

  return rows.map((row) => {
    const sets = Object.fromEntries(MULTI.map((taxonomy) => [taxonomy, newBitSet(codes.size(taxonomy))]));
    const words: string[] = [row.job_title, row.organisation, row.bio];
    for (const term of row.terms) {
      const set = sets[term.taxonomy];
      if (set) setBit(set, codes.code(term.id));
      if (term.taxonomy === 'help_area' || term.taxonomy === 'leadership_dimension') words.push(term.label);
    }
    const empty = newBitSet(1);
    return {
      userId: row.id,
      fullName: row.full_name,
      jobTitle: row.job_title,
      organisation: row.organisation,
      town: row.town,
      bio: row.bio,
      traits: {
        helpAreas: sets.help_area ?? empty,
        meetingModes: sets.meeting_mode ?? empty,
        professionId: codes.code(row.profession_id),
        careSettingId: codes.code(row.care_setting_id),
        regionId: codes.code(row.region_id),
        bandRank: codes.rank(row.band_id),
        bandId: codes.code(row.band_id),
      },
      languages: sets.language ?? empty,
      dimensions: sets.leadership_dimension ?? empty,
      mentoringTypes: row.mentoring_types.reduce((bits, type) => bits | mentoringTypeBits[type], 0),
      capacity: row.capacity,
      activeMentees: row.active,
      pendingMentees: row.pending,
      isPaused: row.is_paused,
      searchText: words.join(' '),
    };
  });
}
