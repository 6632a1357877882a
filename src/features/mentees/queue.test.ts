// The programme admin's mentee queue: counts, filters without JavaScript, one applicant's full
// application and history, decisions with bad input, two admins at once, a stale page, and admins
// of another programme kept out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import { emailsTo } from '../../../test/support/emails.ts';
import { allEmailText, applicationSnapshot, buildMenteeProfile, buildProgrammeWithSteps, latestLineManagerLink, SECRET_GOALS, SECRET_PREFERENCES, termId } from './testing.ts';

let t: TestApp;
let programme: { id: string; name: string };
let otherProgramme: { id: string; name: string };
let admin: TestClient;
let secondAdmin: TestClient;
let adminOfOther: TestClient;

before(async () => {
  t = await buildTestApp();
  programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
  otherProgramme = await buildProgrammeWithSteps(t.db, { lineManager: false, admin: true });
  admin = await adminOf(programme.id);
  secondAdmin = await adminOf(programme.id);
  adminOfOther = await adminOf(otherProgramme.id);
});
after(async () => t.close());

async function adminOf(programmeId: string): Promise<TestClient> {
  const user = await buildUser(t.db);
  await addMembership(t.db, user.id, programmeId, 'programme_admin');
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
}

const queueUrl = (programmeId = programme.id) => `/admin/programmes/${programmeId}/mentee-applications`;
const applicantUrl = (applicationId: string, programmeId = programme.id) => `${queueUrl(programmeId)}/${applicationId}`;

let managers = 0;

/** A mentee whose line manager has supported them: waiting for an admin decision. */
async function awaitingAdmin(profile: { profession?: string; region?: string; band?: string } = {}): Promise<{ mentee: BuiltUser; applicationId: string }> {
  const mentee = await buildUser(t.db);
  await buildMenteeProfile(t.db, mentee.id, profile);
  const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, mentee.id));
  const managerEmail = `queue.manager.${(managers += 1)}@example.nhs.uk`;
  await client.post(`/programmes/${programme.id}/mentee-application`, { from: 'draft', lineManagerName: 'Sunita Rao', lineManagerEmail: managerEmail });
  const link = await latestLineManagerLink(t.db, managerEmail);
  const lm = new TestClient(t.app);
  const answered = await lm.post('/line-manager/respond', { token: link.replace('/line-manager/respond?token=', ''), decision: 'supported' }, { from: link });
  assert.equal(answered.statusCode, 302);
  const application = await t.db.selectFrom('mentee_applications').select(['id', 'status']).where('user_id', '=', mentee.id).executeTakeFirstOrThrow();
  assert.equal(application.status, 'awaiting_admin');
  return { mentee, applicationId: application.id };
}

async function versionOn(client: TestClient, applicationId: string): Promise<string> {
  const page = await client.get(applicantUrl(applicationId));
  return /name="version" value="([^"]*)"/.exec(page.body)?.[1] ?? '';
}

async function decide(client: TestClient, applicationId: string, form: Record<string, string>, options: { version?: string; programmeId?: string } = {}) {
  const version = options.version ?? (await versionOn(client, applicationId));
  const csrf = await client.csrfToken('/account');
  return client.post(`${applicantUrl(applicationId, options.programmeId)}/decision`, { version, ...form }, { csrf });
}

