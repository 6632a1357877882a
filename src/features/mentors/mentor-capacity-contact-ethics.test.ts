// The capacity, contact details and code of ethics forms: bad input refused with nothing stored,
// the saved answers, and a changed code of ethics needing to be agreed again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildUser } from '../../../test/support/builders.ts';
import { assertErrorPage, profileOf, signedIn } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

describe('capacity, contact details and the code of ethics', () => {
  test('capacity: bad input refused; then saved as paused', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const bad = await client.post('/profile/mentor/capacity', { capacity: '11' });
    assert.equal(bad.statusCode, 400);
    assertErrorPage(bad.body, 'How many mentees you can take on', [
      { field: 'capacity', text: 'Capacity must be between 1 and 10' },
      { field: 'availability', text: 'Select whether you are taking on new mentees' },
    ]);
    assert.match(bad.body, /value="11"/);
    const words = await client.post('/profile/mentor/capacity', { capacity: 'two', availability: 'open' });
    assert.match(words.body, /Capacity must be a whole number/);
    assert.equal(await profileOf(t.db, user.id), undefined);

    const good = await client.post('/profile/mentor/capacity', { capacity: '3', availability: 'paused' });
    assert.equal(good.statusCode, 302);
    const row = await profileOf(t.db, user.id);
    assert.equal(row?.capacity, 3);
    assert.equal(row?.is_paused, true);
  });

  test('contact details start from the account email; bad input refused; then saved', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const form = await client.get('/profile/mentor/contact');
    assert.ok(form.body.includes(`value="${user.email}"`));
    assert.match(form.body, /Only a mentee whose chemistry invitation you have accepted, and programme admins/);
    const bad = await client.post('/profile/mentor/contact', { contactEmail: 'mentor at nhs', contactPhone: '12345' });
    assert.equal(bad.statusCode, 400);
    assertErrorPage(bad.body, 'Your contact details', [
      { field: 'contactEmail', text: 'Enter an email address in the correct format' },
      { field: 'contactPhone', text: 'Enter a telephone number, like 01632 960 001' },
    ]);
    assert.match(bad.body, /value="mentor at nhs"/);
    assert.equal(await profileOf(t.db, user.id), undefined);
    const good = await client.post('/profile/mentor/contact', { contactEmail: 'Mentoring.Desk@Example.NHS.uk', contactPhone: '+44 808 157 0192' });
    assert.equal(good.statusCode, 302);
    const row = await profileOf(t.db, user.id);
    assert.equal(row?.contact_email, 'mentoring.desk@example.nhs.uk');
    assert.equal(row?.contact_phone, '+44 808 157 0192');
  });

  test('the code of ethics: shown from the settings, must be ticked, and a changed code must be agreed again', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const page = await client.get('/profile/mentor/ethics');
    assert.match(page.body, /EMCC Global Code of Ethics/);
    assert.match(page.body, /href="https:\/\/www.emccglobal.org\/leadership-development\/ethics\/"/);
    const bad = await client.post('/profile/mentor/ethics', {});
    assert.equal(bad.statusCode, 400);
    assertErrorPage(bad.body, 'Code of ethics', [{ field: 'agree', text: 'Confirm that you agree to work to the code of ethics' }]);
    assert.equal(await profileOf(t.db, user.id), undefined);

    const good = await client.post('/profile/mentor/ethics', { agree: 'yes' });
    assert.equal(good.statusCode, 302);
    const row = await profileOf(t.db, user.id);
    assert.ok(row?.ethics_code_accepted_at);
    assert.equal(row.ethics_code_name, 'EMCC Global Code of Ethics');
    assert.doesNotMatch((await client.get('/profile/mentor')).body, /Agree to work to the code of ethics/);

    await t.db.updateTable('platform_settings').set({ ethics_code_name: 'Our Trust Mentoring Code' }).execute();
    try {
      const after = await client.get('/profile/mentor');
      assert.match(after.body, /Agree to work to the code of ethics/);
      assert.match(after.body, /The code has changed since/);
    } finally {
      await t.db.updateTable('platform_settings').set({ ethics_code_name: 'EMCC Global Code of Ethics' }).execute();
    }
  });
});
