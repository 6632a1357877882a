// A mentor profile as pages show it: labels instead of ids, and what is still missing before the
// person can apply. Shared by the mentor's own pages and the programme admin's applicant page.
import type { Db } from '../../db/connection.ts';
import type { MentoringType, TaxonomyName } from '../../db/types.ts';
import { labelsFor } from '../taxonomies/service.ts';
import { mentoringTypeLabels } from './statuses.ts';
import { paths } from './deps.ts';

export interface ProfileView {
  exists: boolean;
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
  capacity: number;
  isPaused: boolean;
  contactEmail: string;
  contactPhone: string | null;
  ethicsAcceptedAt: Date | null;
  ethicsCodeName: string | null;
  /** Accepted the code of ethics as it is named now (a changed code needs agreeing again). */
  hasAcceptedCurrentCode: boolean;
}

const MULTI: Partial<Record<TaxonomyName, 'helpAreas' | 'leadershipDimensions' | 'languages' | 'meetingModes'>> = {
  help_area: 'helpAreas',
  leadership_dimension: 'leadershipDimensions',
  language: 'languages',
  meeting_mode: 'meetingModes',
};

export async function readProfile(db: Db, userId: string, accountEmail: string, currentCodeName: string): Promise<ProfileView> {
  const [row, terms] = await Promise.all([
    db.selectFrom('mentor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('profile_terms as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .select(['t.taxonomy', 't.label'])
      .where('pt.user_id', '=', userId)
      .where('pt.side', '=', 'mentor')
      .orderBy('t.sort_order')
      .orderBy('t.label')
      .execute(),
  ]);
  const labels = await labelsFor(db, [row?.profession_id ?? null, row?.band_id ?? null, row?.region_id ?? null, row?.care_setting_id ?? null]);
  const label = (id: string | null | undefined) => (id ? (labels.get(id) ?? null) : null);
  const multi = { helpAreas: [] as string[], leadershipDimensions: [] as string[], languages: [] as string[], meetingModes: [] as string[] };
  for (const term of terms) {
    const key = MULTI[term.taxonomy];
    if (key) multi[key].push(term.label);
  }
  const types = (['traditional', 'reverse', 'peer'] as const).filter((type: MentoringType) => row?.mentoring_types.includes(type));
  return {
    exists: row !== undefined,
    jobTitle: row?.job_title ?? '',
    organisation: row?.organisation ?? '',
    town: row?.town ?? '',
    profession: label(row?.profession_id),
    band: label(row?.band_id),
    region: label(row?.region_id),
    careSetting: label(row?.care_setting_id),
    yearsExperience: row?.years_experience ?? null,
    bio: row?.bio ?? '',
    ...multi,
    mentoringTypes: types.map((type) => mentoringTypeLabels[type].text),
    capacity: row?.capacity ?? 1,
    isPaused: row?.is_paused ?? false,
    contactEmail: row?.contact_email ?? accountEmail,
    contactPhone: row?.contact_phone ?? null,
    ethicsAcceptedAt: row?.ethics_code_accepted_at ?? null,
    ethicsCodeName: row?.ethics_code_name ?? null,
    hasAcceptedCurrentCode: row?.ethics_code_accepted_at != null && row.ethics_code_name === currentCodeName,
  };
}

export interface MissingItem {
  text: string;
  href: string;
}

/** What the person must still add before they can submit an application, each linking to its page. */
export function listMissing(profile: ProfileView, trainingCount: number): MissingItem[] {
  const missing: MissingItem[] = [];
  const add = (isMissing: boolean, text: string, href: string) => {
    if (isMissing) missing.push({ text, href });
  };
  add(profile.jobTitle === '', 'Add your job title', `${paths.profile}/role`);
  add(profile.profession === null, 'Add your profession', `${paths.profile}/role`);
  add(profile.region === null, 'Add your region', `${paths.profile}/role`);
  add(profile.bio === '', 'Say something about you as a mentor', `${paths.profile}/offer`);
  add(profile.helpAreas.length === 0, 'Add the areas you can help with', `${paths.profile}/offer`);
  add(trainingCount === 0, 'Add at least one training record', `${paths.training}/new`);
  add(!profile.hasAcceptedCurrentCode, 'Agree to work to the code of ethics', `${paths.profile}/ethics`);
  return missing;
}
