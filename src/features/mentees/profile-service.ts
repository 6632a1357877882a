// The mentee profile: one per person, shared by every programme they apply to. Seen by the admins
// of those programmes and by mentors the mentee invites; never by their line manager. Retired
// taxonomy terms a profile already holds stay on it, in its forms and through a save.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../db/audit.ts';
import type { TaxonomyName } from '../../db/types.ts';
import { ValidationError, type FieldErrors } from '../../errors.ts';
import { allowedTermIds, labelsFor, listTermsForForms, type TermsByTaxonomy } from '../taxonomies/service.ts';
import type { MentoringInput, PreferenceOption, PreferencesInput, RoleInput } from './schemas.ts';
import type { MenteeDeps, Reader } from './transitions.ts';

export const preferenceLabels: Record<PreferenceOption, string> = {
  other_profession: 'A mentor from another profession',
  other_setting: 'A mentor from another care setting',
  reverse: 'I am open to reverse mentoring (mentoring someone more senior)',
  peer: 'I am open to peer mentoring (with someone at a similar level)',
};

export interface MissingItem {
  text: string;
  href: string;
}

export interface MenteeProfileView {
  exists: boolean;
  jobTitle: string;
  organisation: string;
  profession: string | null;
  band: string | null;
  region: string | null;
  careSetting: string | null;
  goals: string;
  helpAreas: string[];
  meetingModes: string[];
  preferences: string;
  preferenceOptions: string[];
  missing: MissingItem[];
}

interface HeldTerm {
  id: string;
  taxonomy: TaxonomyName;
  label: string;
}

async function loadProfile(db: Reader, userId: string) {
  const [profile, terms] = await Promise.all([
    db.selectFrom('mentee_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('profile_terms as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .select(['t.id', 't.taxonomy', 't.label'])
      .where('pt.user_id', '=', userId)
      .where('pt.side', '=', 'mentee')
      .orderBy('t.sort_order')
      .orderBy('t.label')
      .execute(),
  ]);
  return { profile, terms: terms as HeldTerm[] };
}

type Loaded = Awaited<ReturnType<typeof loadProfile>>;

function heldIds({ profile, terms }: Loaded): string[] {
  const single = profile ? [profile.profession_id, profile.band_id, profile.region_id, profile.care_setting_id] : [];
  return [...single.filter((id): id is string => id !== null), ...terms.map((term) => term.id)];
}

function chosenOptions(profile: Loaded['profile']): PreferenceOption[] {
  if (!profile) return [];
  const flags: [PreferenceOption, boolean][] = [
    ['other_profession', profile.prefers_other_profession], ['other_setting', profile.prefers_other_setting],
    ['reverse', profile.open_to_reverse], ['peer', profile.open_to_peer],
  ];
  return flags.filter(([, on]) => on).map(([option]) => option);
}

function sectionLink(section: 'role' | 'mentoring', field: string, returnTo?: string): string {
  return `/profile/mentee/${section}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}#${field}`;
}

/** The profile as people read it, with what is still needed before applying (linked). */
export async function getMenteeProfileView(db: Reader, userId: string, returnTo?: string): Promise<MenteeProfileView> {
  const loaded = await loadProfile(db, userId);
  const { profile, terms } = loaded;
  const labels = await labelsFor(db, heldIds(loaded));
  const label = (id: string | null | undefined) => (id ? (labels.get(id) ?? null) : null);
  const view: MenteeProfileView = {
    exists: profile !== undefined,
    jobTitle: profile?.job_title ?? '',
    organisation: profile?.organisation ?? '',
    profession: label(profile?.profession_id),
    band: label(profile?.band_id),
    region: label(profile?.region_id),
    careSetting: label(profile?.care_setting_id),
    goals: profile?.goals ?? '',
    helpAreas: terms.filter((term) => term.taxonomy === 'help_area').map((term) => term.label),
    meetingModes: terms.filter((term) => term.taxonomy === 'meeting_mode').map((term) => term.label),
    preferences: profile?.preferences ?? '',
    preferenceOptions: chosenOptions(profile).map((option) => preferenceLabels[option]),
    missing: [],
  };
  const checks: [boolean, string, 'role' | 'mentoring', string][] = [
    [view.jobTitle === '', 'Enter your job title', 'role', 'jobTitle'],
    [view.profession === null, 'Select your profession', 'role', 'professionId'],
    [view.band === null, 'Select your band or grade', 'role', 'bandId'],
    [view.organisation === '', 'Enter the organisation you work for', 'role', 'organisation'],
    [view.region === null, 'Select your region', 'role', 'regionId'],
    [view.careSetting === null, 'Select the care setting you work in', 'role', 'careSettingId'],
    [view.goals === '', 'Enter what you want to gain from mentoring', 'mentoring', 'goals'],
    [view.meetingModes.length === 0, 'Select at least one way you would like to meet', 'mentoring', 'meetingModeIds'],
  ];
  view.missing = checks.filter(([isMissing]) => isMissing).map(([, text, section, field]) => ({ text, href: sectionLink(section, field, returnTo) }));
  return view;
}

/** What the edit forms start with, and the terms they offer (active ones, plus retired ones held). */
export async function getMenteeProfileForm(db: Reader, userId: string): Promise<{ values: Record<string, unknown>; terms: TermsByTaxonomy }> {
  const loaded = await loadProfile(db, userId);
  const { profile, terms } = loaded;
  return {
    terms: await listTermsForForms(db, heldIds(loaded)),
    values: {
      jobTitle: profile?.job_title ?? '',
      professionId: profile?.profession_id ?? '',
      bandId: profile?.band_id ?? '',
      organisation: profile?.organisation ?? '',
      regionId: profile?.region_id ?? '',
      careSettingId: profile?.care_setting_id ?? '',
      goals: profile?.goals ?? '',
      helpAreaIds: terms.filter((term) => term.taxonomy === 'help_area').map((term) => term.id),
      meetingModeIds: terms.filter((term) => term.taxonomy === 'meeting_mode').map((term) => term.id),
      preferences: profile?.preferences ?? '',
      options: chosenOptions(profile),
    },
  };
}

/** Adds a field error for every id that is not an allowed term of its taxonomy (forged or retired). */
async function checkTerms(db: Reader, held: string[], errors: FieldErrors, checks: [TaxonomyName, string[], string, string][]): Promise<void> {
  for (const [taxonomy, ids, field, message] of checks) {
    const allowed = await allowedTermIds(db, taxonomy, ids, held);
    if (ids.some((id) => !allowed.has(id))) errors[field] = message;
  }
}

async function upsertProfile(deps: MenteeDeps, actor: Actor, section: string, values: Record<string, string | boolean>, terms?: { taxonomies: TaxonomyName[]; ids: string[] }) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mentee_profiles')
      .values({ user_id: actor.id, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
    if (terms) {
      await trx
        .deleteFrom('profile_terms')
        .where('user_id', '=', actor.id)
        .where('side', '=', 'mentee')
        .where('term_id', 'in', (eb) => eb.selectFrom('taxonomy_terms').select('id').where('taxonomy', 'in', terms.taxonomies))
        .execute();
      const unique = [...new Set(terms.ids)];
      if (unique.length > 0) {
        await trx.insertInto('profile_terms').values(unique.map((termId) => ({ user_id: actor.id, side: 'mentee' as const, term_id: termId }))).execute();
      }
    }
    await recordAudit(trx, { actorId: actor.id, action: 'mentee_profile.updated', subjectType: 'user', subjectId: actor.id, details: { section } });
  });
}

