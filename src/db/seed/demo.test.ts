// The demo seed on a fresh database: the promised shape, nothing outside the fictional email
// domains, idempotent on a second run, and the printed password really signs people in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createDb, type Db } from '../connection.ts';
import { isCommonPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../auth/passwords.ts';
import { DEMO_PASSWORD, seedDemo, type DemoLogins } from './demo.ts';

let database: TestDatabase;
let db: Db;
let logins: DemoLogins;

before(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 4);
  logins = await seedDemo(db);
});

after(async () => {
  await db.destroy();
  await database.drop();
});

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

test('fills the database with programmes, admins, mentors and mentees', async () => {
  assert.equal(await countRows('programmes'), 4);
  const mentors = await countMembers('mentor');
  assert.ok(mentors >= 190 && mentors <= 210, `about 200 mentors, got ${mentors}`);
  assert.ok((await countMembers('mentee')) >= 100);
  assert.equal(await countRows('mentor_profiles'), mentors);
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
  const outside = await db
    .selectFrom('users')
    .select('email')
    .where((eb) => eb.and([eb('email', 'not like', '%@example.nhs.uk'), eb('email', 'not like', '%@example.org')]))
    .execute();
  assert.deepEqual(outside, []);
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
    await assert.rejects(seedDemo(otherDb), /only go into an empty database/);
    assert.equal((await otherDb.selectFrom('users').select('id').execute()).length, 1);
  } finally {
    await otherDb.destroy();
    await other.drop();
  }
});

test('a second run adds nothing and reports the same logins', async () => {
  const before = await Promise.all(['users', 'programmes', 'programme_memberships', 'mentor_profiles', 'mentee_profiles'].map(countRows));
  const again = await seedDemo(db);
  const afterwards = await Promise.all(['users', 'programmes', 'programme_memberships', 'mentor_profiles', 'mentee_profiles'].map(countRows));
  assert.deepEqual(afterwards, before);
  assert.deepEqual(again, logins);
});
