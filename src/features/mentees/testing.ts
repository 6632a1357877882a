// Data builders and readers for the mentees feature's tests: a complete mentee profile, programmes
// with each combination of steps, the line manager's link from the outbox, and a snapshot of every
// row an application touches (to prove a refused request changed nothing).
import assert from 'node:assert/strict';
import type { Db } from '../../db/connection.ts';
import type { TaxonomyName } from '../../db/types.ts';
import type { TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import type { MenteeDeps } from './transitions.ts';

/** Distinctive confidential text, so tests can prove it never reaches an email or the line manager. */
export const SECRET_GOALS = 'Confidential goal: prepare for my band 7 interview after my return from sick leave';
export const SECRET_PREFERENCES = 'Confidential preference: someone outside my own trust';

export async function termId(db: Db, taxonomy: TaxonomyName, key: string): Promise<string> {
  const row = await db.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', taxonomy).where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

/** A profile complete enough to apply. */
export async function buildMenteeProfile(db: Db, userId: string, options: { profession?: string; region?: string; band?: string } = {}): Promise<void> {
  await db
    .insertInto('mentee_profiles')
    .values({
      user_id: userId,
      job_title: 'Ward sister',
      organisation: 'Northshire Hospitals NHS Foundation Trust',
      profession_id: await termId(db, 'profession', options.profession ?? 'nursing'),
      band_id: await termId(db, 'band', options.band ?? 'afc_6'),
      region_id: await termId(db, 'region', options.region ?? 'london'),
      care_setting_id: await termId(db, 'care_setting', 'acute'),
      goals: SECRET_GOALS,
      preferences: SECRET_PREFERENCES,
      open_to_peer: true,
    })
    .execute();
  const terms = [await termId(db, 'help_area', 'career_progression'), await termId(db, 'meeting_mode', 'video')];
  await db.insertInto('profile_terms').values(terms.map((id) => ({ user_id: userId, side: 'mentee' as const, term_id: id }))).execute();
}

export interface ProgrammeSteps {
  lineManager: boolean;
  admin: boolean;
  isOpen?: boolean;
}

export async function buildProgrammeWithSteps(db: Db, steps: ProgrammeSteps): Promise<{ id: string; name: string }> {
  const programme = await buildProgramme(db, { isOpen: steps.isOpen ?? true });
  await db.updateTable('programmes').set({ requires_line_manager: steps.lineManager, requires_admin_approval: steps.admin }).where('id', '=', programme.id).execute();
  return programme;
}

export function menteeDepsOf(t: TestApp): MenteeDeps {
  return { db: t.db, jobs: t.jobs, views: t.app.views, config: t.config };
}

/** The newest line-manager link emailed to this address, as a site-relative URL. */
export async function latestLineManagerLink(db: Db, managerEmail: string): Promise<string> {
  const email = await db.selectFrom('email_messages').select('text_body').where('recipient', '=', managerEmail).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const match = /https?:\/\/[^/\s]+(\/line-manager\/respond\?token=[A-Za-z0-9_-]+)/.exec(email?.text_body ?? '');
  assert.ok(match?.[1], `no line-manager link emailed to ${managerEmail}`);
  return match[1];
}

/** Everything an application's state lives in, for "nothing changed" assertions. */
export async function applicationSnapshot(db: Db, applicationId: string) {
  const [application, requests, events, emails, memberships, audit] = await Promise.all([
    db.selectFrom('mentee_applications').selectAll().where('id', '=', applicationId).executeTakeFirst(),
    db.selectFrom('line_manager_requests').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute(),
    db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute(),
    db.selectFrom('email_messages').select(['id']).orderBy('id').execute(),
    db.selectFrom('programme_memberships').select(['id']).orderBy('id').execute(),
    db.selectFrom('audit_events').select(['id']).where('subject_id', '=', applicationId).orderBy('id').execute(),
  ]);
  return { application, requests, events, emails: emails.length, memberships: memberships.length, audit: audit.length };
}

/** Every email the test database holds, as one string per email, for "no confidential text" checks. */
export async function allEmailText(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('email_messages').select(['subject', 'text_body', 'html_body']).execute();
  return rows.map((row) => `${row.subject}\n${row.text_body ?? ''}\n${row.html_body ?? ''}`);
}

export interface SignedInMentee {
  user: BuiltUser;
  client: TestClient;
}

/** A signed-in person, with a complete mentee profile unless told otherwise. */
export async function signedInMentee(t: TestApp, options: { profile?: boolean } = {}): Promise<SignedInMentee> {
  const user = await buildUser(t.db);
  if (options.profile !== false) await buildMenteeProfile(t.db, user.id);
  return { user, client: new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id)) };
}

export async function programmeAdminClient(t: TestApp, programmeId: string): Promise<TestClient> {
  const admin = await buildUser(t.db);
  await addMembership(t.db, admin.id, programmeId, 'programme_admin');
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, admin.id));
}

let managers = 0;
/** A line manager with an address no other test uses. */
export function uniqueManager(name = 'Harriet Osei'): { lineManagerName: string; lineManagerEmail: string } {
  managers += 1;
  return { lineManagerName: name, lineManagerEmail: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${managers}@example.nhs.uk` };
}

/** The line manager opens their link in a browser with no session and answers. */
export async function lineManagerAnswers(t: TestApp, link: string, form: { decision: string; reason?: string }) {
  const client = new TestClient(t.app);
  const page = await client.get(link);
  assert.equal(page.statusCode, 200);
  return client.post('/line-manager/respond', { token: link.replace('/line-manager/respond?token=', ''), ...form }, { from: link });
}

/** A programme admin opens the applicant's page and decides. */
export async function adminDecides(admin: TestClient, programmeId: string, applicationId: string, form: Record<string, string>) {
  const url = `/admin/programmes/${programmeId}/mentee-applications/${applicationId}`;
  const page = await admin.get(url);
  const version = /name="version" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
  return admin.post(`${url}/decision`, { version, ...form }, { from: url });
}
