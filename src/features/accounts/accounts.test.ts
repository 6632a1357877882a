import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { emailsTo as emailsToIn, linkIn } from '../../../test/support/emails.ts';
import { buildUser, DEFAULT_PASSWORD, sessionCookie } from '../../../test/support/builders.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const GOOD_PASSWORD = 'lantern meadow pebble';

function emailsTo(recipient: string) {
  return emailsToIn(t.db, recipient);
}

describe('register', () => {
  test('bad input gets the NHS error summary, keeps what was typed (not the password) and stores nothing', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/register', { fullName: 'Priya Shah', email: 'not-an-email', password: 'password123' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Create an account/);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /href="#email">\s*Enter an email address in the correct format/);
    assert.match(response.body, /Password must be 12 characters or more/);
    assert.match(response.body, /value="Priya Shah"/);
    assert.doesNotMatch(response.body, /password123/);
    const users = await t.db.selectFrom('users').select('id').where('email', '=', 'not-an-email').execute();
    assert.equal(users.length, 0);
  });

  test('a commonly used password is refused with advice', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/register', { fullName: 'Sam Okoro', email: 'sam.okoro@example.nhs.uk', password: 'password1234' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /This password is too common/);
  });

  test('creates an unconfirmed account and emails a confirmation link with no personal content', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/register', { fullName: 'Grace Mensah', email: ' Grace.Mensah@Example.NHS.uk ', password: GOOD_PASSWORD });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/register/check-email');
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'grace.mensah@example.nhs.uk').executeTakeFirstOrThrow();
    assert.equal(user.email_verified_at, null);
    assert.match(user.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    const [email] = await emailsTo('grace.mensah@example.nhs.uk');
    assert.ok(email);
    assert.equal(email.template, 'verifyEmail');
    assert.doesNotMatch(`${email.text_body} ${email.html_body}`, new RegExp(`${GOOD_PASSWORD}|Grace Mensah`));
    linkIn(email.text_body, '/verify-email');
  });

  test('an email that already has an account gets the same answer, and its owner is told', async () => {
    const existing = await buildUser(t.db);
    const client = new TestClient(t.app);
    const response = await client.post('/register', { fullName: 'Someone Else', email: existing.email, password: GOOD_PASSWORD });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/register/check-email');
    const users = await t.db.selectFrom('users').select('full_name').where('email', '=', existing.email).execute();
    assert.deepEqual(users.map((u) => u.full_name), [existing.fullName]);
    const emails = await emailsTo(existing.email);
    assert.deepEqual(emails.map((e) => e.template), ['accountExists']);
  });

  test('a POST without a CSRF token is refused and changes nothing', async () => {
    const client = new TestClient(t.app);
    const response = await client.post('/register', { fullName: 'No Token', email: 'no.token@example.nhs.uk', password: GOOD_PASSWORD }, { csrf: false });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Your form could not be sent/);
    const users = await t.db.selectFrom('users').select('id').where('email', '=', 'no.token@example.nhs.uk').execute();
    assert.equal(users.length, 0);
  });
});

