// The code of ethics setting: what mentors accept when they apply (getPlatformSettings is read by
// the mentor application), its bad input, and who may change it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import { getPlatformSettings } from './settings-service.ts';

let t: TestApp;
let platformAdmin: BuiltUser;
let programmeAdmin: BuiltUser;

before(async () => {
  t = await buildTestApp();
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
  programmeAdmin = await buildUser(t.db);
  await addMembership(t.db, programmeAdmin.id, (await buildProgramme(t.db)).id, 'programme_admin');
});
after(async () => t.close());

async function signedIn(userId: string): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, userId));
}

const valid = {
  ethicsCodeName: 'Trust mentoring code of practice 2026',
  ethicsCodeUrl: 'https://www.example.nhs.uk/mentoring/code-of-practice',
  ethicsCodeSummary: 'Mentors put the mentee first, keep confidences within agreed limits and take part in supervision.',
};

describe('code of ethics settings', () => {
  test('ships with the EMCC Global Code of Ethics', async () => {
    const settings = await getPlatformSettings(t.db);
    assert.equal(settings.ethicsCodeName, 'EMCC Global Code of Ethics');
    assert.match(settings.ethicsCodeUrl, /^https:\/\/www\.emccglobal\.org\//);
    assert.ok(settings.ethicsCodeSummary.length > 0);
    const page = await (await signedIn(platformAdmin.id)).get('/admin/settings');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="EMCC Global Code of Ethics"/);
  });

  test('bad input gets the error summary, keeps what was typed and changes nothing', async () => {
    const client = await signedIn(platformAdmin.id);
    const before = await getPlatformSettings(t.db);
    const response = await client.post('/admin/settings', { ethicsCodeName: '', ethicsCodeUrl: 'javascript:alert(1)', ethicsCodeSummary: 'Kept summary' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Settings – /);
    assert.match(response.body, /href="#ethicsCodeName">\s*Enter the name of the code of ethics/);
    assert.match(response.body, /href="#ethicsCodeUrl">\s*Enter a full web address, like https:\/\/www.example.org\/code-of-ethics/);
    assert.match(response.body, /Kept summary/);
    assert.deepEqual(await getPlatformSettings(t.db), before);

    const noSummary = await client.post('/admin/settings', { ...valid, ethicsCodeSummary: ' ' });
    assert.equal(noSummary.statusCode, 400);
    assert.match(noSummary.body, /Enter a summary of the code of ethics/);
  });

  test('valid settings are saved, audited and read back by getPlatformSettings', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post('/admin/settings', valid);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/admin/settings');
    const settings = await getPlatformSettings(t.db);
    assert.equal(settings.ethicsCodeName, valid.ethicsCodeName);
    assert.equal(settings.ethicsCodeUrl, valid.ethicsCodeUrl);
    assert.equal(settings.ethicsCodeSummary, valid.ethicsCodeSummary);
    const row = await t.db.selectFrom('platform_settings').select('updated_by').executeTakeFirstOrThrow();
    assert.equal(row.updated_by, platformAdmin.id);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'platform_settings.updated').execute();
    assert.equal(audit.length, 1);
    const page = await client.get('/admin/settings');
    assert.match(page.body, /Settings saved/);
    assert.match(page.body, /value="Trust mentoring code of practice 2026"/);
  });

  test('anonymous people sign in; programme admins are refused and change nothing', async () => {
    const anonymous = await new TestClient(t.app).get('/admin/settings');
    assert.equal(anonymous.statusCode, 302);
    assert.equal(anonymous.headers.location, '/sign-in?returnTo=%2Fadmin%2Fsettings');
    const client = await signedIn(programmeAdmin.id);
    assert.equal((await client.get('/admin/settings')).statusCode, 403);
    const before = await getPlatformSettings(t.db);
    const csrf = await client.csrfToken('/account');
    const post = await client.post('/admin/settings', { ...valid, ethicsCodeName: 'Something else' }, { csrf });
    assert.equal(post.statusCode, 403);
    assert.deepEqual(await getPlatformSettings(t.db), before);
  });
});
