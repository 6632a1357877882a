// Programmes for signed-in people: which they can see (open ones and their own), what each page
// says, their own status, and the header navigation for each kind of person.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';

let t: TestApp;
let plainUser: BuiltUser;
let applicant: BuiltUser;
let adminOfClosed: BuiltUser;
let adminOfOther: BuiltUser;
let platformAdmin: BuiltUser;
let open: { id: string; name: string };
let closed: { id: string; name: string };

before(async () => {
  t = await buildTestApp();
  [plainUser, applicant, adminOfClosed, adminOfOther] = await Promise.all([buildUser(t.db), buildUser(t.db), buildUser(t.db), buildUser(t.db)]);
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
  open = await buildProgramme(t.db, { name: 'Bristol peer support mentoring', mentoringTypes: ['traditional', 'reverse', 'peer'], isOpen: true });
  closed = await buildProgramme(t.db, { name: 'Confidential pilot for ICU consultants', isOpen: false });
  const other = await buildProgramme(t.db, { name: 'Another programme', isOpen: false });
  await t.db.updateTable('programmes').set({
    description: 'Peer support for staff across Bristol. '.repeat(10),
    eligibility: 'Anyone employed by an NHS trust in Bristol.',
    requires_line_manager: false,
  }).where('id', '=', open.id).execute();
  await addMembership(t.db, adminOfClosed.id, closed.id, 'programme_admin');
  await addMembership(t.db, adminOfOther.id, other.id, 'programme_admin');
  await t.db.insertInto('mentor_applications').values({ programme_id: open.id, user_id: applicant.id, status: 'submitted' }).execute();
  await t.db.insertInto('mentee_applications').values({ programme_id: open.id, user_id: applicant.id, status: 'awaiting_line_manager' }).execute();
});
after(async () => t.close());

async function signedIn(userId: string): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, userId));
}

describe('GET /programmes', () => {
  test('anonymous people are sent to sign in', async () => {
    const response = await new TestClient(t.app).get('/programmes');
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fprogrammes');
  });

  test('a signed-in person sees open programmes as cards, not closed ones', async () => {
    const page = await (await signedIn(plainUser.id)).get('/programmes');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<a class="nhsuk-card__link" href="/programmes/${open.id}">\\s*Bristol peer support mentoring`));
    assert.match(page.body, /Traditional, reverse and peer/);
    assert.match(page.body, /Peer support for staff across Bristol\. [^<]*…/, 'a short description');
    assert.match(page.body, /you have not applied/);
    assert.doesNotMatch(page.body, /Confidential pilot for ICU consultants/);
    assert.doesNotMatch(page.body, /Another programme/);
  });

  test('an applicant sees their own status in the programme', async () => {
    const page = await (await signedIn(applicant.id)).get('/programmes');
    assert.match(page.body, /Mentor application sent, waiting for a decision; Mentee application waiting for your line manager/);
  });

  test('a programme admin also sees their own programme while it is not open', async () => {
    const page = await (await signedIn(adminOfClosed.id)).get('/programmes');
    assert.match(page.body, /Confidential pilot for ICU consultants/);
    assert.match(page.body, /Not taking applications at the moment/);
    assert.match(page.body, /You are a programme admin/);
    assert.doesNotMatch(page.body, /Another programme/);
  });
});

describe('GET /programmes/:programmeId', () => {
  test('an open programme explains itself and offers both ways to apply', async () => {
    const page = await (await signedIn(plainUser.id)).get(`/programmes/${open.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Bristol peer support mentoring<\/h1>/);
    assert.match(page.body, /Anyone employed by an NHS trust in Bristol\./);
    assert.match(page.body, /A more junior colleague mentors a senior one/);
    assert.match(page.body, /You do not need your line manager’s support to apply/);
    assert.match(page.body, /A programme admin reviews and approves your application/);
    assert.match(page.body, /45 to 60 minutes/);
    assert.match(page.body, new RegExp(`href="/programmes/${open.id}/mentor-application"[^>]*>\\s*Join the register as a mentor`));
    assert.match(page.body, new RegExp(`href="/programmes/${open.id}/mentee-application"[^>]*>\\s*Apply for mentoring`));
  });

  test('its own admin sees a programme that is not open, without the calls to action', async () => {
    const page = await (await signedIn(adminOfClosed.id)).get(`/programmes/${closed.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /This programme is not taking applications at the moment/);
    assert.doesNotMatch(page.body, /Join the register as a mentor/);
    assert.doesNotMatch(page.body, /Apply for mentoring/);
  });

  test('a programme that is not open is not found for anyone outside it', async () => {
    for (const user of [plainUser, adminOfOther]) {
      const page = await (await signedIn(user.id)).get(`/programmes/${closed.id}`);
      assert.equal(page.statusCode, 404);
      assert.doesNotMatch(page.body, /Confidential pilot/);
    }
  });

  test('an id that is not a programme is not found', async () => {
    const client = await signedIn(plainUser.id);
    assert.equal((await client.get('/programmes/not-a-uuid')).statusCode, 404);
    assert.equal((await client.get('/programmes/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });
});

describe('header navigation', () => {
  const navLinks = (html: string) => [...html.matchAll(/<a class="nhsuk-header__navigation-link" href="([^"]+)"[^>]*>(?:<strong[^>]*>)?([^<]+)/g)].map((m) => `${m[2]} ${m[1]}`);

  test('everyone signed in gets Programmes; platform admins also get the admin pages', async () => {
    assert.deepEqual(navLinks((await (await signedIn(plainUser.id)).get('/account')).body), ['Home /', 'Programmes /programmes']);
    assert.deepEqual(navLinks((await (await signedIn(adminOfClosed.id)).get('/account')).body), ['Home /', 'Programmes /programmes']);
    assert.deepEqual(navLinks((await (await signedIn(platformAdmin.id)).get('/account')).body), [
      'Home /', 'Programmes /programmes', 'Manage programmes /admin/programmes', 'Taxonomies /admin/taxonomies', 'Settings /admin/settings',
    ]);
  });

  test('the current section is marked', async () => {
    const page = await (await signedIn(plainUser.id)).get(`/programmes/${open.id}`);
    assert.match(page.body, /href="\/programmes" aria-current="true"/);
  });
});
