// The mentee profile: one per person, three sections, each form refusing bad input without storing
// anything, and retired taxonomy terms kept through a save.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { buildUser, sessionCookie } from '../../../test/support/builders.ts';
import { termId } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

async function signedIn() {
  const user = await buildUser(t.db);
  const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
  return { user, client };
}

async function profileOf(userId: string) {
  return t.db.selectFrom('mentee_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

async function menteeTerms(userId: string) {
  const rows = await t.db.selectFrom('profile_terms').select('term_id').where('user_id', '=', userId).where('side', '=', 'mentee').execute();
  return rows.map((row) => row.term_id).sort();
}

const WHO_SEES = /Who can see this:<\/strong> Programme admins of the programmes you apply to, and mentors you invite to a chemistry meeting. Never your line manager./;

async function goodRole() {
  return {
    jobTitle: 'Staff nurse', professionId: await termId(t.db, 'profession', 'nursing'), bandId: await termId(t.db, 'band', 'afc_5'),
    organisation: 'Westfield Community Health', regionId: await termId(t.db, 'region', 'north_west'), careSettingId: await termId(t.db, 'care_setting', 'community'),
  };
}

describe('the profile page', () => {
  test('anonymous visitors are sent to sign in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/profile/mentee' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fprofile%2Fmentee');
  });

  test('an empty profile lists what is missing, with change links and who sees it', async () => {
    const { client } = await signedIn();
    const page = await client.get('/profile/mentee');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Your mentee profile<\/h1>/);
    assert.match(page.body, WHO_SEES);
    assert.match(page.body, /href="\/profile\/mentee\/role#jobTitle">Enter your job title/);
    assert.match(page.body, /href="\/profile\/mentee\/mentoring#goals">Enter what you want to gain from mentoring/);
    for (const section of ['role', 'mentoring', 'preferences']) assert.match(page.body, new RegExp(`href="/profile/mentee/${section}#`));
  });

  test('every edit page says who sees it', async () => {
    const { client } = await signedIn();
    for (const section of ['role', 'mentoring', 'preferences']) {
      const page = await client.get(`/profile/mentee/${section}`);
      assert.equal(page.statusCode, 200, section);
      assert.match(page.body, WHO_SEES, section);
    }
  });
});

