// The mentee application state machine through the real routes, for each programme set-up (both
// steps, line manager only, admin only, neither), with bad input, a closed programme, double
// submission and who may see an application. Renominating and "more information" are in
// application-resend.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership } from '../../../test/support/builders.ts';
import { emailsTo } from '../../../test/support/emails.ts';
import { hashToken } from '../../auth/sessions.ts';
import {
  adminDecides, allEmailText, buildProgrammeWithSteps, latestLineManagerLink, lineManagerAnswers, programmeAdminClient, SECRET_GOALS, SECRET_PREFERENCES,
  signedInMentee, uniqueManager as manager, type ProgrammeSteps,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const buildMentee = (options: { profile?: boolean } = {}) => signedInMentee(t, options);
const path = (programmeId: string) => `/programmes/${programmeId}/mentee-application`;
const applicationOf = (userId: string, programmeId: string) =>
  t.db.selectFrom('mentee_applications').selectAll().where('user_id', '=', userId).where('programme_id', '=', programmeId).executeTakeFirst();
const statusOf = async (userId: string, programmeId: string) => (await applicationOf(userId, programmeId))?.status;
const templatesTo = async (address: string) => (await emailsTo(t.db, address)).map((email) => email.template);

async function eventsOf(applicationId: string) {
  const rows = await t.db.selectFrom('application_events').select(['from_status', 'to_status']).where('application_id', '=', applicationId).orderBy('id').execute();
  return rows.map((row) => `${row.from_status} → ${row.to_status}`);
}

async function isMentee(userId: string, programmeId: string) {
  const row = await t.db.selectFrom('programme_memberships').select('id').where('user_id', '=', userId).where('programme_id', '=', programmeId).where('role', '=', 'mentee').executeTakeFirst();
  return row !== undefined;
}

describe('each programme set-up', () => {
  const setUps: [string, ProgrammeSteps][] = [
    ['line manager and admin', { lineManager: true, admin: true }],
    ['line manager only', { lineManager: true, admin: false }],
    ['admin only', { lineManager: false, admin: true }],
    ['neither step', { lineManager: false, admin: false }],
  ];
  for (const [name, steps] of setUps) {
    test(name, async () => {
      const programme = await buildProgrammeWithSteps(t.db, steps);
      const mentee = await buildMentee();
      const check = await mentee.client.get(path(programme.id));
      assert.equal(check.statusCode, 200);
      assert.match(check.body, /Check your answers before applying/);
      assert.equal(/name="lineManagerEmail"/.test(check.body), steps.lineManager, 'the line manager is asked for only when needed');

      const lm = manager();
      const sent = await mentee.client.post(path(programme.id), { from: 'draft', ...(steps.lineManager ? lm : {}) });
      assert.equal(sent.statusCode, 302);
      assert.equal(sent.headers.location, path(programme.id));
      const application = await applicationOf(mentee.user.id, programme.id);
      assert.ok(application?.submitted_at);
      const expected: string[] = [];

      if (steps.lineManager) {
        assert.equal(application.status, 'awaiting_line_manager');
        assert.equal(application.line_manager_email, lm.lineManagerEmail);
        expected.push('draft → awaiting_line_manager');
        const [request] = await t.db.selectFrom('line_manager_requests').selectAll().where('application_id', '=', application.id).execute();
        assert.ok(request);
        const link = await latestLineManagerLink(t.db, lm.lineManagerEmail);
        const token = link.replace('/line-manager/respond?token=', '');
        assert.equal(request.token_hash, hashToken(token), 'only the hash is stored');
        assert.notEqual(request.token_hash, token);
        const days = (new Date(request.expires_at).getTime() - request.created_at.getTime()) / 86_400_000;
        assert.equal(Math.round(days), 14);
        const [lmEmail] = await emailsTo(t.db, lm.lineManagerEmail);
        assert.equal(lmEmail?.subject, `${mentee.user.fullName} has asked for your support for mentoring`);
        assert.ok(lmEmail?.text_body?.includes(programme.name));
        assert.deepEqual(await templatesTo(mentee.user.email), ['menteeAskedLineManager']);
        assert.match((await mentee.client.get(path(programme.id))).body, /We have asked your line manager/);

        assert.equal((await lineManagerAnswers(t, link, { decision: 'supported' })).statusCode, 302);
        expected.push(`awaiting_line_manager → ${steps.admin ? 'awaiting_admin' : 'approved'}`);
        assert.deepEqual(await templatesTo(mentee.user.email), ['menteeAskedLineManager', 'menteeLineManagerResponded']);
      } else {
        assert.equal((await t.db.selectFrom('line_manager_requests').select('id').where('application_id', '=', application.id).execute()).length, 0);
        expected.push(`draft → ${steps.admin ? 'awaiting_admin' : 'approved'}`);
        assert.deepEqual(await templatesTo(mentee.user.email), [steps.admin ? 'menteeSentToAdmins' : 'menteeApproved']);
      }

      if (steps.admin) {
        assert.equal(await statusOf(mentee.user.id, programme.id), 'awaiting_admin');
        assert.equal(await isMentee(mentee.user.id, programme.id), false, 'no membership before approval');
        const admin = await programmeAdminClient(t, programme.id);
        assert.equal((await adminDecides(admin, programme.id, application.id, { decision: 'approve' })).statusCode, 302);
        expected.push('awaiting_admin → approved');
        assert.equal((await templatesTo(mentee.user.email)).at(-1), 'menteeApproved');
      }
      assert.equal(await statusOf(mentee.user.id, programme.id), 'approved');
      assert.equal(await isMentee(mentee.user.id, programme.id), true, 'approval makes the mentee a member');
      assert.deepEqual(await eventsOf(application.id), expected);
      const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', application.id).orderBy('id').execute();
      assert.equal(audit.length, expected.length, 'one audit row per change');
      const page = await mentee.client.get(path(programme.id));
      assert.match(page.body, /Approved/);
      assert.match(page.body, /You have a place as a mentee/);
      const home = await mentee.client.get('/');
      assert.match(home.body, new RegExp(programme.name));
      assert.match(home.body, /Approved/);
    });
  }
});

describe('bad input', () => {
  test('missing, malformed or own line-manager email: 400, messages, kept values, nothing stored', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const mentee = await buildMentee();
    const missing = await mentee.client.post(path(programme.id), { from: 'draft', lineManagerName: ' ', lineManagerEmail: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /<title>Error: Check your answers/);
    assert.match(missing.body, /href="#lineManagerName">\s*Enter your line manager&#39;s name/);
    assert.match(missing.body, /href="#lineManagerEmail">\s*Enter your line manager&#39;s work email address/);

    const malformed = await mentee.client.post(path(programme.id), { from: 'draft', lineManagerName: 'Kept Name', lineManagerEmail: 'not an email' });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /in the correct format/);
    assert.match(malformed.body, /value="Kept Name"/);
    assert.match(malformed.body, /value="not an email"/);

    const own = await mentee.client.post(path(programme.id), { from: 'draft', lineManagerName: 'Me Myself', lineManagerEmail: ` ${mentee.user.email.toUpperCase()} ` });
    assert.equal(own.statusCode, 400);
    assert.match(own.body, /Your line manager cannot be you/);

    assert.equal(await applicationOf(mentee.user.id, programme.id), undefined);
    assert.equal((await t.db.selectFrom('email_messages').select('id').where('recipient', 'in', [mentee.user.email, 'not an email']).execute()).length, 0);
  });

  test('an incomplete profile is listed with links back here, and cannot be sent', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: false, admin: true });
    const mentee = await buildMentee({ profile: false });
    const check = await mentee.client.get(path(programme.id));
    assert.match(check.body, /Your profile is not complete/);
    const back = encodeURIComponent(path(programme.id));
    assert.match(check.body, new RegExp(`href="/profile/mentee/role\\?returnTo=${back}#jobTitle">Enter your job title`));
    const sent = await mentee.client.post(path(programme.id), { from: 'draft' });
    assert.equal(sent.statusCode, 400);
    assert.match(sent.body, /href="#profile">\s*Complete your mentee profile before you send your application/);
    assert.equal(await applicationOf(mentee.user.id, programme.id), undefined);
    assert.equal((await emailsTo(t.db, mentee.user.email)).length, 0);
  });
});

