// The mentor profile: one per person, shared by every programme they join as a mentor. Sections
// are saved one at a time (each its own transaction with its audit row); many-valued answers live
// in profile_terms (side 'mentor'). A retired taxonomy term stays on the profiles that have it and
// stays offered in their forms, so saving an old profile never drops it silently.
import { sql, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, MentorProfilesTable, TaxonomyName } from '../../db/types.ts';
import { recordAudit } from '../../db/audit.ts';
import { ValidationError } from '../../errors.ts';
import { allowedTermIds, listTermsForForms, type TermsByTaxonomy } from '../taxonomies/service.ts';
import { getPlatformSettings, type PlatformSettings } from '../taxonomies/settings-service.ts';
import type { MentorDeps } from './deps.ts';
import type { CapacityInput, ContactInput, OfferInput, RoleInput } from './profile-schemas.ts';
import { listMissing, readProfile, type MissingItem, type ProfileView } from './profile-view.ts';
import { listTraining, type TrainingRecordView } from './training-service.ts';

type Executor = Db | Transaction<Database>;
export type ProfileSection = 'role' | 'offer' | 'capacity' | 'contact' | 'ethics';

/** The profile's own row (or the defaults of one not yet saved) and its held term ids. */
async function heldTermIds(db: Executor, userId: string): Promise<{ id: string; taxonomy: TaxonomyName }[]> {
  return db
    .selectFrom('profile_terms as pt')
    .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
    .select(['t.id', 't.taxonomy'])
    .where('pt.user_id', '=', userId)
    .where('pt.side', '=', 'mentor')
    .execute();
}

async function profileRow(db: Executor, userId: string) {
  return db.selectFrom('mentor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export interface SectionForm {
  values: Record<string, unknown>;
  terms: TermsByTaxonomy;
}

/** The values a section's form starts with, and the terms it offers (plus retired ones held). */
export async function getSectionForm(db: Db, actor: Actor, section: ProfileSection): Promise<SectionForm> {
  const [row, held] = await Promise.all([profileRow(db, actor.id), heldTermIds(db, actor.id)]);
  const single = [row?.profession_id, row?.band_id, row?.region_id, row?.care_setting_id].filter((id): id is string => typeof id === 'string');
  const terms = await listTermsForForms(db, [...single, ...held.map((term) => term.id)]);
  const of = (taxonomy: TaxonomyName) => held.filter((term) => term.taxonomy === taxonomy).map((term) => term.id);
  const values: Record<ProfileSection, Record<string, unknown>> = {
    role: {
      jobTitle: row?.job_title, profession: row?.profession_id, band: row?.band_id, organisation: row?.organisation,
      region: row?.region_id, careSetting: row?.care_setting_id, town: row?.town,
      yearsExperience: row?.years_experience === null || row?.years_experience === undefined ? '' : String(row.years_experience),
    },
    offer: {
      bio: row?.bio, helpAreas: of('help_area'), leadershipDimensions: of('leadership_dimension'), languages: of('language'),
      mentoringTypes: row?.mentoring_types ?? [], meetingModes: of('meeting_mode'),
    },
    capacity: { capacity: String(row?.capacity ?? 1), availability: row?.is_paused ? 'paused' : 'open' },
    contact: { contactEmail: row?.contact_email ?? actor.email, contactPhone: row?.contact_phone ?? '' },
    ethics: { agree: [] },
  };
  return { values: values[section], terms };
}

/** Checks chosen ids against what the person may pick: active terms, or retired ones they hold. */
async function checkTerms(trx: Executor, taxonomy: TaxonomyName, ids: string[], held: string[], field: string, message: string, errors: Record<string, string>) {
  const allowed = await allowedTermIds(trx, taxonomy, ids, held);
  if (ids.some((id) => !allowed.has(id))) errors[field] = message;
}

async function saveProfile(trx: Transaction<Database>, actor: Actor, section: ProfileSection, changes: Omit<Updateable<MentorProfilesTable>, 'user_id' | 'updated_at'>) {
  await trx
    .insertInto('mentor_profiles')
    .values({ user_id: actor.id, ...changes })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...changes, updated_at: sql`now()` }))
    .execute();
  await recordAudit(trx, { actorId: actor.id, action: 'mentor_profile.updated', subjectType: 'mentor_profile', subjectId: actor.id, details: { section } });
}