describe('your role', () => {
  test('bad input: 400, the error summary, what was typed kept, nothing stored', async () => {
    const { user, client } = await signedIn();
    const role = await goodRole();
    const response = await client.post('/profile/mentee/role', { ...role, jobTitle: '  ', professionId: '', organisation: 'Kept Organisation' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Your role/);
    assert.match(response.body, /href="#jobTitle">\s*Enter your job title/);
    assert.match(response.body, /href="#professionId">\s*Select your profession/);
    assert.match(response.body, /value="Kept Organisation"/);
    assert.match(response.body, new RegExp(`<option value="${role.bandId}" selected>`));
    assert.equal(await profileOf(user.id), undefined);
  });

  test('a forged or retired term is refused', async () => {
    const { user, client } = await signedIn();
    const role = await goodRole();
    const notAProfession = await termId(t.db, 'region', 'london');
    const forged = await client.post('/profile/mentee/role', { ...role, professionId: notAProfession });
    assert.equal(forged.statusCode, 400);
    assert.match(forged.body, /href="#professionId">\s*Select your profession/);
    assert.equal(await profileOf(user.id), undefined);
  });

  test('saves, then goes back to the profile with a message', async () => {
    const { user, client } = await signedIn();
    const role = await goodRole();
    const response = await client.post('/profile/mentee/role', role);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/profile/mentee');
    const saved = await profileOf(user.id);
    assert.equal(saved?.job_title, 'Staff nurse');
    assert.equal(saved?.profession_id, role.professionId);
    const page = await client.get('/profile/mentee');
    assert.match(page.body, /Your mentee profile has been saved/);
    assert.match(page.body, /Westfield Community Health/);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('actor_user_id', '=', user.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['mentee_profile.updated']);
  });

  test('returns to the application page it came from, and only to our own pages', async () => {
    const { client } = await signedIn();
    const role = await goodRole();
    const back = '/programmes/0a000000-0000-4000-8000-00000000000a/mentee-application';
    const form = await client.get(`/profile/mentee/role?returnTo=${encodeURIComponent(back)}`);
    assert.match(form.body, new RegExp(`name="returnTo" value="${back}"`));
    const ours = await client.post('/profile/mentee/role', { ...role, returnTo: back });
    assert.equal(ours.headers.location, back);
    const elsewhere = await client.post('/profile/mentee/role', { ...role, returnTo: '//evil.example/' });
    assert.equal(elsewhere.headers.location, '/profile/mentee');
  });
});

describe('what you want from mentoring', () => {
  test('bad input: goals and a meeting mode are needed, goals are limited to 1,500 characters, nothing stored', async () => {
    const { user, client } = await signedIn();
    const empty = await client.post('/profile/mentee/mentoring', { goals: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#goals">\s*Enter what you want to gain from mentoring/);
    assert.match(empty.body, /href="#meetingModeIds">\s*Select at least one way you would like to meet/);

    const long = 'a'.repeat(1501);
    const area = await termId(t.db, 'help_area', 'leading_change');
    const tooLong = await client.post('/profile/mentee/mentoring', { goals: long, helpAreaIds: area, meetingModeIds: await termId(t.db, 'meeting_mode', 'phone') });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /must be 1,500 characters or fewer/);
    assert.ok(tooLong.body.includes(long), 'what was typed is kept');
    assert.match(tooLong.body, new RegExp(`value="${area}" checked`), 'ticked boxes stay ticked');
    assert.match(tooLong.body, /data-maxlength="1500"/, 'the nhsuk character count is used');
    assert.equal(await profileOf(user.id), undefined);
    assert.deepEqual(await menteeTerms(user.id), []);
  });

  test('new lines count as one character each', async () => {
    const { user, client } = await signedIn();
    const goals = `${'a'.repeat(749)}\r\n${'b'.repeat(750)}`;
    const response = await client.post('/profile/mentee/mentoring', { goals, meetingModeIds: await termId(t.db, 'meeting_mode', 'video') });
    assert.equal(response.statusCode, 302);
    assert.equal((await profileOf(user.id))?.goals.length, 1500);
  });

  test('saves goals, areas and modes on the mentee side only', async () => {
    const { user, client } = await signedIn();
    await t.db.insertInto('profile_terms').values({ user_id: user.id, side: 'mentor', term_id: await termId(t.db, 'help_area', 'digital_skills') }).execute();
    const areas = [await termId(t.db, 'help_area', 'leading_change'), await termId(t.db, 'help_area', 'networking')];
    const modes = [await termId(t.db, 'meeting_mode', 'video')];
    const response = await client.post('/profile/mentee/mentoring', { goals: 'Lead my first change project', helpAreaIds: areas, meetingModeIds: modes });
    assert.equal(response.statusCode, 302);
    assert.deepEqual(await menteeTerms(user.id), [...areas, ...modes].sort());
    const mentorSide = await t.db.selectFrom('profile_terms').select('term_id').where('user_id', '=', user.id).where('side', '=', 'mentor').execute();
    assert.equal(mentorSide.length, 1, 'the mentor profile is not touched');
    const page = await client.get('/profile/mentee');
    assert.match(page.body, /Lead my first change project/);
    assert.match(page.body, /Leading change, Networking and making connections|Networking and making connections, Leading change/);
  });

  test('a retired term already held stays offered, selected and saved; it cannot be newly chosen', async () => {
    const { user, client } = await signedIn();
    const retired = await termId(t.db, 'help_area', 'returning_to_practice');
    const video = await termId(t.db, 'meeting_mode', 'video');
    assert.equal((await client.post('/profile/mentee/mentoring', { goals: 'Return to practice', helpAreaIds: retired, meetingModeIds: video })).statusCode, 302);
    await t.db.updateTable('taxonomy_terms').set({ retired_at: new Date() }).where('id', '=', retired).execute();
    try {
      const form = await client.get('/profile/mentee/mentoring');
      assert.match(form.body, new RegExp(`value="${retired}" checked`));
      assert.equal((await client.post('/profile/mentee/mentoring', { goals: 'Return to practice soon', helpAreaIds: retired, meetingModeIds: video })).statusCode, 302);
      assert.deepEqual(await menteeTerms(user.id), [retired, video].sort());

      const other = await signedIn();
      const refused = await other.client.post('/profile/mentee/mentoring', { goals: 'Anything', helpAreaIds: retired, meetingModeIds: video });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Select areas from the list/);
      assert.doesNotMatch((await other.client.get('/profile/mentee/mentoring')).body, new RegExp(retired));
    } finally {
      await t.db.updateTable('taxonomy_terms').set({ retired_at: null }).where('id', '=', retired).execute();
    }
  });
});

describe('preferences', () => {
  test('bad input is refused and nothing stored', async () => {
    const { user, client } = await signedIn();
    const response = await client.post('/profile/mentee/preferences', { preferences: 'x'.repeat(1001), options: ['peer', 'telepathy'] });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Your preferences must be 1,000 characters or fewer/);
    assert.match(response.body, /Select preferences from the list/);
    assert.match(response.body, /value="peer" checked/);
    assert.equal(await profileOf(user.id), undefined);
  });

  test('saves the text and the checkboxes, and unticking clears them', async () => {
    const { user, client } = await signedIn();
    assert.equal((await client.post('/profile/mentee/preferences', { preferences: 'Someone from primary care', options: ['other_profession', 'reverse'] })).statusCode, 302);
    let saved = await profileOf(user.id);
    assert.deepEqual([saved?.preferences, saved?.prefers_other_profession, saved?.prefers_other_setting, saved?.open_to_reverse, saved?.open_to_peer], ['Someone from primary care', true, false, true, false]);
    assert.equal((await client.post('/profile/mentee/preferences', { preferences: '' })).statusCode, 302);
    saved = await profileOf(user.id);
    assert.deepEqual([saved?.preferences, saved?.prefers_other_profession, saved?.open_to_reverse], ['', false, false]);
  });
});
