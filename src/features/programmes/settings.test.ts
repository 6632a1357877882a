// The programme editor: every setting, its bad input, who may use it, and the audit trail.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';

let t: TestApp;
let platformAdmin: BuiltUser;
let programmeAdmin: BuiltUser;
let plainUser: BuiltUser;
let programme: { id: string; name: string };

before(async () => {
  t = await buildTestApp();
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
  programmeAdmin = await buildUser(t.db);
  plainUser = await buildUser(t.db);
  programme = await buildProgramme(t.db, { name: 'Leeds allied health mentoring', isOpen: false });
  await addMembership(t.db, programmeAdmin.id, programme.id, 'programme_admin');
});
after(async () => t.close());

async function signedIn(userId: string): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, userId));
}

const settingsUrl = () => `/admin/programmes/${programme.id}/settings`;

function validForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Leeds allied health mentoring register',
    description: 'Mentoring for allied health professionals across Leeds.',
    eligibility: 'Allied health professionals at band 5 or above.',
    mentoringTypes: ['traditional', 'reverse'],
    requiresLineManager: 'no',
    requiresAdminApproval: 'yes',
    maxOpenInvitations: '4',
    invitationReminderDays: '2',
    invitationExpiryDays: '5',
    lineManagerReminderDays: '5',
    lineManagerExpiryDays: '10',
    isOpen: 'yes',
    confidentialityText: 'What we discuss stays between us, unless someone may come to harm or the law or a professional code requires otherwise.',
    ...overrides,
  };
}

async function storedProgramme() {
  return t.db.selectFrom('programmes').selectAll().where('id', '=', programme.id).executeTakeFirstOrThrow();
}

