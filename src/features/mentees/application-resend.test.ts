// Sending a mentee application on again: naming someone else after a line manager declines, after
// a request expires, or while waiting (the old link stops working); and answering an admin's
// request for more information.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { emailsTo } from '../../../test/support/emails.ts';
import {
  adminDecides, allEmailText, applicationSnapshot, buildProgrammeWithSteps, latestLineManagerLink, lineManagerAnswers, programmeAdminClient, signedInMentee,
  uniqueManager as manager,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const buildMentee = () => signedInMentee(t);
const path = (programmeId: string) => `/programmes/${programmeId}/mentee-application`;
const applicationOf = (userId: string, programmeId: string) =>
  t.db.selectFrom('mentee_applications').selectAll().where('user_id', '=', userId).where('programme_id', '=', programmeId).executeTakeFirst();
const statusOf = async (userId: string, programmeId: string) => (await applicationOf(userId, programmeId))?.status;
const templatesTo = async (address: string) => (await emailsTo(t.db, address)).map((email) => email.template);

async function eventsOf(applicationId: string) {
  const rows = await t.db.selectFrom('application_events').select(['from_status', 'to_status']).where('application_id', '=', applicationId).orderBy('id').execute();
  return rows.map((row) => `${row.from_status} → ${row.to_status}`);
}

describe('naming someone else', () => {
  test('after the line manager declines: their reason is shown and a new manager can be asked', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const mentee = await buildMentee();
    const first = manager('Omar Haddad');
    await mentee.client.post(path(programme.id), { from: 'draft', ...first });
    const reason = 'We are short-staffed until the spring rota is agreed';
    assert.equal((await lineManagerAnswers(t, await latestLineManagerLink(t.db, first.lineManagerEmail), { decision: 'not_supported', reason })).statusCode, 302);
    assert.equal(await statusOf(mentee.user.id, programme.id), 'line_manager_declined');
    const page = await mentee.client.get(path(programme.id));
    assert.match(page.body, /did not support this application/);
    assert.ok(page.body.includes(reason), 'the mentee sees their manager\'s reason');
    assert.match(page.body, /Name someone else/);

    const bad = await mentee.client.post(path(programme.id), { from: 'line_manager_declined', lineManagerName: '', lineManagerEmail: mentee.user.email });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Your line manager cannot be you/);
    assert.equal(await statusOf(mentee.user.id, programme.id), 'line_manager_declined');

    const second = manager('Grace Mwangi');
    assert.equal((await mentee.client.post(path(programme.id), { from: 'line_manager_declined', ...second })).statusCode, 302);
    const application = await applicationOf(mentee.user.id, programme.id);
    assert.equal(application?.status, 'awaiting_line_manager');
    assert.equal(application?.line_manager_name, 'Grace Mwangi');
    const requests = await t.db.selectFrom('line_manager_requests').select(['manager_email', 'status']).where('application_id', '=', application?.id ?? '').orderBy('created_at').execute();
    assert.deepEqual(requests.map((r) => r.status), ['not_supported', 'pending']);
    assert.deepEqual(await eventsOf(application?.id ?? ''), ['draft → awaiting_line_manager', 'awaiting_line_manager → line_manager_declined', 'line_manager_declined → awaiting_line_manager']);
    assert.ok(!(await allEmailText(t.db)).some((text) => text.includes(reason)), 'no email carries the reason');
  });

  test('after the request expires', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: false });
    const mentee = await buildMentee();
    await mentee.client.post(path(programme.id), { from: 'draft', ...manager('Ivy Chen') });
    const application = await applicationOf(mentee.user.id, programme.id);
    assert.ok(application);
    // What the sweep does on expiry, done by hand here (the sweep has its own tests).
    await t.db.updateTable('line_manager_requests').set({ status: 'expired' }).where('application_id', '=', application.id).execute();
    await t.db.updateTable('mentee_applications').set({ status: 'line_manager_expired' }).where('id', '=', application.id).execute();
    assert.match((await mentee.client.get(path(programme.id))).body, /did not respond in time/);
    assert.equal((await mentee.client.post(path(programme.id), { from: 'line_manager_expired', ...manager('Ivy Chen') })).statusCode, 302);
    assert.equal(await statusOf(mentee.user.id, programme.id), 'awaiting_line_manager');
    const pending = await t.db.selectFrom('line_manager_requests').select('id').where('application_id', '=', application.id).where('status', '=', 'pending').execute();
    assert.equal(pending.length, 1);
  });

  test('while waiting: the earlier request is withdrawn and its link reads as expired', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const mentee = await buildMentee();
    const wrong = manager('Wrong Person');
    await mentee.client.post(path(programme.id), { from: 'draft', ...wrong });
    const oldLink = await latestLineManagerLink(t.db, wrong.lineManagerEmail);
    const right = manager('Right Person');
    assert.equal((await mentee.client.post(path(programme.id), { from: 'awaiting_line_manager', ...right })).statusCode, 302);
    const requests = await t.db.selectFrom('line_manager_requests as r').innerJoin('mentee_applications as a', 'a.id', 'r.application_id')
      .select(['r.manager_name', 'r.status']).where('a.user_id', '=', mentee.user.id).orderBy('r.created_at').execute();
    assert.deepEqual(requests.map((r) => `${r.manager_name}: ${r.status}`), ['Wrong Person: withdrawn', 'Right Person: pending']);
    const old = await new TestClient(t.app).get(oldLink);
    assert.equal(old.statusCode, 400);
    assert.match(old.body, /This link has expired/);
    assert.equal((await new TestClient(t.app).get(await latestLineManagerLink(t.db, right.lineManagerEmail))).statusCode, 200);
  });
});

describe('more information', () => {
  test('the mentee reads the message, may change their profile, and sends again', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: false, admin: true });
    const mentee = await buildMentee();
    await mentee.client.post(path(programme.id), { from: 'draft' });
    const application = await applicationOf(mentee.user.id, programme.id);
    assert.ok(application);
    const admin = await programmeAdminClient(t, programme.id);
    const message = 'Tell us which leadership course you finished last year';
    assert.equal((await adminDecides(admin, programme.id, application.id, { decision: 'more_info', message })).statusCode, 302);
    assert.equal((await templatesTo(mentee.user.email)).at(-1), 'menteeMoreInfoRequested');

    const page = await mentee.client.get(path(programme.id));
    assert.ok(page.body.includes(message));
    assert.match(page.body, /href="\/profile\/mentee\/mentoring\?returnTo=[^"]+#goals"/);
    const before = await applicationSnapshot(t.db, application.id);
    const stale = await mentee.client.post(path(programme.id), { from: 'awaiting_admin' });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(await applicationSnapshot(t.db, application.id), before);

    assert.equal((await mentee.client.post(path(programme.id), { from: 'more_info_requested' })).statusCode, 302);
    const after = await applicationOf(mentee.user.id, programme.id);
    assert.equal(after?.status, 'awaiting_admin');
    assert.equal(after?.admin_message, null);
    assert.equal((await templatesTo(mentee.user.email)).at(-1), 'menteeResubmitted');
    assert.deepEqual(await eventsOf(application.id), ['draft → awaiting_admin', 'awaiting_admin → more_info_requested', 'more_info_requested → awaiting_admin']);
    assert.ok(!(await allEmailText(t.db)).some((text) => text.includes(message)), 'no email carries the message');
  });
});

