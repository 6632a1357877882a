import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, type Db } from '../db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { addMembership, buildProgramme, buildUser } from '../../test/support/builders.ts';
import { hasBit } from './bitset.ts';
import { loadApprovedMentors } from './mentor-loader.ts';
import { mentoringTypeBits } from './search-types.ts';
import { loadTermCodes } from './term-codes.ts';

let database: TestDatabase;
let db: Db;
before(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 3);
});
after(async () => {
  await db.destroy();
  await database.drop();
});

async function term(taxonomy: string, key: string): Promise<string> {
  const row = await db.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', taxonomy as 'profession').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

test('approved mentors of a programme load with their answers coded, counts and free text', async () => {
  const programme = await buildProgramme(db);
  const other = await buildProgramme(db);
  const mentor = await buildUser(db, { fullName: 'Niamh Doherty' });
  const pending = await buildUser(db);
  const mentee = await buildUser(db);
  for (const user of [mentor, pending]) {
    await db.insertInto('mentor_profiles').values({
      user_id: user.id, job_title: 'Lead pharmacist', organisation: 'Riverside NHS Trust', bio: 'I enjoy helping people through interviews.',
      profession_id: await term('profession', 'pharmacy'), band_id: await term('band', 'afc_8a'), region_id: await term('region', 'london'),
      care_setting_id: await term('care_setting', 'acute'), mentoring_types: ['traditional', 'peer'], capacity: 3,
    }).execute();
  }
  await db.insertInto('profile_terms').values([
    { user_id: mentor.id, side: 'mentor', term_id: await term('help_area', 'interviews_applications') },
    { user_id: mentor.id, side: 'mentor', term_id: await term('meeting_mode', 'video') },
    { user_id: mentor.id, side: 'mentor', term_id: await term('language', 'welsh') },
  ]).execute();
  await db.insertInto('mentor_applications').values([
    { programme_id: programme.id, user_id: mentor.id, status: 'approved' },
    { programme_id: programme.id, user_id: pending.id, status: 'submitted' },
  ]).execute();
  await addMembership(db, mentor.id, programme.id, 'mentor');
  await db.insertInto('relationships').values({ programme_id: programme.id, mentee_id: mentee.id, mentor_id: mentor.id, mentoring_type: 'traditional' }).execute();

  const codes = await loadTermCodes(db);
  const mentors = await loadApprovedMentors(db, programme.id, codes);
  assert.deepEqual(mentors.map((m) => m.fullName), ['Niamh Doherty']);
  const [loaded] = mentors;
  assert.ok(loaded);
  assert.equal(loaded.activeMentees, 1);
  assert.equal(loaded.capacity, 3);
  assert.equal(loaded.mentoringTypes, mentoringTypeBits.traditional | mentoringTypeBits.peer);
  assert.equal(loaded.traits.bandRank, 8);
  assert.equal(codes.label('band', loaded.traits.bandId), 'Band 8a');
  assert.equal(codes.label('profession', loaded.traits.professionId), 'Pharmacy');
  assert.ok(hasBit(loaded.traits.helpAreas, codes.code(await term('help_area', 'interviews_applications'))));
  assert.ok(hasBit(loaded.traits.meetingModes, codes.code(await term('meeting_mode', 'video'))));
  assert.ok(hasBit(loaded.languages, codes.code(await term('language', 'welsh'))));
  assert.match(loaded.searchText, /Interviews and applications/);

  assert.deepEqual(await loadApprovedMentors(db, other.id, codes), [], 'approval is per programme');
  assert.equal((await loadApprovedMentors(db, programme.id, codes, [pending.id])).length, 0, 'only approved mentors');
});