describe('confirm email and sign in', () => {
  test('the journey: register, confirm, sign in with a new session id, sign out', async () => {
    const client = new TestClient(t.app);
    await client.post('/register', { fullName: 'Tomasz Nowak', email: 'tomasz.nowak@example.nhs.uk', password: GOOD_PASSWORD });

    const early = await client.post('/sign-in', { email: 'tomasz.nowak@example.nhs.uk', password: GOOD_PASSWORD });
    assert.equal(early.statusCode, 200);
    assert.match(early.body, /Confirm your email address first/);

    const emails = await emailsTo('tomasz.nowak@example.nhs.uk');
    assert.equal(emails.length, 2, 'a fresh link is sent when an unconfirmed account signs in');
    const oldLink = linkIn(emails[0]?.text_body ?? '', '/verify-email');
    const link = linkIn(emails[1]?.text_body ?? '', '/verify-email');
    const stale = await client.get(oldLink);
    assert.equal(stale.statusCode, 400, 'the earlier link stopped working when a new one was sent');
    const confirmed = await client.get(link);
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /Your email address is confirmed/);
    const again = await client.get(link);
    assert.match(again.body, /already confirmed/);

    client.setCookieHeader('mh_session=stale-token-from-before');
    const signedIn = await client.post('/sign-in', { email: 'Tomasz.Nowak@example.nhs.uk', password: GOOD_PASSWORD, returnTo: '/account' });
    assert.equal(signedIn.statusCode, 302);
    assert.equal(signedIn.headers.location, '/account');
    const cookie = signedIn.cookies.find((c) => c.name === 'mh_session');
    assert.ok(cookie && cookie.value !== 'stale-token-from-before');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');

    const account = await client.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /tomasz.nowak@example.nhs.uk/);
    assert.equal(account.headers['cache-control'], 'no-store');

    // The header's sign-out button carries its CSRF token in the form action.
    const action = /action="(\/sign-out\?_csrf=[^"]+)"/.exec(account.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(action);
    const signedOut = await client.post(decodeURIComponent(action).replace(/_csrf=(.*)$/, (_m, v: string) => `_csrf=${encodeURIComponent(v)}`), {}, { csrf: false });
    assert.equal(signedOut.statusCode, 302);
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'tomasz.nowak@example.nhs.uk').executeTakeFirstOrThrow();
    const left = await t.db.selectFrom('auth_sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(left.length, 0);
    const afterSignOut = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie: `mh_session=${cookie.value}` } });
    assert.equal(afterSignOut.statusCode, 302);
  });

  test('wrong password and unknown email get the same message', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app);
    const wrong = await client.post('/sign-in', { email: user.email, password: 'not the password at all' });
    const unknown = await client.post('/sign-in', { email: 'nobody.here@example.nhs.uk', password: 'not the password at all' });
    for (const response of [wrong, unknown]) {
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Enter a correct email address and password/);
    }
  });

  test('returnTo cannot send people to another site', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app);
    const response = await client.post('/sign-in', { email: user.email, password: DEFAULT_PASSWORD, returnTo: '//evil.example/' });
    assert.equal(response.headers.location, '/');
  });

  test('ten failed attempts on one account block the eleventh, even with the right password, and only for that account', async () => {
    const user = await buildUser(t.db);
    const other = await buildUser(t.db);
    const client = new TestClient(t.app);
    const attempts = Array.from({ length: 10 }, () => client.post('/sign-in', { email: user.email, password: 'wrong password guess' }));
    const results = await Promise.all(attempts);
    assert.ok(results.every((r) => r.statusCode === 400));
    const blocked = await client.post('/sign-in', { email: user.email, password: DEFAULT_PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /tried to sign in too many times. Wait 15 minutes/);
    const fine = await client.post('/sign-in', { email: other.email, password: DEFAULT_PASSWORD });
    assert.equal(fine.statusCode, 302);
    // The window slides: once the attempts are older than 15 minutes the owner can sign in.
    await t.db.updateTable('sign_in_attempts').set({ created_at: sql`now() - interval '16 minutes'` }).execute();
    const later = await client.post('/sign-in', { email: user.email, password: DEFAULT_PASSWORD });
    assert.equal(later.statusCode, 302);
  });

  test('concurrent guesses cannot get past the limit', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app);
    const token = await client.csrfToken('/sign-in');
    const results = await Promise.all(
      Array.from({ length: 16 }, () => client.post('/sign-in', { email: user.email, password: 'wrong password guess' }, { csrf: token })),
    );
    assert.equal(results.filter((r) => r.statusCode === 400).length, 10);
    assert.equal(results.filter((r) => r.statusCode === 429).length, 6);
  });
});

describe('sessions', () => {
  test('an idle session expires: signed-in pages lead to the signed-out page', async () => {
    const user = await buildUser(t.db);
    const cookie = await sessionCookie(t.db, user.id);
    await t.db.updateTable('auth_sessions').set({ last_seen_at: sql`now() - interval '31 minutes'` }).execute();
    const response = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie } });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/signed-out');
    const page = await t.app.inject({ method: 'GET', url: '/signed-out' });
    assert.match(page.body, /You have been signed out/);
  });

  test('a session older than the absolute limit expires however active it is', async () => {
    const user = await buildUser(t.db);
    const cookie = await sessionCookie(t.db, user.id);
    await t.db.updateTable('auth_sessions').set({ created_at: sql`now() - interval '13 hours'` }).where('user_id', '=', user.id).execute();
    const response = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie } });
    assert.equal(response.headers.location, '/signed-out');
  });

  test('signed-out visitors to a signed-in page are sent to sign in and back', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/account' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Faccount');
  });
});