export async function saveMenteeRole(deps: MenteeDeps, actor: Actor, input: RoleInput): Promise<void> {
  const held = heldIds(await loadProfile(deps.db, actor.id));
  const errors: FieldErrors = {};
  await checkTerms(deps.db, held, errors, [
    ['profession', [input.professionId], 'professionId', 'Select your profession'],
    ['band', [input.bandId], 'bandId', 'Select your band or grade'],
    ['region', [input.regionId], 'regionId', 'Select your region'],
    ['care_setting', [input.careSettingId], 'careSettingId', 'Select the care setting you work in'],
  ]);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  await upsertProfile(deps, actor, 'role', {
    job_title: input.jobTitle, organisation: input.organisation, profession_id: input.professionId, band_id: input.bandId,
    region_id: input.regionId, care_setting_id: input.careSettingId,
  });
}

export async function saveMenteeMentoring(deps: MenteeDeps, actor: Actor, input: MentoringInput): Promise<void> {
  const held = heldIds(await loadProfile(deps.db, actor.id));
  const errors: FieldErrors = {};
  await checkTerms(deps.db, held, errors, [
    ['help_area', input.helpAreaIds, 'helpAreaIds', 'Select areas from the list'],
    ['meeting_mode', input.meetingModeIds, 'meetingModeIds', 'Select how you would like to meet from the list'],
  ]);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  await upsertProfile(deps, actor, 'mentoring', { goals: input.goals }, { taxonomies: ['help_area', 'meeting_mode'], ids: [...input.helpAreaIds, ...input.meetingModeIds] });
}

export async function saveMenteePreferences(deps: MenteeDeps, actor: Actor, input: PreferencesInput): Promise<void> {
  const on = (option: PreferenceOption) => input.options.includes(option);
  await upsertProfile(deps, actor, 'preferences', {
    preferences: input.preferences, prefers_other_profession: on('other_profession'), prefers_other_setting: on('other_setting'),
    open_to_reverse: on('reverse'), open_to_peer: on('peer'),
  });
}
