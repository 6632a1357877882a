import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { issueSetupCode } from './service.ts';

const PASSWORD = 'lantern meadow pebble';

async function platformAdmins(t: TestApp) {
  return t.db.selectFrom('users').select(['id', 'email', 'full_name', 'email_verified_at']).where('is_platform_admin', '=', true).execute();
}

async function userCount(t: TestApp): Promise<number> {
  return (await t.db.selectFrom('users').select('id').execute()).length;
}

async function setUpCode(t: TestApp): Promise<string> {
  const code = await issueSetupCode(t.db);
  assert.ok(code, 'a first-run installation issues a setup code');
  return code;
}

describe('first-run setup', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ firstRun: true });
  });
  after(async () => t.close());

  test('every page leads to setup until the platform admin exists', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(home.statusCode, 302);
    assert.equal(home.headers.location, '/setup');
    const signIn = await t.app.inject({ method: 'GET', url: '/sign-in' });
    assert.equal(signIn.headers.location, '/setup');
    const page = await t.app.inject({ method: 'GET', url: '/setup' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Create the platform admin account/);
  });

  test('a wrong code or bad fields are refused and create nobody', async () => {
    await setUpCode(t);
    const client = new TestClient(t.app);
    const wrong = await client.post('/setup', { setupCode: 'AAAA-BBBB-CCCC', fullName: 'Ifeoma Adeyemi', email: 'ifeoma.adeyemi@example.nhs.uk', password: PASSWORD });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /<title>\s*Error: /);
    assert.match(wrong.body, /href="#setupCode">\s*The setup code is not right/);
    assert.match(wrong.body, /value="Ifeoma Adeyemi"/);
    assert.doesNotMatch(wrong.body, /AAAA-BBBB-CCCC|lantern meadow/);

    const bad = await client.post('/setup', { setupCode: '', fullName: '', email: 'not-an-email', password: 'short' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
    assert.match(bad.body, /href="#setupCode">\s*Enter the setup code/);
    assert.match(bad.body, /href="#fullName">\s*Enter your full name/);
    assert.match(bad.body, /Enter an email address in the correct format/);
    assert.match(bad.body, /Password must be 12 characters or more/);
    assert.equal(await userCount(t), 0);
  });

  test('the right code creates a signed-in, confirmed platform admin, once', async () => {
    const code = await setUpCode(t);
    const client = new TestClient(t.app);
    const csrf = await client.csrfToken('/setup');
    // The code is typed by hand: lower case and spaces are accepted.
    const typed = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    const response = await client.post('/setup', { setupCode: typed, fullName: 'Ifeoma Adeyemi', email: 'Ifeoma.Adeyemi@example.nhs.uk', password: PASSWORD }, { csrf });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/');

    const admins = await platformAdmins(t);
    assert.equal(admins.length, 1);
    assert.equal(admins[0]?.email, 'ifeoma.adeyemi@example.nhs.uk');
    assert.ok(admins[0]?.email_verified_at, 'the email is confirmed');
    const home = await client.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Hello, Ifeoma Adeyemi/);
    assert.match(home.body, /Your platform admin account is ready/);

    assert.equal((await client.get('/setup')).statusCode, 404);
    const again = await client.post('/setup', { setupCode: code, fullName: 'Someone Else', email: 'someone.else@example.nhs.uk', password: PASSWORD }, { csrf });
    assert.equal(again.statusCode, 404);
    assert.equal(await issueSetupCode(t.db), null);
    assert.equal(await userCount(t), 1);
  });
});

describe('first-run setup under a race', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ firstRun: true });
  });
  after(async () => t.close());

  test('two people with the right code at the same moment make exactly one platform admin', async () => {
    const code = await setUpCode(t);
    const clients = [new TestClient(t.app), new TestClient(t.app)];
    const tokens = await Promise.all(clients.map((client) => client.csrfToken('/setup')));
    const responses = await Promise.all(
      clients.map((client, i) =>
        client.post('/setup', { setupCode: code, fullName: `Racer ${i}`, email: `racer.${i}@example.nhs.uk`, password: PASSWORD }, { csrf: tokens[i] ?? false }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    assert.equal(statuses.filter((s) => s === 302).length, 1, `statuses: ${statuses.join(', ')}`);
    const loser = responses.find((r) => r.statusCode !== 302);
    assert.ok(loser && (loser.statusCode === 409 || loser.statusCode === 404), `the other request is refused (got ${loser?.statusCode})`);
    if (loser.statusCode === 409) assert.match(loser.body, /already been set up/);
    assert.equal((await platformAdmins(t)).length, 1);
    assert.equal(await userCount(t), 1);
  });
});
