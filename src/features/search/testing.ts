// Data builders for the search feature's tests: approved mentors and mentees of a programme, with
// the profiles the mentors and mentees features' builders make, stored for real; and a way to make
// sure the search index has caught up with what a test just wrote.
import type { TestApp } from '../../../test/support/app.ts';
import type { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildUser, type BuiltUser } from '../../../test/support/builders.ts';
import type { MentoringType } from '../../db/types.ts';
import { buildMentorProfile, signedIn, termId, type MentorProfileOptions } from '../mentors/testing.ts';
import { buildMenteeProfile } from '../mentees/testing.ts';

export interface MentorOptions extends MentorProfileOptions {
  fullName?: string;
  capacity?: number;
  isPaused?: boolean;
  mentoringTypes?: MentoringType[];
  careSetting?: string;
  band?: string;
  languages?: string[];
  dimensions?: string[];
  modes?: string[];
  contactEmail?: string;
  contactPhone?: string;
}

/** A mentor on the programme's register: complete profile, approved application, membership. */
export async function approvedMentor(t: TestApp, programmeId: string, options: MentorOptions = {}): Promise<BuiltUser> {
  const user = await buildUser(t.db, { fullName: options.fullName });
  await buildMentorProfile(t.db, user.id, options);
  await t.db
    .updateTable('mentor_profiles')
    .set({
      capacity: options.capacity ?? 2,
      is_paused: options.isPaused ?? false,
      mentoring_types: options.mentoringTypes ?? ['traditional'],
      care_setting_id: await termId(t.db, 'care_setting', options.careSetting ?? 'acute'),
      band_id: await termId(t.db, 'band', options.band ?? 'afc_7'),
      contact_email: options.contactEmail ?? null,
      contact_phone: options.contactPhone ?? null,
    })
    .where('user_id', '=', user.id)
    .execute();
  const extra = [
    ...(await Promise.all((options.languages ?? []).map((key) => termId(t.db, 'language', key)))),
    ...(await Promise.all((options.dimensions ?? []).map((key) => termId(t.db, 'leadership_dimension', key)))),
    ...(await Promise.all((options.modes ?? []).filter((key) => key !== 'video').map((key) => termId(t.db, 'meeting_mode', key)))),
  ];
  if (extra.length > 0) await t.db.insertInto('profile_terms').values(extra.map((id) => ({ user_id: user.id, side: 'mentor' as const, term_id: id }))).execute();
  if (options.modes && !options.modes.includes('video')) {
    await t.db.deleteFrom('profile_terms').where('user_id', '=', user.id).where('side', '=', 'mentor').where('term_id', '=', await termId(t.db, 'meeting_mode', 'video')).execute();
  }
  await approve(t, user.id, programmeId, 'mentor');
  return user;
}

async function approve(t: TestApp, userId: string, programmeId: string, role: 'mentor' | 'mentee'): Promise<void> {
  if (role === 'mentor') await t.db.insertInto('mentor_applications').values({ programme_id: programmeId, user_id: userId, status: 'approved', decided_at: new Date() }).execute();
  else await t.db.insertInto('mentee_applications').values({ programme_id: programmeId, user_id: userId, status: 'approved', decided_at: new Date() }).execute();
  await addMembership(t.db, userId, programmeId, role);
}

/** An approved mentee of the programme (profile: nursing, Band 6, London, acute, career progression, video), signed in. */
export async function approvedMentee(
  t: TestApp,
  programmeId: string,
  options: { fullName?: string; profession?: string; region?: string; band?: string } = {},
): Promise<{ user: BuiltUser; client: TestClient }> {
  const user = await buildUser(t.db, { fullName: options.fullName });
  await buildMenteeProfile(t.db, user.id, options);
  await approve(t, user.id, programmeId, 'mentee');
  return { user, client: await signedIn(t, user) };
}

/** Makes the index reflect these mentors now, instead of waiting for their change notifications. */
export async function indexed(t: TestApp, ...users: { id: string }[]): Promise<void> {
  await t.app.deps.search.refreshMentors(users.map((user) => user.id));
}

/** Names on the cards of a results or shortlist page, in order. */
export function namesOnPage(body: string): string[] {
  return [...body.matchAll(/<h[23] class="nhsuk-card__heading nhsuk-heading-s">(?:<a href="[^"]+">)?([^<]+)/g)].map((match) => decodeEntities(match[1] ?? ''));
}

export function decodeEntities(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
