import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { emailsTo as emailsToIn, linkIn } from '../../../test/support/emails.ts';
import { buildUser, DEFAULT_PASSWORD, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const NEW_PASSWORD = 'lantern meadow pebble';

function emailsTo(recipient: string) {
  return emailsToIn(t.db, recipient);
}

/** Asks for a reset link through the form and returns the link from the newest email. */
async function resetLinkFor(email: string): Promise<string> {
  const response = await new TestClient(t.app).post('/forgot-password', { email });
  assert.equal(response.statusCode, 302);
  const emails = (await emailsTo(email)).filter((e) => e.template === 'resetPassword');
  return linkIn(emails.at(-1)?.text_body ?? null, '/reset-password');
}

async function signInStatus(email: string, password: string): Promise<number> {
  return (await new TestClient(t.app).post('/sign-in', { email, password })).statusCode;
}

async function reachesAccount(cookie: string): Promise<boolean> {
  return (await t.app.inject({ method: 'GET', url: '/account', headers: { cookie } })).statusCode === 200;
}

async function passwordHash(user: BuiltUser): Promise<string | null> {
  return (await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash;
}

describe('forgot password', () => {
  test('an empty or malformed email gets the NHS error summary and keeps what was typed', async () => {
    const client = new TestClient(t.app);
    const empty = await client.post('/forgot-password', { email: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<title>\s*Error: Reset your password – Mentoring Hub – NHS\s*<\/title>/);
    assert.match(empty.body, /There is a problem/);
    assert.match(empty.body, /href="#email">\s*Enter your email address/);
    const invalid = await client.post('/forgot-password', { email: 'not-an-email' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /Enter an email address in the correct format/);
    assert.match(invalid.body, /value="not-an-email"/);
    assert.equal((await emailsTo('not-an-email')).length, 0);
  });

  test('a known email gets a reset link, with no personal content', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app);
    const response = await client.post('/forgot-password', { email: ` ${user.email.toUpperCase()} ` });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/forgot-password/check-email');
    assert.match((await client.get('/forgot-password/check-email')).body, /Check your email/);
    const emails = await emailsTo(user.email);
    assert.deepEqual(emails.map((e) => e.template), ['resetPassword']);
    const [email] = emails;
    assert.ok(email);
    assert.equal(email.user_id, user.id);
    linkIn(email.text_body, '/reset-password');
    assert.match(email.html_body ?? '', /\/reset-password\?token=/);
    assert.ok(!`${email.subject} ${email.text_body} ${email.html_body}`.includes(user.fullName), 'the email names the person');
  });

  test('an unknown email gets the same answer and a "no account" email, and no account is made', async () => {
    const address = 'no.account.here@example.nhs.uk';
    const response = await new TestClient(t.app).post('/forgot-password', { email: address });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/forgot-password/check-email');
    const emails = await emailsTo(address);
    assert.deepEqual(emails.map((e) => e.template), ['resetNoAccount']);
    assert.equal(emails[0]?.user_id, null);
    assert.doesNotMatch(emails[0]?.text_body ?? '', /reset-password\?token=/);
    assert.equal((await t.db.selectFrom('users').select('id').where('email', '=', address).execute()).length, 0);
  });

  test('the eleventh request for one email within the window is refused', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app);
    const token = await client.csrfToken('/forgot-password');
    for (let i = 0; i < 10; i++) assert.equal((await client.post('/forgot-password', { email: user.email }, { csrf: token })).statusCode, 302);
    const blocked = await client.post('/forgot-password', { email: user.email }, { csrf: token });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /You have asked to reset your password too many times/);
    assert.equal((await emailsTo(user.email)).length, 10);
  });
});

