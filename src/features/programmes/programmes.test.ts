import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';

let t: TestApp;
let platformAdmin: BuiltUser;

before(async () => {
  t = await buildTestApp();
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
});
after(async () => t.close());

async function signedIn(userId: string): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, userId));
}

async function programmeCount(): Promise<number> {
  const rows = await t.db.selectFrom('programmes').select('id').execute();
  return rows.length;
}

/** Creates a programme through the form, as the platform admin, and returns its id. */
async function createThroughForm(client: TestClient, form: Record<string, string | string[]>): Promise<string> {
  const response = await client.post('/admin/programmes', form, { from: '/admin/programmes/new' });
  assert.equal(response.statusCode, 302);
  const id = /^\/admin\/programmes\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1];
  assert.ok(id, `unexpected redirect ${String(response.headers.location)}`);
  return id;
}

async function adminMemberships(programmeId: string, userId: string) {
  return t.db
    .selectFrom('programme_memberships')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('user_id', '=', userId)
    .where('role', '=', 'programme_admin')
    .execute();
}

describe('create a programme', () => {
  test('bad input gets the NHS error summary and stores nothing', async () => {
    const client = await signedIn(platformAdmin.id);
    const before = await programmeCount();
    const response = await client.post('/admin/programmes', { name: '', description: 'Kept as typed' }, { from: '/admin/programmes/new' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Create a programme/);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /href="#name">\s*Enter the programme name/);
    assert.match(response.body, /Select at least one type of mentoring/);
    assert.match(response.body, /Kept as typed/);
    assert.equal(await programmeCount(), before);
  });

  test('valid input creates the programme with a slug and goes to its page', async () => {
    const client = await signedIn(platformAdmin.id);
    const id = await createThroughForm(client, {
      name: 'Cumbria Nursing Leadership Mentoring',
      description: 'For newly qualified nurses in Cumbria',
      mentoringTypes: ['traditional', 'peer'],
    });
    const row = await t.db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Cumbria Nursing Leadership Mentoring');
    assert.equal(row.slug, 'cumbria-nursing-leadership-mentoring');
    assert.equal(row.description, 'For newly qualified nurses in Cumbria');
    assert.deepEqual(row.mentoring_types, ['traditional', 'peer']);
    assert.equal(row.created_by, platformAdmin.id);
    assert.equal(row.is_open, false);
  });

  test('a second programme with the same name gets a different slug', async () => {
    const client = await signedIn(platformAdmin.id);
    const first = await createThroughForm(client, { name: 'Peer Support Circle', mentoringTypes: 'peer' });
    const second = await createThroughForm(client, { name: 'Peer Support Circle', mentoringTypes: 'peer' });
    const rows = await t.db.selectFrom('programmes').select(['id', 'slug']).where('id', 'in', [first, second]).execute();
    const slugs = rows.map((row) => row.slug).sort();
    assert.equal(new Set(slugs).size, 2);
    assert.deepEqual(slugs, ['peer-support-circle', 'peer-support-circle-2']);
  });
});

