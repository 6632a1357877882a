// The mentor profile pages: the profile with its sections and who sees each, and the role and
// offer forms: bad input (400, error summary, what was typed kept, nothing stored), saving, and
// retired taxonomy terms kept on the profiles that have them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildUser } from '../../../test/support/builders.ts';
import { assertErrorPage, buildMentorProfile, profileOf, signedIn, termId, termKeysOf } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

describe('the profile page', () => {
  test('anonymous visitors are sent to sign in', async () => {
    for (const url of ['/profile/mentor', '/profile/mentor/role', '/profile/mentor/training', '/profile/mentor/training/new']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(url)}`);
    }
  });

  test('a new mentor sees empty sections, who sees each, and what is missing', async () => {
    const client = await signedIn(t, await buildUser(t.db));
    const page = await client.get('/profile/mentor');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Your mentor profile<\/h1>/);
    assert.match(page.body, /Signed-in members of programmes where you are an approved mentor, and the programme admins/);
    assert.match(page.body, /Only a mentee whose chemistry invitation you have accepted, and programme admins/);
    assert.match(page.body, /Programme admins, who verify it/);
    assert.match(page.body, /Your profile is not complete/);
    assert.match(page.body, /href="\/profile\/mentor\/role">Add your job title/);
    assert.match(page.body, /href="\/profile\/mentor\/training\/new">Add at least one training record/);
    assert.match(page.body, /href="\/profile\/mentor\/role"[^>]*>\s*Change<span class="nhsuk-u-visually-hidden"> your role/);
  });
});

describe('your role', () => {
  test('bad input gets the error summary, keeps what was typed and stores nothing', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const response = await client.post('/profile/mentor/role', { jobTitle: '', organisation: 'Leeds Teaching Hospitals', yearsExperience: '61', town: 'Leeds' });
    assert.equal(response.statusCode, 400);
    assertErrorPage(response.body, 'Your role', [
      { field: 'jobTitle', text: 'Enter your job title' },
      { field: 'profession', text: 'Select your profession' },
      { field: 'region', text: 'Select your region' },
      { field: 'yearsExperience', text: 'Years of experience must be between 0 and 60' },
    ]);
    assert.match(response.body, /value="Leeds Teaching Hospitals"/);
    assert.match(response.body, /value="61"/);
    assert.equal(await profileOf(t.db, user.id), undefined);
  });

  test('a made-up term id is refused like a missing answer', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const response = await client.post('/profile/mentor/role', {
      jobTitle: 'Ward manager', profession: randomUUID(), band: await termId(t.db, 'band', 'afc_7'), organisation: 'Example Trust',
      region: await termId(t.db, 'profession', 'nursing'), careSetting: await termId(t.db, 'care_setting', 'acute'), yearsExperience: '10',
    });
    assert.equal(response.statusCode, 400);
    assertErrorPage(response.body, 'Your role', [{ field: 'profession', text: 'Select your profession' }, { field: 'region', text: 'Select your region' }]);
    assert.match(response.body, /value="Ward manager"/);
    assert.equal(await profileOf(t.db, user.id), undefined);
  });

  test('valid answers are saved and the person goes back to their profile', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const form = {
      jobTitle: 'Matron, surgical wards', profession: await termId(t.db, 'profession', 'nursing'), band: await termId(t.db, 'band', 'afc_8a'),
      organisation: 'Example Hospitals NHS Trust', region: await termId(t.db, 'region', 'north_west'),
      careSetting: await termId(t.db, 'care_setting', 'acute'), town: 'Preston', yearsExperience: '18',
    };
    const response = await client.post('/profile/mentor/role', { ...form, returnTo: 'https://evil.example/' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/profile/mentor', 'returnTo never leaves our own pages');
    const row = await profileOf(t.db, user.id);
    assert.equal(row?.job_title, 'Matron, surgical wards');
    assert.equal(row?.profession_id, form.profession);
    assert.equal(row?.years_experience, 18);
    const page = await client.get('/profile/mentor');
    assert.match(page.body, /Your role has been saved/);
    assert.match(page.body, /Matron, surgical wards/);
    assert.match(page.body, /North West/);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'mentor_profile.updated').where('subject_id', '=', user.id).execute();
    assert.equal(audit.length, 1);
    assert.doesNotMatch(JSON.stringify(audit[0]?.details), /Matron/, 'audit holds codes, not free text');
  });

  test('the form starts from the saved answers, and goes back to an application page when sent from one', async () => {
    const user = await buildUser(t.db);
    await buildMentorProfile(t.db, user.id, { jobTitle: 'Consultant midwife' });
    const client = await signedIn(t, user);
    const returnTo = `/programmes/${randomUUID()}/mentor-application`;
    const page = await client.get(`/profile/mentor/role?returnTo=${encodeURIComponent(returnTo)}`);
    assert.match(page.body, /value="Consultant midwife"/);
    assert.match(page.body, new RegExp(`name="returnTo" value="${returnTo}"`));
  });
});

describe('what you offer', () => {
  test('bad input gets the error summary, keeps the text and stores nothing', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const response = await client.post('/profile/mentor/offer', { bio: 'x'.repeat(1501), languages: await termId(t.db, 'language', 'welsh') });
    assert.equal(response.statusCode, 400);
    assertErrorPage(response.body, 'What you offer as a mentor', [
      { field: 'bio', text: 'About you must be 1,500 characters or fewer' },
      { field: 'helpAreas', text: 'Select at least one area you can help with' },
      { field: 'mentoringTypes', text: 'Select at least one type of mentoring you offer' },
      { field: 'meetingModes', text: 'Select at least one meeting mode' },
    ]);
    assert.ok(response.body.includes('x'.repeat(1501)), 'the text is kept');
    assert.match(response.body, new RegExp(`value="${await termId(t.db, 'language', 'welsh')}" checked`), 'the ticked box stays ticked');
    assert.equal(await profileOf(t.db, user.id), undefined);
    assert.deepEqual(await termKeysOf(t.db, user.id), []);
  });

  test('saves the text and every ticked term; new lines count as one character each', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const bio = 'abcd\r\n'.repeat(300); // 1,800 characters as sent, 1,499 as a person counts them
    const response = await client.post('/profile/mentor/offer', {
      bio,
      helpAreas: [await termId(t.db, 'help_area', 'confidence_resilience'), await termId(t.db, 'help_area', 'first_management_role')],
      leadershipDimensions: await termId(t.db, 'leadership_dimension', 'leading_with_care'),
      mentoringTypes: ['traditional', 'reverse'],
      meetingModes: [await termId(t.db, 'meeting_mode', 'video'), await termId(t.db, 'meeting_mode', 'phone')],
    });
    assert.equal(response.statusCode, 302);
    const row = await profileOf(t.db, user.id);
    assert.equal(row?.bio.length, 1499);
    assert.deepEqual(row?.mentoring_types, ['traditional', 'reverse']);
    assert.deepEqual(await termKeysOf(t.db, user.id), [
      'help_area:confidence_resilience', 'help_area:first_management_role', 'leadership_dimension:leading_with_care', 'meeting_mode:phone', 'meeting_mode:video',
    ]);
  });

  test('a retired term stays on the profile that has it, but nobody else can choose it', async () => {
    const holder = await buildUser(t.db);
    await buildMentorProfile(t.db, holder.id, { helpAreas: ['digital_skills', 'networking'] });
    const digital = await termId(t.db, 'help_area', 'digital_skills');
    const networking = await termId(t.db, 'help_area', 'networking');
    await t.db.updateTable('taxonomy_terms').set({ retired_at: sql`now()` }).where('id', '=', digital).execute();
    try {
      const client = await signedIn(t, holder);
      const form = await client.get('/profile/mentor/offer');
      assert.match(form.body, new RegExp(`value="${digital}" checked`), 'the retired term is still offered, ticked');
      assert.match(form.body, /No longer offered to new mentors/);
      const saved = await client.post('/profile/mentor/offer', {
        bio: 'I have led digital projects on wards.', helpAreas: [digital, networking], mentoringTypes: 'peer', meetingModes: await termId(t.db, 'meeting_mode', 'video'),
      });
      assert.equal(saved.statusCode, 302);
      assert.ok((await termKeysOf(t.db, holder.id)).includes('help_area:digital_skills'), 'kept after saving');

      const newcomer = await buildUser(t.db);
      const other = await signedIn(t, newcomer);
      const blank = await other.get('/profile/mentor/offer');
      assert.doesNotMatch(blank.body, new RegExp(`value="${digital}"`), 'not offered to someone who does not have it');
      const refused = await other.post('/profile/mentor/offer', {
        bio: 'Trying to pick a retired term.', helpAreas: digital, mentoringTypes: 'peer', meetingModes: await termId(t.db, 'meeting_mode', 'video'),
      });
      assert.equal(refused.statusCode, 400);
      assertErrorPage(refused.body, 'What you offer as a mentor', [{ field: 'helpAreas', text: 'Select areas you can help with from the list' }]);
      assert.match(refused.body, /Trying to pick a retired term\./);
      assert.equal(await profileOf(t.db, newcomer.id), undefined);
    } finally {
      await t.db.updateTable('taxonomy_terms').set({ retired_at: null }).where('id', '=', digital).execute();
    }
  });
});