describe('reset password by emailed link', () => {
  test('the journey: bad passwords refused, a good one set, every session ended, the link used up', async () => {
    const user = await buildUser(t.db);
    const phone = await sessionCookie(t.db, user.id);
    const laptop = await sessionCookie(t.db, user.id);
    assert.ok(await reachesAccount(phone));
    const link = await resetLinkFor(user.email);
    const token = link.replace('/reset-password?token=', '');

    const originalHash = await passwordHash(user);
    const client = new TestClient(t.app);
    const form = await client.get(link);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`<input type="hidden" name="token" value="${token}">`));

    const short = await client.post('/reset-password', { token, password: 'tiny pw' }, { from: link });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /<title>\s*Error: /);
    assert.match(short.body, /Password must be 12 characters or more/);
    assert.doesNotMatch(short.body, /tiny pw/);
    assert.match(short.body, new RegExp(`name="token" value="${token}"`), 'the form keeps the link token');
    const common = await client.post('/reset-password', { token, password: 'password1234' }, { from: link });
    assert.equal(common.statusCode, 400);
    assert.match(common.body, /This password is too common/);
    assert.doesNotMatch(common.body, /password1234/);
    assert.equal(await passwordHash(user), originalHash, 'refused passwords change nothing');

    const done = await client.post('/reset-password', { token, password: NEW_PASSWORD }, { from: link });
    assert.equal(done.statusCode, 302);
    assert.equal(done.headers.location, '/sign-in');
    assert.match((await client.get('/sign-in')).body, /Your password has been changed/);
    assert.doesNotMatch((await client.get('/sign-in')).body, /Your password has been changed/, 'the flash shows once');

    assert.equal(await reachesAccount(phone), false);
    assert.equal(await reachesAccount(laptop), false);
    assert.equal((await t.db.selectFrom('auth_sessions').select('id').where('user_id', '=', user.id).execute()).length, 0);
    assert.deepEqual((await emailsTo(user.email)).map((e) => e.template), ['resetPassword', 'passwordChanged']);
    assert.equal(await signInStatus(user.email, DEFAULT_PASSWORD), 400);
    assert.equal(await signInStatus(user.email, NEW_PASSWORD), 302);

    const hashAfterReset = await passwordHash(user);
    const again = await client.get(link);
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /This link has already been used/);
    const csrf = await client.csrfToken('/forgot-password');
    const replay = await client.post('/reset-password', { token, password: 'another fresh passphrase' }, { csrf });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /This link has already been used/);
    assert.equal(await passwordHash(user), hashAfterReset);
    assert.equal(await signInStatus(user.email, NEW_PASSWORD), 302);
  });

  test('an expired link is refused, GET and POST', async () => {
    const user = await buildUser(t.db);
    const link = await resetLinkFor(user.email);
    await t.db.updateTable('auth_tokens').set({ expires_at: sql<Date>`now() - interval '1 minute'` }).where('user_id', '=', user.id).execute();
    const client = new TestClient(t.app);
    const page = await client.get(link);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /This link has expired/);
    const csrf = await client.csrfToken('/forgot-password');
    const posted = await client.post('/reset-password', { token: link.replace('/reset-password?token=', ''), password: NEW_PASSWORD }, { csrf });
    assert.equal(posted.statusCode, 400);
    assert.match(posted.body, /This link has expired/);
    assert.equal(await signInStatus(user.email, DEFAULT_PASSWORD), 302);
  });

  test('a nonsense or missing token does not work', async () => {
    const client = new TestClient(t.app);
    for (const url of ['/reset-password?token=not-a-real-token', '/reset-password']) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /This link does not work/);
    }
    const csrf = await client.csrfToken('/forgot-password');
    const posted = await client.post('/reset-password', { token: 'not-a-real-token', password: NEW_PASSWORD }, { csrf });
    assert.equal(posted.statusCode, 400);
    assert.match(posted.body, /This link does not work/);
  });

  test('asking for a second link makes the first one stop working', async () => {
    const user = await buildUser(t.db);
    const first = await resetLinkFor(user.email);
    const second = await resetLinkFor(user.email);
    assert.notEqual(first, second);
    const client = new TestClient(t.app);
    const old = await client.get(first);
    assert.equal(old.statusCode, 400);
    assert.match(old.body, /This link has expired/, 'a superseded link reads as expired, not as used');
    const csrf = await client.csrfToken('/forgot-password');
    const stale = await client.post('/reset-password', { token: first.replace('/reset-password?token=', ''), password: NEW_PASSWORD }, { csrf });
    assert.equal(stale.statusCode, 400);
    assert.equal(await signInStatus(user.email, DEFAULT_PASSWORD), 302);
    assert.equal((await client.get(second)).statusCode, 200);
  });

  test('a reset lets a throttled owner straight back in', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app);
    const csrf = await client.csrfToken('/sign-in');
    const guesses = await Promise.all(Array.from({ length: 10 }, () => client.post('/sign-in', { email: user.email, password: 'wrong password guess' }, { csrf })));
    assert.ok(guesses.every((r) => r.statusCode === 400));
    const blocked = await client.post('/sign-in', { email: user.email, password: DEFAULT_PASSWORD }, { csrf });
    assert.equal(blocked.statusCode, 429);

    const link = await resetLinkFor(user.email);
    const reset = await client.post('/reset-password', { token: link.replace('/reset-password?token=', ''), password: NEW_PASSWORD }, { from: link });
    assert.equal(reset.statusCode, 302);
    const signedIn = await client.post('/sign-in', { email: user.email, password: NEW_PASSWORD });
    assert.equal(signedIn.statusCode, 302);
    assert.equal(signedIn.headers.location, '/');
  });
});

