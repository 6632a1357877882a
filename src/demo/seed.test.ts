// The demo seed on a fresh database, served by the real app: the promised shape, nothing outside
// the fictional email domains, printed logins that each show their part of the register (the
// admin's queues, the line manager's link), idempotent on a second run, and the printed password
// really signs people in. register/register.test.ts checks the applications themselves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { sessionCookie } from '../../test/support/builders.ts';
import { TestClient } from '../../test/support/client.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import { createDb, type Db } from '../db/connection.ts';
import { hashToken } from '../auth/sessions.ts';
import { isCommonPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { KeyRing } from '../platform/crypto.ts';
import { DEMO_PASSWORD, seedDemo, type DemoLogins, type DemoRole } from './seed.ts';

let t: TestApp;
let db: Db;
let logins: DemoLogins;

before(async () => {
  // First-run state: no accounts at all, as `npm run demo` finds its new database.
  t = await buildTestApp({ firstRun: true });
  db = t.db;
  logins = await seedDemo(db, { keys: new KeyRing(t.config.encryptionKeys) });
});

after(() => t.close());

async function countRows(table: string): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(db);
  return result.rows[0]?.count ?? 0;
}

async function countMembers(role: 'mentor' | 'mentee' | 'programme_admin'): Promise<number> {
  const row = await db
    .selectFrom('programme_memberships')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('count'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return row.count;
}

async function userOf(role: DemoRole) {
  const login = logins.accounts.find((account) => account.role === role);
  assert.ok(login, `a printed ${role} login`);
  return db.selectFrom('users').select(['id', 'full_name']).where('email', '=', login.email).executeTakeFirstOrThrow();
}

/** As nunjucks autoescaping writes a name into a page. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('fills the database with programmes of each type, admins, mentors and mentees', async () => {
  const programmes = await db.selectFrom('programmes').select('mentoring_types').execute();
  assert.equal(programmes.length, 4);
  assert.deepEqual([...new Set(programmes.flatMap((p) => p.mentoring_types))].sort(), ['peer', 'reverse', 'traditional']);
  const mentors = await countMembers('mentor');
  assert.ok(mentors >= 180 && mentors <= 200, `about 190 approved mentors, got ${mentors}`);
  assert.ok((await countMembers('mentee')) >= 90);
  const applicants = await db.selectFrom('mentor_applications').select('user_id').distinct().execute();
  assert.equal(await countRows('mentor_profiles'), applicants.length, 'a profile for every mentor applicant, approved or not');
  assert.ok((await countRows('mentee_profiles')) >= 100);

  const withoutAdmin = await db
    .selectFrom('programmes')
    .select('name')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('programme_memberships as m').select('m.id').whereRef('m.programme_id', '=', 'programmes.id').where('m.role', '=', 'programme_admin'))),
    )
    .execute();
  assert.deepEqual(withoutAdmin, []);

  const both = await sql<{ count: number }>`
    select count(*)::int as count from (
      select user_id from programme_memberships group by user_id
      having bool_or(role = 'mentor') and bool_or(role = 'mentee')
    ) people`.execute(db);
  assert.ok((both.rows[0]?.count ?? 0) >= 3, 'a few people are both mentor and mentee');

  const installation = await db.selectFrom('installation').selectAll().executeTakeFirstOrThrow();
  assert.ok(installation.set_up_at);
  assert.equal(installation.setup_code_hash, null);
});

test('every email is at a fictional domain and every account is verified', async () => {
  const fictional = /@example\.(nhs\.uk|org)$/;
  const addresses = [
    ...(await db.selectFrom('users').select('email').execute()).map((row) => row.email),
    ...(await db.selectFrom('line_manager_requests').select('manager_email').execute()).map((row) => row.manager_email),
    ...(await db.selectFrom('mentee_applications').select('line_manager_email').execute()).flatMap((row) => row.line_manager_email ?? []),
    ...(await db.selectFrom('mentor_profiles').select('contact_email').execute()).flatMap((row) => row.contact_email ?? []),
  ];
  assert.deepEqual(addresses.filter((email) => !fictional.test(email)), []);
  const unverified = await db.selectFrom('users').select('email').where('email_verified_at', 'is', null).execute();
  assert.deepEqual(unverified, []);
});

test('returns one login for each role, the admin of a programme and someone who is both', () => {
  assert.deepEqual(logins.accounts.map((account) => account.role), ['platform_admin', 'programme_admin', 'mentor', 'mentee', 'mentor_and_mentee']);
  const find = (role: string) => logins.accounts.find((account) => account.role === role);
  assert.ok(find('programme_admin')?.memberships.some((m) => m.role === 'programme_admin'));
  const both = find('mentor_and_mentee')?.memberships.map((m) => m.role) ?? [];
  assert.ok(both.includes('mentor') && both.includes('mentee'));
  assert.ok(DEMO_PASSWORD.length >= MIN_PASSWORD_LENGTH && !isCommonPassword(DEMO_PASSWORD));
});

test('the printed mentor is approved, and the printed mentee is approved in one programme and waits for their line manager in another', async () => {
  const mentor = await userOf('mentor');
  const mentorApplications = await db.selectFrom('mentor_applications').select('status').where('user_id', '=', mentor.id).execute();
  assert.deepEqual(mentorApplications.map((row) => row.status), ['approved']);

  const mentee = await userOf('mentee');
  const applications = await db
    .selectFrom('mentee_applications as a')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select(['a.id', 'a.status', 'p.is_open', 'p.requires_line_manager', 'p.name'])
    .where('a.user_id', '=', mentee.id)
    .orderBy('a.status')
    .execute();
  assert.deepEqual(applications.map((row) => row.status), ['approved', 'awaiting_line_manager']);
  const waiting = applications[1];
  assert.ok(waiting?.is_open && waiting.requires_line_manager, 'waiting in an open programme that asks for a line manager');

  const link = logins.lineManagerLink;
  assert.ok(link, 'the line-manager link is printed');
  const token = link.path.replace('/line-manager/respond?token=', '');
  const request = await db.selectFrom('line_manager_requests').select(['application_id', 'status', 'manager_name']).where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
  assert.deepEqual(request, { application_id: waiting.id, status: 'pending', manager_name: link.managerName });
  assert.deepEqual([link.menteeName, link.programme], [mentee.full_name, waiting.name]);
});

test("the programme admin finds applications waiting in both queues, and the line manager's link opens without an account", async () => {
  const admin = await userOf('programme_admin');
  const { programme_id: programmeId } = await db.selectFrom('programme_memberships').select('programme_id').where('user_id', '=', admin.id).where('role', '=', 'programme_admin').executeTakeFirstOrThrow();
  const client = new TestClient(t.app).setCookieHeader(await sessionCookie(db, admin.id));
  for (const [kind, status] of [['mentor', 'submitted'], ['mentee', 'awaiting_admin']] as const) {
    const waiting = await sql<{ full_name: string }>`
      select u.full_name from ${sql.table(`${kind}_applications`)} a join users u on u.id = a.user_id
      where a.programme_id = ${programmeId} and a.status = ${status}`.execute(db).then((result) => result.rows);
    assert.ok(waiting.length >= 2, `${kind} applications waiting for ${admin.full_name}`);
    const page = await client.get(`/admin/programmes/${programmeId}/${kind}-applications${kind === 'mentee' ? '?status=awaiting_admin' : ''}`);
    assert.equal(page.statusCode, 200);
    for (const { full_name: name } of waiting) assert.ok(page.body.includes(escapeHtml(name)), `${name} is in the ${kind} queue`);
  }

  const link = logins.lineManagerLink;
  assert.ok(link);
  const page = await new TestClient(t.app).get(link.path);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(escapeHtml(link.menteeName)), "the line manager sees the mentee's name");
});

test('the shared demo password signs in as the printed accounts', async () => {
  const [login] = logins.accounts;
  assert.ok(login);
  const user = await db.selectFrom('users').select(['password_hash', 'is_platform_admin']).where('email', '=', login.email).executeTakeFirstOrThrow();
  assert.equal(user.is_platform_admin, true);
  assert.equal(await verifyPassword(user.password_hash ?? '', logins.password), true);
  assert.equal(await verifyPassword(user.password_hash ?? '', 'not the demo password'), false);
});

test('refuses a database that already has real accounts, since the demo password is published', async () => {
  const other = await createTestDatabase();
  const otherDb = createDb(other.url, 2);
  try {
    await otherDb.insertInto('users').values({ email: 'someone@example.org', full_name: 'Someone Else' }).execute();
    await assert.rejects(seedDemo(otherDb, { keys: new KeyRing(t.config.encryptionKeys) }), /only go into an empty database/);
    assert.equal((await otherDb.selectFrom('users').select('id').execute()).length, 1);
  } finally {
    await otherDb.destroy();
    await other.drop();
  }
});

const TABLES = ['users', 'programmes', 'programme_memberships', 'mentor_profiles', 'mentee_profiles', 'profile_terms', 'training_records',
  'mentor_applications', 'mentee_applications', 'application_events', 'line_manager_requests'];

test('a second run adds nothing and reports the same logins and link', async () => {
  const before = await Promise.all(TABLES.map(countRows));
  const again = await seedDemo(db, { keys: new KeyRing(t.config.encryptionKeys) });
  const afterwards = await Promise.all(TABLES.map(countRows));
  assert.deepEqual(afterwards, before);
  assert.deepEqual(again, logins);
});