describe('the queue', () => {
  test('counts each status, links to each, and lists applicants', async () => {
    const { mentee } = await awaitingAdmin();
    const page = await admin.get(queueUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Mentee applications<\/h1>/);
    assert.match(page.body, new RegExp(`href="${queueUrl()}\\?status=awaiting_admin">Waiting for a decision: \\d+`));
    for (const status of ['awaiting_line_manager', 'more_info_requested', 'approved', 'rejected', 'line_manager_declined', 'line_manager_expired']) {
      assert.match(page.body, new RegExp(`href="${queueUrl()}\\?status=${status}"`), status);
    }
    assert.ok(page.body.includes(mentee.fullName.replace(/'/g, '&#39;')));
    const programmePage = await admin.get(`/admin/programmes/${programme.id}`);
    assert.match(programmePage.body, new RegExp(`href="${queueUrl()}">Review mentee applications`));
  });

  test('filters by status, profession, region and band with a plain GET form', async () => {
    const midwife = await awaitingAdmin({ profession: 'midwifery', region: 'wales', band: 'afc_7' });
    const nurse = await awaitingAdmin({ profession: 'nursing', region: 'wales', band: 'afc_7' });
    const page = await admin.get(queueUrl());
    assert.match(page.body, new RegExp(`<form method="get" action="${queueUrl()}"`));
    const midwifery = await termId(t.db, 'profession', 'midwifery');
    const wales = await termId(t.db, 'region', 'wales');
    const band7 = await termId(t.db, 'band', 'afc_7');
    const filtered = await admin.get(`${queueUrl()}?status=awaiting_admin&professionId=${midwifery}&regionId=${wales}&bandId=${band7}`);
    assert.equal(filtered.statusCode, 200);
    assert.ok(filtered.body.includes(midwife.mentee.fullName.replace(/'/g, '&#39;')));
    assert.ok(!filtered.body.includes(nurse.mentee.fullName.replace(/'/g, '&#39;')));
    assert.match(filtered.body, new RegExp(`<option value="${midwifery}" selected>`));
    assert.match(filtered.body, /Clear filters/);
    const junk = await admin.get(`${queueUrl()}?status=nonsense&professionId=not-an-id`);
    assert.equal(junk.statusCode, 200, 'unknown filter values are ignored');
    const none = await admin.get(`${queueUrl()}?status=rejected&regionId=${await termId(t.db, 'region', 'scotland')}`);
    assert.match(none.body, /No applications match these filters/);
  });
});

describe('one applicant', () => {
  test('shows the profile (goals and preferences included), the line manager\'s answer and the full history', async () => {
    const { mentee, applicationId } = await awaitingAdmin();
    const page = await admin.get(applicantUrl(applicationId));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(SECRET_GOALS));
    assert.ok(page.body.includes(SECRET_PREFERENCES));
    assert.ok(page.body.includes(mentee.email));
    assert.match(page.body, /Sunita Rao/);
    assert.match(page.body, /Supports the application/);
    assert.match(page.body, /Every change to this application/);
    assert.match(page.body, /Not sent yet[\s\S]*Waiting for line manager[\s\S]*Line manager/);
    assert.match(page.body, /Who can see this/);
    assert.match(page.body, /name="decision"/);
  });

  test('an unknown or malformed application id is not found', async () => {
    assert.equal((await admin.get(applicantUrl('0a000000-0000-4000-8000-00000000000a'))).statusCode, 404);
    assert.equal((await admin.get(applicantUrl('not-an-id'))).statusCode, 404);
  });
});

describe('deciding', () => {
  test('bad input: 400, the error summary, kept values, nothing changed', async () => {
    const { applicationId } = await awaitingAdmin();
    const before = await applicationSnapshot(t.db, applicationId);
    const none = await decide(admin, applicationId, {});
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /href="#decision">\s*Select a decision/);
    const noReason = await decide(admin, applicationId, { decision: 'reject', reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /href="#reason">\s*Enter a reason/);
    assert.match(noReason.body, /value="reject" checked/);
    const noMessage = await decide(admin, applicationId, { decision: 'more_info', message: '', reason: 'kept reason' });
    assert.equal(noMessage.statusCode, 400);
    assert.match(noMessage.body, /href="#message">\s*Enter what more information you need/);
    assert.match(noMessage.body, /kept reason/);
    assert.deepEqual(await applicationSnapshot(t.db, applicationId), before);
  });

  test('reject with a reason: the mentee sees it on the page, the email does not carry it', async () => {
    const { mentee, applicationId } = await awaitingAdmin();
    const reason = 'This round is for staff in their first management post';
    const response = await decide(admin, applicationId, { decision: 'reject', reason });
    assert.equal(response.statusCode, 302);
    const application = await t.db.selectFrom('mentee_applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
    assert.equal(application.status, 'rejected');
    assert.ok(application.decided_at && application.decided_by);
    const menteePage = await new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, mentee.id)).get(`/programmes/${programme.id}/mentee-application`);
    assert.ok(menteePage.body.includes(reason));
    const mail = await emailsTo(t.db, mentee.email);
    assert.equal(mail.at(-1)?.template, 'menteeRejected');
    assert.ok(!(await allEmailText(t.db)).some((text) => text.includes(reason)));
    const history = await admin.get(applicantUrl(applicationId));
    assert.ok(history.body.includes(reason), 'the history shows the reason');
    assert.doesNotMatch(history.body, /name="decision"/, 'no decision form once decided');
  });

  test('approve: the mentee becomes a member of the programme', async () => {
    const { mentee, applicationId } = await awaitingAdmin();
    assert.equal((await decide(admin, applicationId, { decision: 'approve' })).statusCode, 302);
    const page = await admin.get(applicantUrl(applicationId));
    assert.match(page.body, /Application approved/);
    const membership = await t.db.selectFrom('programme_memberships').select('role').where('user_id', '=', mentee.id).where('programme_id', '=', programme.id).execute();
    assert.deepEqual(membership.map((m) => m.role), ['mentee']);
  });

  test('two admins at once: one decision; the other is told who got there first, and nothing else changes', async () => {
    const { mentee, applicationId } = await awaitingAdmin();
    const [firstVersion, secondVersion] = [await versionOn(admin, applicationId), await versionOn(secondAdmin, applicationId)];
    const [a, b] = await Promise.all([
      decide(admin, applicationId, { decision: 'approve' }, { version: firstVersion }),
      decide(secondAdmin, applicationId, { decision: 'reject', reason: 'Too late' }, { version: secondVersion }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [302, 409]);
    const loser = a.statusCode === 409 ? a : b;
    assert.match(loser.body, /Another admin decided this application (at|on) /);
    const events = await t.db.selectFrom('application_events').select('to_status').where('application_id', '=', applicationId).execute();
    assert.equal(events.filter((e) => e.to_status === 'approved' || e.to_status === 'rejected').length, 1);
    const decisions = (await emailsTo(t.db, mentee.email)).filter((m) => m.template === 'menteeApproved' || m.template === 'menteeRejected');
    assert.equal(decisions.length, 1);
  });

  test('a page opened before the application changed cannot decide it', async () => {
    const { applicationId } = await awaitingAdmin();
    const stale = await versionOn(admin, applicationId);
    assert.equal((await decide(secondAdmin, applicationId, { decision: 'more_info', message: 'Which course?' })).statusCode, 302);
    await t.db.updateTable('mentee_applications').set({ status: 'awaiting_admin' }).where('id', '=', applicationId).execute();
    await t.db.insertInto('application_events').values({ application_kind: 'mentee', application_id: applicationId, from_status: 'more_info_requested', to_status: 'awaiting_admin' }).execute();
    const before = await applicationSnapshot(t.db, applicationId);
    const response = await decide(admin, applicationId, { decision: 'approve' }, { version: stale });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /has changed since you opened it/);
    assert.deepEqual(await applicationSnapshot(t.db, applicationId), before);
  });

  test('an admin cannot decide their own application', async () => {
    const user = await buildUser(t.db);
    await addMembership(t.db, user.id, otherProgramme.id, 'programme_admin');
    await buildMenteeProfile(t.db, user.id);
    const own = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
    await own.post(`/programmes/${otherProgramme.id}/mentee-application`, { from: 'draft' });
    const application = await t.db.selectFrom('mentee_applications').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const page = await own.get(applicantUrl(application.id, otherProgramme.id));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="decision"/);
    const before = await applicationSnapshot(t.db, application.id);
    const response = await decide(own, application.id, { decision: 'approve' }, { programmeId: otherProgramme.id });
    assert.equal(response.statusCode, 403);
    assert.deepEqual(await applicationSnapshot(t.db, application.id), before);
  });
});

describe('admins of another programme', () => {
  test('are refused this programme\'s queue, applicants and decisions, and nothing changes', async () => {
    const { applicationId } = await awaitingAdmin();
    const before = await applicationSnapshot(t.db, applicationId);
    assert.equal((await adminOfOther.get(queueUrl())).statusCode, 403);
    assert.equal((await adminOfOther.get(applicantUrl(applicationId))).statusCode, 403);
    assert.equal((await decide(adminOfOther, applicationId, { decision: 'approve' }, { version: 'x' })).statusCode, 403);
    // Through their own programme's URL the application does not exist.
    assert.equal((await adminOfOther.get(applicantUrl(applicationId, otherProgramme.id))).statusCode, 404);
    assert.equal((await decide(adminOfOther, applicationId, { decision: 'approve' }, { version: 'x', programmeId: otherProgramme.id })).statusCode, 404);
    assert.deepEqual(await applicationSnapshot(t.db, applicationId), before);
  });

  test('anonymous visitors are sent to sign in', async () => {
    const response = await t.app.inject({ method: 'GET', url: queueUrl() });
    assert.equal(response.statusCode, 302);
    assert.match(String(response.headers.location), /^\/sign-in\?returnTo=/);
  });
});