describe('change password while signed in', () => {
  test('a wrong current password or a weak new one changes nothing', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
    const before = await passwordHash(user);
    const wrong = await client.post('/account/change-password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Your current password is not right/);
    assert.doesNotMatch(wrong.body, /not my password|lantern meadow/);
    const short = await client.post('/account/change-password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'too short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Password must be 12 characters or more/);
    assert.equal(await passwordHash(user), before);
    assert.equal((await emailsTo(user.email)).length, 0);
    assert.equal(await signInStatus(user.email, DEFAULT_PASSWORD), 302);
  });

  test('success keeps this session, ends the others, emails the owner and is audited', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
    const other = await sessionCookie(t.db, user.id);
    const response = await client.post('/account/change-password', { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/account');
    const account = await client.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Your password has been changed/);
    assert.equal(await reachesAccount(other), false);
    assert.deepEqual((await emailsTo(user.email)).map((e) => e.template), ['passwordChanged']);
    const audit = await t.db.selectFrom('audit_events').select('actor_user_id').where('action', '=', 'account.password_changed').where('subject_id', '=', user.id).execute();
    assert.deepEqual(audit.map((a) => a.actor_user_id), [user.id]);
    assert.equal(await signInStatus(user.email, DEFAULT_PASSWORD), 400);
    assert.equal(await signInStatus(user.email, NEW_PASSWORD), 302);
  });

  test('guessing the current password from a signed-in session is throttled', async () => {
    const user = await buildUser(t.db);
    const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
    const before = await passwordHash(user);
    const csrf = await client.csrfToken('/account/change-password');
    for (let i = 0; i < 10; i += 1) {
      const guess = await client.post('/account/change-password', { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD }, { csrf });
      assert.equal(guess.statusCode, 400);
    }
    const blocked = await client.post('/account/change-password', { currentPassword: DEFAULT_PASSWORD, newPassword: NEW_PASSWORD }, { csrf });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /too many times/);
    assert.equal(await passwordHash(user), before, 'the password was not changed');
  });
});

describe('sign out everywhere', () => {
  test('ends every session of this user and no one else', async () => {
    const user = await buildUser(t.db);
    const bystander = await buildUser(t.db);
    const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
    const other = await sessionCookie(t.db, user.id);
    const theirs = await sessionCookie(t.db, bystander.id);
    const response = await client.post('/account/sign-out-everywhere', {}, { from: '/account' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/sign-in');
    assert.match((await client.get('/sign-in')).body, /You have signed out on every device/);
    assert.equal((await client.get('/account')).statusCode, 302);
    assert.equal(await reachesAccount(other), false);
    assert.equal((await t.db.selectFrom('auth_sessions').select('id').where('user_id', '=', user.id).execute()).length, 0);
    assert.ok(await reachesAccount(theirs));
  });
});