export async function saveRole(deps: MentorDeps, actor: Actor, input: RoleInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('mentor_profiles').selectAll().where('user_id', '=', actor.id).forUpdate().executeTakeFirst();
    const errors: Record<string, string> = {};
    const single: [TaxonomyName, string, string | null | undefined, string, string][] = [
      ['profession', input.profession, row?.profession_id, 'profession', 'Select your profession'],
      ['band', input.band, row?.band_id, 'band', 'Select your band or grade'],
      ['region', input.region, row?.region_id, 'region', 'Select your region'],
      ['care_setting', input.careSetting, row?.care_setting_id, 'careSetting', 'Select the care setting you work in'],
    ];
    for (const [taxonomy, id, current, field, message] of single) await checkTerms(trx, taxonomy, [id], current ? [current] : [], field, message, errors);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    await saveProfile(trx, actor, 'role', {
      job_title: input.jobTitle, profession_id: input.profession, band_id: input.band, organisation: input.organisation,
      region_id: input.region, care_setting_id: input.careSetting, town: input.town, years_experience: input.yearsExperience,
    });
  });
}

const OFFER_TAXONOMIES: [TaxonomyName, keyof OfferInput, string][] = [
  ['help_area', 'helpAreas', 'Select areas you can help with from the list'],
  ['leadership_dimension', 'leadershipDimensions', 'Select leadership dimensions from the list'],
  ['language', 'languages', 'Select languages from the list'],
  ['meeting_mode', 'meetingModes', 'Select meeting modes from the list'],
];

export async function saveOffer(deps: MentorDeps, actor: Actor, input: OfferInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // Lock the profile row (creating it if needed) so two saves of this section cannot interleave.
    await trx.insertInto('mentor_profiles').values({ user_id: actor.id }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    await trx.selectFrom('mentor_profiles').select('user_id').where('user_id', '=', actor.id).forUpdate().execute();
    const held = await heldTermIds(trx, actor.id);
    const errors: Record<string, string> = {};
    const chosen: string[] = [];
    for (const [taxonomy, field, message] of OFFER_TAXONOMIES) {
      const ids = [...new Set(input[field] as string[])];
      await checkTerms(trx, taxonomy, ids, held.filter((term) => term.taxonomy === taxonomy).map((term) => term.id), field, message, errors);
      chosen.push(...ids);
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const offerTaxonomies = OFFER_TAXONOMIES.map(([taxonomy]) => taxonomy);
    await trx
      .deleteFrom('profile_terms')
      .where('user_id', '=', actor.id)
      .where('side', '=', 'mentor')
      .where('term_id', 'in', (eb) => eb.selectFrom('taxonomy_terms').select('id').where('taxonomy', 'in', offerTaxonomies))
      .execute();
    if (chosen.length > 0) {
      await trx.insertInto('profile_terms').values(chosen.map((termId) => ({ user_id: actor.id, side: 'mentor' as const, term_id: termId }))).execute();
    }
    await saveProfile(trx, actor, 'offer', { bio: input.bio, mentoring_types: [...new Set(input.mentoringTypes)] });
  });
}

export async function saveCapacity(deps: MentorDeps, actor: Actor, input: CapacityInput): Promise<void> {
  await deps.db.transaction().execute((trx) => saveProfile(trx, actor, 'capacity', { capacity: input.capacity, is_paused: input.availability === 'paused' }));
}

export async function saveContact(deps: MentorDeps, actor: Actor, input: ContactInput): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    saveProfile(trx, actor, 'contact', { contact_email: input.contactEmail, contact_phone: input.contactPhone === '' ? null : input.contactPhone }),
  );
}

/** Records agreement to the code of ethics as it is named now, so a later change of code shows. */
export async function acceptEthicsCode(deps: MentorDeps, actor: Actor): Promise<void> {
  const settings = await getPlatformSettings(deps.db);
  await deps.db.transaction().execute((trx) =>
    saveProfile(trx, actor, 'ethics', { ethics_code_accepted_at: new Date(), ethics_code_name: settings.ethicsCodeName }),
  );
}

export interface OwnProfilePage {
  profile: ProfileView;
  ethicsCode: PlatformSettings;
  training: TrainingRecordView[];
  missing: MissingItem[];
}

/** The actor's own profile, training and what is still missing before they can apply anywhere. */
export async function getOwnProfile(db: Db, actor: Actor): Promise<OwnProfilePage> {
  const ethicsCode = await getPlatformSettings(db);
  const [profile, training] = await Promise.all([readProfile(db, actor.id, actor.email, ethicsCode.ethicsCodeName), listTraining(db, actor.id)]);
  return { profile, ethicsCode, training, missing: listMissing(profile, training.length) };
}
