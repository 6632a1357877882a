// Data builders and small helpers for the mentors feature's tests: a complete mentor profile with
// training and the code of ethics agreed (stored for real), an application submitted through the
// pages, the taxonomy ids the forms need, and the error-page assertion every form test makes.
import assert from 'node:assert/strict';
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import type { Db } from '../../db/connection.ts';
import type { MentorApplication, TaxonomyName } from '../../db/types.ts';

export async function termId(db: Db, taxonomy: TaxonomyName, key: string): Promise<string> {
  const row = await db.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', taxonomy).where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

export interface MentorProfileOptions {
  jobTitle?: string;
  bio?: string;
  profession?: string;
  region?: string;
  helpAreas?: string[];
  training?: boolean;
  ethics?: boolean;
}

/** A profile complete enough to apply (unless options leave parts out). Keys are taxonomy keys. */
export async function buildMentorProfile(db: Db, userId: string, options: MentorProfileOptions = {}): Promise<void> {
  const codeName = (await db.selectFrom('platform_settings').select('ethics_code_name').executeTakeFirstOrThrow()).ethics_code_name;
  await db
    .insertInto('mentor_profiles')
    .values({
      user_id: userId,
      job_title: options.jobTitle ?? faker.person.jobTitle(),
      organisation: `${faker.location.city()} NHS Foundation Trust`,
      town: faker.location.city(),
      profession_id: await termId(db, 'profession', options.profession ?? 'nursing'),
      band_id: await termId(db, 'band', 'afc_7'),
      region_id: await termId(db, 'region', options.region ?? 'london'),
      care_setting_id: await termId(db, 'care_setting', 'acute'),
      years_experience: 15,
      bio: options.bio ?? faker.lorem.sentences(3),
      mentoring_types: ['traditional'],
      capacity: 2,
      ethics_code_accepted_at: options.ethics === false ? null : new Date(),
      ethics_code_name: options.ethics === false ? null : codeName,
    })
    .execute();
  const terms = [
    ...(await Promise.all((options.helpAreas ?? ['career_progression']).map((key) => termId(db, 'help_area', key)))),
    await termId(db, 'meeting_mode', 'video'),
  ];
  await db.insertInto('profile_terms').values(terms.map((id) => ({ user_id: userId, side: 'mentor' as const, term_id: id }))).execute();
  if (options.training !== false) await buildTrainingRecord(db, userId);
}

export async function buildTrainingRecord(db: Db, userId: string, options: { verifiedBy?: string } = {}): Promise<string> {
  const row = await db
    .insertInto('training_records')
    .values({
      user_id: userId,
      body: 'Institute of Leadership and Management',
      qualification: 'Level 5 Certificate in Coaching and Mentoring',
      level: 'Level 5',
      completed_on: '2022-06-14',
      expires_on: null,
      verified_at: options.verifiedBy ? new Date() : null,
      verified_by: options.verifiedBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function signedIn(t: TestApp, user: BuiltUser): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
}

export async function profileOf(db: Db, userId: string) {
  return db.selectFrom('mentor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The person's mentor-side terms as 'taxonomy:key', sorted. */
export async function termKeysOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('profile_terms as pt')
    .innerJoin('taxonomy_terms as tt', 'tt.id', 'pt.term_id')
    .select(['tt.taxonomy', 'tt.key'])
    .where('pt.user_id', '=', userId)
    .where('pt.side', '=', 'mentor')
    .execute();
  return rows.map((row) => `${row.taxonomy}:${row.key}`).sort();
}

/** The NHS error page: "Error: " title, the summary, and each message linking to its field. */
export function assertErrorPage(body: string, title: string, messages: { field: string; text: string }[]): void {
  assert.match(body, new RegExp(`<title>Error: ${title}`));
  assert.match(body, /There is a problem/);
  for (const { field, text } of messages) assert.match(body, new RegExp(`href="#${field}">\\s*${text}`), `${field}: ${text}`);
}

/** A mentor with a complete profile who has started and submitted an application through the pages. */
export async function buildApplicant(
  t: TestApp,
  programmeId: string,
  options: MentorProfileOptions & { fullName?: string; user?: BuiltUser } = {},
): Promise<{ user: BuiltUser; client: TestClient; application: MentorApplication }> {
  const user = options.user ?? (await buildUser(t.db, { fullName: options.fullName }));
  await buildMentorProfile(t.db, user.id, options);
  const client = await signedIn(t, user);
  const path = `/programmes/${programmeId}/mentor-application`;
  await client.post(`${path}/start`, {}, { from: path });
  const submitted = await client.post(path, {});
  assert.equal(submitted.statusCode, 302, 'the application was submitted');
  const application = await t.db
    .selectFrom('mentor_applications')
    .selectAll()
    .where('user_id', '=', user.id)
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return { user, client, application };
}

/** A programme admin's decision, sent from the applicant page as the admin's browser would. */
export async function decide(client: TestClient, programmeId: string, applicationId: string, form: Record<string, string>) {
  const page = `/admin/programmes/${programmeId}/mentor-applications/${applicationId}`;
  return client.post(`${page}/decision`, form, { from: page });
}
