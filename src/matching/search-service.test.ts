import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, type Db } from '../db/connection.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { buildProgramme, buildUser } from '../../test/support/builders.ts';
import { MentorSearch } from './search-service.ts';
import { noFilters, type SearchRequest } from './search-types.ts';

let database: TestDatabase;
let db: Db;
let search: MentorSearch;
let stop: () => Promise<void>;
before(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, 3);
  search = new MentorSearch(db);
  stop = await search.listen(database.url);
});
after(async () => {
  await stop();
  await db.destroy();
  await database.drop();
});

const anyone: SearchRequest['needs'] = {
  helpAreas: new Uint32Array(1), meetingModes: new Uint32Array(1), professionId: -1, careSettingId: -1, regionId: -1, bandRank: -1,
  prefersOtherProfession: false, prefersOtherSetting: false, mentoringType: 'traditional',
};
const query = (text: string): SearchRequest => ({ needs: anyone, text, filters: noFilters(), exclude: new Set(), offset: 0, limit: 20 });

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the index did not catch up');
}

test('committed changes reach a built index through notifications; rolled-back ones do not', async () => {
  const programme = await buildProgramme(db);
  const mentor = await buildUser(db);
  await db.insertInto('mentor_profiles').values({ user_id: mentor.id, bio: 'Orthoptics and quality improvement', capacity: 2 }).execute();
  const index = await search.index(programme.id);
  assert.equal(index.size, 0, 'not approved yet');

  await db.insertInto('mentor_applications').values({ programme_id: programme.id, user_id: mentor.id, status: 'approved' }).execute();
  await eventually(async () => (await search.index(programme.id)).search(query('orthoptics')).total === 1);

  await db.transaction().execute(async (trx) => {
    await trx.updateTable('mentor_profiles').set({ bio: 'Podiatry' }).where('user_id', '=', mentor.id).execute();
    await trx.updateTable('mentor_profiles').set({ bio: 'Orthoptics again' }).where('user_id', '=', mentor.id).execute();
  });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('mentor_profiles').set({ bio: 'Dietetics' }).where('user_id', '=', mentor.id).execute();
    throw new Error('roll back');
  }).catch(() => undefined);
  await db.updateTable('mentor_profiles').set({ is_paused: true }).where('user_id', '=', mentor.id).execute();
  await eventually(async () => (await search.index(programme.id)).search(query('orthoptics')).total === 0);
  assert.equal((await search.index(programme.id)).get(mentor.id)?.bio, 'Orthoptics again');

  await db.updateTable('mentor_applications').set({ status: 'rejected' }).where('user_id', '=', mentor.id).execute();
  await eventually(async () => (await search.index(programme.id)).size === 0);
});

test('a change to the taxonomies rebuilds from the database', async () => {
  const programme = await buildProgramme(db);
  const before = await search.index(programme.id);
  await db.insertInto('taxonomy_terms').values({ taxonomy: 'help_area', key: 'estates_strategy', label: 'Estates strategy' }).execute();
  await eventually(async () => (await search.index(programme.id)) !== before);
});