describe('programme settings', () => {
  test('the form shows every current setting, with the defaults of a new programme', async () => {
    const client = await signedIn(platformAdmin.id);
    const page = await client.get(settingsUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Programme settings – /);
    assert.match(page.body, /value="Leeds allied health mentoring"/);
    assert.match(page.body, /name="maxOpenInvitations"[^>]*value="3"[^>]*inputmode="numeric"/);
    assert.match(page.body, /name="invitationExpiryDays"[^>]*value="7"/);
    assert.match(page.body, /name="lineManagerExpiryDays"[^>]*value="14"/);
    assert.match(page.body, /id="isOpen-2" name="isOpen" type="radio" value="no" checked/);
  });

  test('bad input gets the error summary, keeps what was typed and changes nothing', async () => {
    const client = await signedIn(platformAdmin.id);
    const before = await storedProgramme();
    const response = await client.post(settingsUrl(), validForm({
      name: '', mentoringTypes: [], maxOpenInvitations: '11', invitationReminderDays: 'three', requiresAdminApproval: '', eligibility: 'Kept as typed',
    }));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Programme settings – /);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /href="#name">\s*Enter the programme name/);
    assert.match(response.body, /href="#mentoringTypes">\s*Select at least one type of mentoring/);
    assert.match(response.body, /href="#requiresAdminApproval">\s*Select yes if a programme admin must approve each mentee/);
    assert.match(response.body, /href="#maxOpenInvitations">\s*Open chemistry invitations must be between 1 and 10/);
    assert.match(response.body, /href="#invitationReminderDays">\s*Invitation reminder must be a whole number of days/);
    assert.match(response.body, /Kept as typed/);
    assert.match(response.body, /value="three"/);
    assert.match(response.body, /value="11"/);
    assert.deepEqual(await storedProgramme(), before);
  });

  test('a reminder on or after the expiry is refused for both windows', async () => {
    const client = await signedIn(platformAdmin.id);
    const before = await storedProgramme();
    const response = await client.post(settingsUrl(), validForm({ invitationReminderDays: '7', invitationExpiryDays: '7', lineManagerReminderDays: '20', lineManagerExpiryDays: '14' }));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#invitationReminderDays">\s*Reminder must be sooner than expiry for chemistry invitations/);
    assert.match(response.body, /href="#lineManagerReminderDays">\s*Reminder must be sooner than expiry for line manager requests/);
    assert.deepEqual(await storedProgramme(), before);
  });

  test('expiry beyond the bounds of the database is refused with a message, not a crash', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post(settingsUrl(), validForm({ invitationExpiryDays: '61', lineManagerReminderDays: '0' }));
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Invitation expiry must be between 1 and 60 days/);
    assert.match(response.body, /Line manager reminder must be between 1 and 30 days/);
  });

  test('valid settings are saved, audited and shown on the programme page', async () => {
    const client = await signedIn(platformAdmin.id);
    const slugBefore = (await storedProgramme()).slug;
    const response = await client.post(settingsUrl(), validForm());
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/admin/programmes/${programme.id}`);
    const row = await storedProgramme();
    assert.equal(row.name, 'Leeds allied health mentoring register');
    assert.equal(row.slug, slugBefore, 'the slug does not change with the name');
    assert.equal(row.eligibility, 'Allied health professionals at band 5 or above.');
    assert.deepEqual(row.mentoring_types, ['traditional', 'reverse']);
    assert.equal(row.requires_line_manager, false);
    assert.equal(row.requires_admin_approval, true);
    assert.equal(row.max_open_invitations, 4);
    assert.equal(row.invitation_reminder_days, 2);
    assert.equal(row.invitation_expiry_days, 5);
    assert.equal(row.line_manager_reminder_days, 5);
    assert.equal(row.line_manager_expiry_days, 10);
    assert.equal(row.is_open, true);

    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'programme.settings_updated').where('subject_id', '=', programme.id).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor_user_id, platformAdmin.id);
    assert.equal(audit[0]?.programme_id, programme.id);

    const page = await client.get(`/admin/programmes/${programme.id}`);
    assert.match(page.body, /Programme settings saved/);
    assert.match(page.body, /Allied health professionals at band 5 or above\./);
    assert.match(page.body, /Open chemistry invitations per mentee[\s\S]*?4/);
    assert.match(page.body, /Invitation expiry[\s\S]*?5 days/);
    assert.match(page.body, /Line manager request expiry[\s\S]*?10 days/);
    assert.match(page.body, new RegExp(`href="/admin/programmes/${programme.id}/settings">Change settings`));
  });

  test('the limits of confidentiality: shown with the default wording, required, kept when invalid, saved and audited', async () => {
    const client = await signedIn(platformAdmin.id);
    await t.db.updateTable('programmes').set({ confidentiality_text: 'Default wording: a risk of harm to you or someone else.' }).where('id', '=', programme.id).execute();
    const page = await client.get(settingsUrl());
    assert.match(page.body, /<label class="nhsuk-label" for="confidentialityText">\s*Limits of confidentiality/);
    assert.match(page.body, /Default wording: a risk of harm to you or someone else\./);

    const before = await storedProgramme();
    const empty = await client.post(settingsUrl(), validForm({ confidentialityText: '  ', name: 'Kept name while invalid' }));
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#confidentialityText">\s*Enter the limits of confidentiality/);
    assert.match(empty.body, /value="Kept name while invalid"/);
    const long = await client.post(settingsUrl(), validForm({ confidentialityText: 'x'.repeat(2001) }));
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Limits of confidentiality must be 2,000 characters or fewer/);
    assert.deepEqual(await storedProgramme(), before);

    const saved = await client.post(settingsUrl(), validForm({ confidentialityText: '  Our own wording on when we must share what you tell us.  ' }));
    assert.equal(saved.statusCode, 302);
    assert.equal((await storedProgramme()).confidentiality_text, 'Our own wording on when we must share what you tell us.');
    const audit = await t.db.selectFrom('audit_events').select('details').where('subject_id', '=', programme.id).where('action', '=', 'programme.settings_updated').execute();
    assert.ok(audit.every((row) => !JSON.stringify(row.details).includes('Our own wording')), 'no free text in the audit trail');
  });

  test('a programme admin sees the settings but no change link', async () => {
    const client = await signedIn(programmeAdmin.id);
    const page = await client.get(`/admin/programmes/${programme.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Invitation reminder/);
    assert.doesNotMatch(page.body, /Change settings/);
  });
});

describe('who may change programme settings', () => {
  test('anonymous people are sent to sign in', async () => {
    const response = await new TestClient(t.app).get(settingsUrl());
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(settingsUrl())}`);
  });

  for (const who of ['plain user', 'programme admin of this programme'] as const) {
    test(`a ${who} is refused, and their post changes nothing`, async () => {
      const client = await signedIn(who === 'plain user' ? plainUser.id : programmeAdmin.id);
      const page = await client.get(settingsUrl());
      assert.equal(page.statusCode, 403);
      const before = await storedProgramme();
      const csrf = await client.csrfToken('/account');
      const post = await client.post(settingsUrl(), validForm({ name: 'Taken over' }), { csrf });
      assert.equal(post.statusCode, 403);
      assert.deepEqual(await storedProgramme(), before);
    });
  }

  test('an unknown programme is not found', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.get('/admin/programmes/00000000-0000-4000-8000-000000000000/settings');
    assert.equal(response.statusCode, 404);
  });
});