describe('programme admins', () => {
  const DESCRIPTION = 'Confidential pilot for consultant psychiatrists in the North East';
  let programmeId: string;
  let appointee: BuiltUser;

  before(async () => {
    const client = await signedIn(platformAdmin.id);
    programmeId = await createThroughForm(client, { name: 'North East Psychiatry Mentoring', description: DESCRIPTION, mentoringTypes: 'traditional' });
    appointee = await buildUser(t.db);
  });

  test('an email with no account is refused', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post(`/admin/programmes/${programmeId}/admins`, { email: 'nobody.known@example.nhs.uk' }, { from: `/admin/programmes/${programmeId}` });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /There is no account with this email address/);
    assert.match(response.body, /value="nobody.known@example.nhs.uk"/);
    const rows = await t.db.selectFrom('programme_memberships').select('id').where('programme_id', '=', programmeId).execute();
    assert.equal(rows.length, 0);
  });

  test('appointing an existing user adds the membership and emails them, without programme details', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post(`/admin/programmes/${programmeId}/admins`, { email: appointee.email.toUpperCase() }, { from: `/admin/programmes/${programmeId}` });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/admin/programmes/${programmeId}`);
    const memberships = await adminMemberships(programmeId, appointee.id);
    assert.equal(memberships.length, 1);
    assert.equal(memberships[0]?.created_by, platformAdmin.id);

    const emails = await t.db.selectFrom('email_messages').selectAll().where('user_id', '=', appointee.id).execute();
    assert.equal(emails.length, 1);
    const [email] = emails;
    assert.ok(email);
    assert.equal(email.template, 'programmeAdminAppointed');
    assert.equal(email.recipient, appointee.email);
    assert.ok(email.text_body?.includes(`http://localhost:3000/admin/programmes/${programmeId}`), 'links to the programme');
    assert.ok(!email.text_body?.includes(DESCRIPTION), 'the text body does not carry the programme description');
    assert.ok(!email.html_body?.includes(DESCRIPTION), 'the html body does not carry the programme description');

    const page = await client.get(`/admin/programmes/${programmeId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Programme admin appointed/);
    assert.ok(page.body.includes(appointee.email));
  });

  test('appointing the same person again is refused', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post(`/admin/programmes/${programmeId}/admins`, { email: appointee.email }, { from: `/admin/programmes/${programmeId}` });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /already a programme admin/);
    assert.equal((await adminMemberships(programmeId, appointee.id)).length, 1);
    const emails = await t.db.selectFrom('email_messages').select('id').where('user_id', '=', appointee.id).execute();
    assert.equal(emails.length, 1, 'no second email');
  });

  test('the programme admin can open their programme, but not the platform admin pages', async () => {
    const client = await signedIn(appointee.id);
    const page = await client.get(`/admin/programmes/${programmeId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /North East Psychiatry Mentoring/);
    assert.doesNotMatch(page.body, /Appoint a programme admin/, 'only platform admins see the appoint form');

    const list = await client.get('/admin/programmes');
    assert.equal(list.statusCode, 403);

    const other = await buildUser(t.db);
    const csrf = await client.csrfToken('/account');
    const appoint = await client.post(`/admin/programmes/${programmeId}/admins`, { email: other.email }, { csrf });
    assert.equal(appoint.statusCode, 403);
    assert.match(appoint.body, /You do not have access to this page/);
    assert.equal((await adminMemberships(programmeId, other.id)).length, 0);
  });

  test('the platform admin removes the programme admin, who then loses access', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post(`/admin/programmes/${programmeId}/admins/${appointee.id}/remove`, {}, { from: `/admin/programmes/${programmeId}` });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/admin/programmes/${programmeId}`);
    assert.equal((await adminMemberships(programmeId, appointee.id)).length, 0);

    const removed = await signedIn(appointee.id);
    const page = await removed.get(`/admin/programmes/${programmeId}`);
    assert.equal(page.statusCode, 403);

    const again = await client.post(`/admin/programmes/${programmeId}/admins/${appointee.id}/remove`, {}, { from: `/admin/programmes/${programmeId}` });
    assert.equal(again.statusCode, 404, 'removing someone who is not an admin is not found');
  });

  test('two platform admins appointing the same person at once make exactly one membership', async () => {
    const secondAdmin = await buildUser(t.db, { isPlatformAdmin: true });
    const person = await buildUser(t.db);
    const clients = [await signedIn(platformAdmin.id), await signedIn(secondAdmin.id)];
    const tokens = await Promise.all(clients.map((client) => client.csrfToken('/account')));
    const responses = await Promise.all(
      clients.map((client, i) => client.post(`/admin/programmes/${programmeId}/admins`, { email: person.email }, { csrf: tokens[i] ?? false })),
    );
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [302, 400]);
    assert.equal((await adminMemberships(programmeId, person.id)).length, 1);
    const emails = await t.db.selectFrom('email_messages').select('id').where('user_id', '=', person.id).execute();
    assert.equal(emails.length, 1, 'one email, from the appointment that happened');
  });
});
