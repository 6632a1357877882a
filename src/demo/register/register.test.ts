// The demo's register, as stored: applications in each status in the promised numbers, histories
// that replay the product's state machines, memberships only where an application was approved,
// complete profiles and training, and one pending line-manager request per waiting application.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createDb, type Db } from '../../db/connection.ts';
import { testConfig } from '../../../test/support/app.ts';
import { KeyRing } from '../../platform/crypto.ts';
import { seedDemo } from '../seed.ts';

let database: TestDatabase;
let db: Db;

before(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 4);
  await seedDemo(db, { keys: new KeyRing(testConfig().encryptionKeys) });
});

after(async () => {
  await db.destroy();
  await database.drop();
});

async function statusCounts(table: 'mentor_applications' | 'mentee_applications'): Promise<Record<string, number>> {
  const rows = await db.selectFrom(table).select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

test('mentor and mentee applications wait in every queue, in the promised numbers', async () => {
  const { approved: mentorsApproved = 0, ...mentorWaiting } = await statusCounts('mentor_applications');
  assert.deepEqual(mentorWaiting, { submitted: 10, more_info_requested: 3, rejected: 2 });
  assert.ok(mentorsApproved >= 200, `most mentor applications are approved, got ${mentorsApproved}`);

  const { approved: menteesApproved = 0, ...menteeWaiting } = await statusCounts('mentee_applications');
  assert.deepEqual(menteeWaiting, {
    awaiting_admin: 8, awaiting_line_manager: 5, line_manager_declined: 2, line_manager_expired: 1, more_info_requested: 2, rejected: 2,
  });
  assert.ok(menteesApproved >= 90, `most mentee applications are approved, got ${menteesApproved}`);
});

test('only an approved application makes someone a mentor or mentee of a programme', async () => {
  for (const [role, table] of [['mentor', 'mentor_applications'], ['mentee', 'mentee_applications']] as const) {
    const mismatched = await sql<{ n: number }>`
      select count(*)::int as n from (
        (select programme_id, user_id from programme_memberships where role = ${role}
         except select programme_id, user_id from ${sql.table(table)} where status = 'approved')
        union all
        (select programme_id, user_id from ${sql.table(table)} where status = 'approved'
         except select programme_id, user_id from programme_memberships where role = ${role})
      ) differences`.execute(db);
    assert.equal(mismatched.rows[0]?.n, 0, `${role} memberships match approved ${role} applications`);
  }
});

test('every mentor has taxonomy answers, training and the current code of ethics', async () => {
  const { ethics_code_name: codeName } = await db.selectFrom('platform_settings').select('ethics_code_name').executeTakeFirstOrThrow();
  const mentors = await sql<{
    user_id: string; complete: boolean; ethics: string | null; help: number; dimensions: number; languages: number; modes: number;
    training: number; verified: number; types_fit: boolean;
  }>`
    select mp.user_id,
      (mp.profession_id is not null and mp.band_id is not null and mp.region_id is not null and mp.care_setting_id is not null
        and mp.bio <> '' and mp.ethics_code_accepted_at is not null) as complete,
      mp.ethics_code_name as ethics,
      (select count(*)::int from profile_terms pt join taxonomy_terms t on t.id = pt.term_id where pt.user_id = mp.user_id and pt.side = 'mentor' and t.taxonomy = 'help_area') as help,
      (select count(*)::int from profile_terms pt join taxonomy_terms t on t.id = pt.term_id where pt.user_id = mp.user_id and pt.side = 'mentor' and t.taxonomy = 'leadership_dimension') as dimensions,
      (select count(*)::int from profile_terms pt join taxonomy_terms t on t.id = pt.term_id where pt.user_id = mp.user_id and pt.side = 'mentor' and t.taxonomy = 'language') as languages,
      (select count(*)::int from profile_terms pt join taxonomy_terms t on t.id = pt.term_id where pt.user_id = mp.user_id and pt.side = 'mentor' and t.taxonomy = 'meeting_mode') as modes,
      (select count(*)::int from training_records tr where tr.user_id = mp.user_id) as training,
      (select count(*)::int from training_records tr where tr.user_id = mp.user_id and tr.verified_at is not null) as verified,
      not exists (select 1 from mentor_applications a join programmes p on p.id = a.programme_id
        where a.user_id = mp.user_id and not (p.mentoring_types && mp.mentoring_types)) as types_fit
    from mentor_profiles mp`.execute(db);
  const approved = await db.selectFrom('mentor_applications').select('user_id').distinct().where('status', '=', 'approved').execute();
  assert.ok(approved.every((row) => mentors.rows.some((mentor) => mentor.user_id === row.user_id)), 'every approved mentor has a profile');
  for (const mentor of mentors.rows) {
    assert.ok(mentor.complete && mentor.ethics === codeName, `${mentor.user_id}: role, bio and the current code of ethics`);
    assert.ok(mentor.help >= 2 && mentor.help <= 5, `${mentor.user_id}: 2 to 5 help areas, got ${mentor.help}`);
    assert.ok(mentor.dimensions >= 1 && mentor.dimensions <= 3, `${mentor.user_id}: 1 to 3 leadership dimensions`);
    assert.ok(mentor.languages >= 1 && mentor.languages <= 2, `${mentor.user_id}: 1 or 2 languages`);
    assert.ok(mentor.modes >= 1 && mentor.modes <= 3, `${mentor.user_id}: 1 to 3 meeting modes`);
    assert.ok(mentor.training >= 1 && mentor.training <= 2, `${mentor.user_id}: 1 or 2 training records`);
    assert.ok(mentor.types_fit, `${mentor.user_id}: offers a mentoring type of each programme applied to`);
  }
  const records = mentors.rows.reduce((sum, mentor) => sum + mentor.training, 0);
  const verified = mentors.rows.reduce((sum, mentor) => sum + mentor.verified, 0);
  assert.ok(verified > records * 0.7 && verified < records, `most training is verified, some waits: ${verified} of ${records}`);
  const english = await sql<{ n: number }>`select count(*)::int as n from profile_terms pt join taxonomy_terms t on t.id = pt.term_id
    where pt.side = 'mentor' and t.taxonomy = 'language' and t.key = 'english'`.execute(db);
  assert.equal(english.rows[0]?.n, mentors.rows.length, 'every mentor speaks English');
  const expiring = await db.selectFrom('training_records').select('id').where('expires_on', 'is not', null).execute();
  assert.ok(expiring.length > 0, 'some training has an expiry date');
});

test('every mentee has a complete profile with their areas of interest and how they like to meet', async () => {
  const mentees = await sql<{ user_id: string; complete: boolean; help: number; modes: number }>`
    select mp.user_id,
      (mp.profession_id is not null and mp.band_id is not null and mp.region_id is not null and mp.care_setting_id is not null
        and mp.goals <> '' and mp.job_title <> '' and mp.organisation <> '') as complete,
      (select count(*)::int from profile_terms pt join taxonomy_terms t on t.id = pt.term_id where pt.user_id = mp.user_id and pt.side = 'mentee' and t.taxonomy = 'help_area') as help,
      (select count(*)::int from profile_terms pt join taxonomy_terms t on t.id = pt.term_id where pt.user_id = mp.user_id and pt.side = 'mentee' and t.taxonomy = 'meeting_mode') as modes
    from mentee_profiles mp`.execute(db);
  const applicants = await db.selectFrom('mentee_applications').select('user_id').distinct().execute();
  assert.equal(mentees.rows.length, applicants.length, 'one profile per mentee applicant');
  for (const mentee of mentees.rows) {
    assert.ok(mentee.complete, `${mentee.user_id}: role and goals`);
    assert.ok(mentee.help >= 2 && mentee.help <= 4, `${mentee.user_id}: 2 to 4 areas of interest`);
    assert.ok(mentee.modes >= 1 && mentee.modes <= 2, `${mentee.user_id}: 1 or 2 meeting modes`);
  }
  const preferring = await db.selectFrom('mentee_profiles').select('user_id').where((eb) => eb.or([eb('prefers_other_profession', '=', true), eb('prefers_other_setting', '=', true)])).execute();
  assert.ok(preferring.length > 0, 'some mentees state preferences');
});

test('every decision was made by a programme admin of that programme', async () => {
  for (const table of ['mentor_applications', 'mentee_applications'] as const) {
    const strangers = await sql<{ id: string }>`
      select a.id from ${sql.table(table)} a
      where a.decided_by is not null and not exists (select 1 from programme_memberships m
        where m.programme_id = a.programme_id and m.user_id = a.decided_by and m.role = 'programme_admin')`.execute(db);
    assert.deepEqual(strangers.rows, [], `${table} decided by outsiders`);
  }
  const strangerEvents = await sql<{ id: number }>`
    select e.id from application_events e
    join (select id, programme_id, user_id from mentor_applications union all select id, programme_id, user_id from mentee_applications) a on a.id = e.application_id
    where e.actor_user_id is not null and e.actor_user_id <> a.user_id and not exists (select 1 from programme_memberships m
      where m.programme_id = a.programme_id and m.user_id = e.actor_user_id and m.role = 'programme_admin')`.execute(db);
  assert.deepEqual(strangerEvents.rows, []);
  const undecided = await db.selectFrom('mentor_applications').select('id').where('status', '<>', 'submitted').where('decided_by', 'is', null).execute();
  assert.deepEqual(undecided, [], 'every mentor decision is signed');
});

test('every application has its history, each step following the last, in time order', async () => {
  const applications = [
    ...(await db.selectFrom('mentor_applications').select(['id', 'status', 'submitted_at']).execute()).map((row) => ({ ...row, kind: 'mentor' as const })),
    ...(await db.selectFrom('mentee_applications as a').innerJoin('programmes as p', 'p.id', 'a.programme_id')
      .select(['a.id', 'a.status', 'a.submitted_at', 'p.requires_line_manager']).execute()).map((row) => ({ ...row, kind: 'mentee' as const })),
  ];
  const events = await db.selectFrom('application_events').selectAll().orderBy('id').execute();
  const now = Date.now();
  for (const application of applications) {
    const own = events.filter((event) => event.application_kind === application.kind && event.application_id === application.id);
    const chain = own.map((event) => event.to_status);
    // Mentor applications record starting the draft; mentee applications start at sending it.
    assert.equal(own[0]?.from_status ?? null, application.kind === 'mentor' ? null : 'draft', `${application.id} starts where the product starts`);
    own.forEach((event, i) => {
      if (i > 0) assert.equal(event.from_status, own[i - 1]?.to_status, `${application.id}: ${chain.join(' → ')}`);
      assert.ok(i === 0 || event.occurred_at >= (own[i - 1]?.occurred_at ?? event.occurred_at), `${application.id}: events in time order`);
      assert.ok(event.occurred_at.getTime() <= now, 'nothing happens in the future');
    });
    assert.equal(chain.at(-1), application.status, `${application.id}: history ends at its status`);
    assert.ok(application.submitted_at, 'every application was sent');
    if (application.kind === 'mentor') assert.equal(chain[1], 'submitted');
    if (application.kind === 'mentee' && application.requires_line_manager) assert.equal(chain[0], 'awaiting_line_manager', 'asked the line manager first');
  }
  assert.equal(events.length, applications.reduce((sum, application) => sum + events.filter((e) => e.application_id === application.id).length, 0), 'no stray events');
});

test('exactly one pending line-manager request per application waiting for one, and answered ones say how', async () => {
  const rows = await sql<{ status: string; requires_line_manager: boolean; pending: number; answers: string[] }>`
    select a.status, p.requires_line_manager,
      (select count(*)::int from line_manager_requests r where r.application_id = a.id and r.status = 'pending' and r.expires_at > now()) as pending,
      coalesce((select array_agg(r.status || ':' || coalesce(r.reason, '')) from line_manager_requests r where r.application_id = a.id and r.status <> 'pending'), '{}') as answers
    from mentee_applications a join programmes p on p.id = a.programme_id`.execute(db);
  for (const row of rows.rows) {
    assert.equal(row.pending, row.status === 'awaiting_line_manager' ? 1 : 0, `${row.status}: pending requests`);
    const [answer = ''] = row.answers;
    if (row.status === 'line_manager_declined') assert.match(answer, /^not_supported:.+/, 'a decline has its reason');
    if (row.status === 'line_manager_expired') assert.equal(answer, 'expired:');
    if (row.requires_line_manager && ['approved', 'awaiting_admin', 'more_info_requested', 'rejected'].includes(row.status)) assert.equal(answer, 'supported:');
    if (!row.requires_line_manager) assert.deepEqual(row.answers, [], 'no line manager where the programme asks none');
  }
  const named = await db.selectFrom('mentee_applications as a').innerJoin('programmes as p', 'p.id', 'a.programme_id').select('a.id')
    .where('p.requires_line_manager', '=', true).where('a.line_manager_email', 'is', null).execute();
  assert.deepEqual(named, [], 'the application names the line manager it asked');
});