describe('closed programmes', () => {
  test('say so to members, are not found by strangers, and take no application', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: false, admin: true, isOpen: false });
    const member = await buildMentee();
    await addMembership(t.db, member.user.id, programme.id, 'mentor');
    const page = await member.client.get(path(programme.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /This programme is not taking applications/);
    const sent = await member.client.post(path(programme.id), { from: 'draft' }, { csrf: await member.client.csrfToken('/account') });
    assert.equal(sent.statusCode, 409);
    assert.equal(await applicationOf(member.user.id, programme.id), undefined);

    const stranger = await buildMentee();
    assert.equal((await stranger.client.get(path(programme.id))).statusCode, 404);
  });
});

describe('sending twice', () => {
  test('a second send of the same page (double click, stale tab) changes nothing', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const mentee = await buildMentee();
    const csrf = await mentee.client.csrfToken(path(programme.id));
    const lm = manager('Tobias Reid');
    const [first, second] = await Promise.all([
      mentee.client.post(path(programme.id), { from: 'draft', ...lm }, { csrf }),
      mentee.client.post(path(programme.id), { from: 'draft', ...lm }, { csrf }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [302, 409]);
    const refused = first.statusCode === 409 ? first : second;
    assert.match(refused.body, /Your application has already been sent/);
    const application = await applicationOf(mentee.user.id, programme.id);
    assert.ok(application);
    assert.equal((await t.db.selectFrom('line_manager_requests').select('id').where('application_id', '=', application.id).execute()).length, 1);
    assert.deepEqual(await templatesTo(lm.lineManagerEmail), ['lineManagerRequest']);
    assert.deepEqual(await eventsOf(application.id), ['draft → awaiting_line_manager']);
  });
});

describe('who sees the application', () => {
  test('anonymous visitors are sent to sign in', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const response = await t.app.inject({ method: 'GET', url: path(programme.id) });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(path(programme.id))}`);
  });

  test('another mentee sees only their own application, and cannot open the admin view', async () => {
    const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const mentee = await buildMentee();
    await mentee.client.post(path(programme.id), { from: 'draft', ...manager('Private Manager') });
    const application = await applicationOf(mentee.user.id, programme.id);
    const other = await buildMentee({ profile: false });
    const theirs = await other.client.get(path(programme.id));
    assert.equal(theirs.statusCode, 200);
    assert.match(theirs.body, /Check your answers before applying/);
    assert.doesNotMatch(theirs.body, /Private Manager|Confidential/);
    const admin = await other.client.get(`/admin/programmes/${programme.id}/mentee-applications/${application?.id}`);
    assert.equal(admin.statusCode, 403);
  });

  test('no email anywhere in this file carried goals, preferences, reasons or messages', async () => {
    const texts = await allEmailText(t.db);
    assert.ok(texts.length > 10);
    for (const text of texts) {
      assert.ok(!text.includes(SECRET_GOALS) && !text.includes(SECRET_PREFERENCES), 'no profile free text in an email');
    }
  });
});
