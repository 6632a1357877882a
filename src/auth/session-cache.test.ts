// Sessions and mentees' search contexts held in memory (ADR 0004), with the change feed running as
// in production: requests are answered from memory, and a change made anywhere — here written
// straight to the database, as another instance would — is seen within moments: an ended session
// signs the person out, a new role lets them in, a shortlist shows on the search page. Signing out
// on this instance takes effect at once. Without a live feed nothing is kept.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { TestClient } from '../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser } from '../../test/support/builders.ts';
import { signedIn } from '../features/mentors/testing.ts';
import { approvedMentee, approvedMentor, indexed } from '../features/search/testing.ts';
import { CHANGE_FEED_NAME, type ChangeFeed } from '../platform/change-feed.ts';
import { SessionCache } from './session-cache.ts';
import { createSession } from './sessions.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp({ changeFeed: true });
});
after(async () => t.close());

/** Polls until `check` holds (a notification takes milliseconds; this allows up to 5 seconds). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`never happened: ${what}`);
}

test('a signed-in person is answered from memory; a session ended elsewhere signs them out', async () => {
  const cache = t.app.deps.sessionCache;
  assert.ok(cache, 'the feed is running, so sessions are cached');
  const user = await buildUser(t.db);
  const client = await signedIn(t, user);
  assert.equal((await client.get('/account')).statusCode, 200);
  const hits = cache.hits;
  assert.equal((await client.get('/account')).statusCode, 200);
  assert.ok(cache.hits > hits, 'the second request was answered from memory');

  await t.db.deleteFrom('auth_sessions').where('user_id', '=', user.id).execute();
  await eventually(async () => (await client.get('/account')).statusCode === 302, 'the ended session is refused');
});

test('a role given elsewhere is seen, and one taken away', async () => {
  const programme = await buildProgramme(t.db);
  const user = await buildUser(t.db);
  const client = await signedIn(t, user);
  const adminPage = `/admin/programmes/${programme.id}`;
  assert.equal((await client.get(adminPage)).statusCode, 403);
  await addMembership(t.db, user.id, programme.id, 'programme_admin');
  await eventually(async () => (await client.get(adminPage)).statusCode === 200, 'the new role lets them in');
  await t.db.deleteFrom('programme_memberships').where('user_id', '=', user.id).execute();
  await eventually(async () => (await client.get(adminPage)).statusCode === 403, 'the role taken away shuts them out');

});

test('signing out on this instance is immediate, without waiting for the notification', async () => {
  const user = await buildUser(t.db);
  const token = await createSession(t.db, user.id);
  const client = new TestClient(t.app).setCookieHeader(`mh_session=${token}`);
  assert.equal((await client.get('/account')).statusCode, 200);
  assert.equal((await client.get('/account')).statusCode, 200, 'held in memory now');
  const out = await client.post('/sign-out', {}, { from: '/account' });
  assert.equal(out.statusCode, 302);
  const again = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie: `mh_session=${token}` } });
  assert.equal(again.statusCode, 302, 'the old cookie no longer works, at once');
});

test('a mentee\'s shortlist changed elsewhere shows on their next search', async () => {
  const programme = await buildProgramme(t.db);
  const mentor = await approvedMentor(t, programme.id, { fullName: 'Iwan Feed', region: 'wales' });
  await indexed(t, mentor);
  const { user, client } = await approvedMentee(t, programme.id);
  const search = `/programmes/${programme.id}/find-a-mentor?region=wales`;
  await client.get('/account');
  assert.match((await client.get(search)).body, /Shortlist<span class="nhsuk-u-visually-hidden"> Iwan Feed/);
  await t.db.insertInto('shortlist_entries').values({ programme_id: programme.id, mentee_id: user.id, mentor_id: mentor.id }).execute();
  await eventually(async () => /Remove from shortlist/.test((await client.get(search)).body), 'the shortlist shows');
});

test('with the feed down, nothing is kept: every request reads the database', async () => {
  const down = { live: false, on: () => undefined, onReset: () => undefined } as unknown as ChangeFeed;
  const offline = new SessionCache(down);
  const user = await buildUser(t.db);
  const token = await createSession(t.db, user.id);
  const settings = t.config.session;
  assert.equal((await offline.load(t.db, token, settings))?.actor.id, user.id);
  assert.equal((await offline.load(t.db, token, settings))?.actor.id, user.id);
  assert.equal(offline.hits, 0);
  await t.db.deleteFrom('auth_sessions').where('user_id', '=', user.id).execute();
  assert.equal(await offline.load(t.db, token, settings), null, 'an ended session is refused at once');
});

test('a person\'s own change on this instance shows on their very next page, every time', async () => {
  const programme = await buildProgramme(t.db);
  const mentor = await approvedMentor(t, programme.id, { fullName: 'Osian Own', region: 'wales' });
  await indexed(t, mentor);
  const { client } = await approvedMentee(t, programme.id);
  const search = `/programmes/${programme.id}/find-a-mentor?region=wales`;
  await client.get('/account');
  for (let round = 0; round < 5; round += 1) {
    await client.get(search);
    assert.equal((await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}`, { returnTo: search }, { from: search })).statusCode, 302);
    assert.match((await client.get(search)).body, /Remove from shortlist/, `round ${round}: added`);
    assert.equal((await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}/remove`, { returnTo: search }, { from: search })).statusCode, 302);
    assert.doesNotMatch((await client.get(search)).body, /Remove from shortlist/, `round ${round}: removed`);
  }
});

test('when the listening connection is cut, nothing is trusted until it is back, and changes are seen again', async () => {
  const feed = t.app.deps.feed;
  assert.ok(feed?.live);
  const user = await buildUser(t.db);
  const client = await signedIn(t, user);
  assert.equal((await client.get('/account')).statusCode, 200);
  const listener = () => sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${CHANGE_FEED_NAME}`.execute(t.db);
  const [before] = (await listener()).rows;
  assert.ok(before, 'the feed has its connection');
  await sql`select pg_terminate_backend(${before.pid})`.execute(t.db);
  await eventually(async () => !feed.live, 'the cut is noticed');
  await eventually(async () => feed.live && (await listener()).rows.some((row) => row.pid !== before.pid), 'the feed is listening again on a new connection');
  await t.db.deleteFrom('auth_sessions').where('user_id', '=', user.id).execute();
  await eventually(async () => (await client.get('/account')).statusCode === 302, 'a change after reconnecting is seen');
});
