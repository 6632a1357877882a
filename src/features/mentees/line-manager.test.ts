// The line manager's one-time link: what they see (the mentee's name, the programme, the time it
// needs — never the profile), that they get no account or session, bad input, each answer, and
// links that are used, expired or answered twice at once changing nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import { emailsTo } from '../../../test/support/emails.ts';
import { allEmailText, applicationSnapshot, buildMenteeProfile, buildProgrammeWithSteps, latestLineManagerLink, SECRET_GOALS, SECRET_PREFERENCES } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

let count = 0;

interface Applied {
  mentee: BuiltUser;
  programme: { id: string; name: string };
  applicationId: string;
  managerEmail: string;
  link: string;
  token: string;
}

/** A mentee who has applied to a two-step programme and named a line manager. */
async function applied(steps = { lineManager: true, admin: true }): Promise<Applied> {
  const programme = await buildProgrammeWithSteps(t.db, steps);
  const mentee = await buildUser(t.db);
  await buildMenteeProfile(t.db, mentee.id);
  const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, mentee.id));
  const managerEmail = `line.manager.${(count += 1)}@example.nhs.uk`;
  const sent = await client.post(`/programmes/${programme.id}/mentee-application`, { from: 'draft', lineManagerName: 'Nadia Kowalski', lineManagerEmail: managerEmail });
  assert.equal(sent.statusCode, 302);
  const application = await t.db.selectFrom('mentee_applications').select('id').where('user_id', '=', mentee.id).executeTakeFirstOrThrow();
  const link = await latestLineManagerLink(t.db, managerEmail);
  return { mentee, programme, applicationId: application.id, managerEmail, link, token: link.replace('/line-manager/respond?token=', '') };
}

/** The line manager's browser: no cookies but the CSRF one the page gives. */
async function answer(a: Applied, form: Record<string, string>, client = new TestClient(t.app)) {
  return client.post('/line-manager/respond', { token: a.token, ...form }, { from: a.link });
}

describe('what the line manager sees', () => {
  test('the mentee\'s name, the programme and the time it needs; never the profile; no account or session', async () => {
    const a = await applied();
    const response = await t.app.inject({ method: 'GET', url: a.link });
    assert.equal(response.statusCode, 200);
    const page = response.body;
    assert.ok(page.includes(a.mentee.fullName.replace(/'/g, '&#39;')), 'names the mentee');
    assert.ok(page.includes(a.programme.name.replace(/'/g, '&#39;')), 'names the programme');
    assert.match(page, /Sessions of 45 to 60 minutes, usually about once a month, for up to a year/);
    assert.match(page, /time to prepare/);
    assert.match(page, /Yes, I support this application and will give them time for it/);
    assert.match(page, /No, I do not support it/);
    for (const secret of [SECRET_GOALS, SECRET_PREFERENCES, 'Ward sister', 'Northshire Hospitals', 'Career progression', a.mentee.email]) {
      assert.ok(!page.includes(secret), `the line manager's page does not show "${secret}"`);
    }
    const cookies = response.cookies.map((cookie) => cookie.name);
    assert.ok(!cookies.includes('mh_session'), 'no session cookie');
    assert.equal((await t.db.selectFrom('users').select('id').where('email', '=', a.managerEmail).execute()).length, 0, 'no account');

    const lmEmail = (await emailsTo(t.db, a.managerEmail))[0];
    assert.ok(lmEmail);
    assert.equal(lmEmail.subject, `${a.mentee.fullName} has asked for your support for mentoring`);
    assert.equal(lmEmail.user_id, null);
    assert.ok(!`${lmEmail.text_body} ${lmEmail.html_body}`.includes(SECRET_GOALS));
  });

  test('a nonsense or missing token does not work', async () => {
    for (const url of ['/line-manager/respond?token=made-up-token', '/line-manager/respond']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /This link does not work/);
    }
  });
});

describe('answering', () => {
  test('bad input: 400, the error summary, kept values, nothing changed', async () => {
    const a = await applied();
    const before = await applicationSnapshot(t.db, a.applicationId);
    const none = await answer(a, {});
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /<title>Error: /);
    assert.match(none.body, /href="#decision">\s*Select whether you support this application/);
    const noReason = await answer(a, { decision: 'not_supported', reason: '   ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /href="#reason">\s*Enter a reason/);
    assert.match(noReason.body, /value="not_supported" checked/);
    assert.match(noReason.body, new RegExp(`name="token" value="${a.token}"`));
    assert.ok(!noReason.body.includes(SECRET_GOALS));
    assert.deepEqual(await applicationSnapshot(t.db, a.applicationId), before);
  });

  test('support moves the application on and tells the mentee; the confirmation says nothing of later steps', async () => {
    const a = await applied();
    const client = new TestClient(t.app);
    const response = await answer(a, { decision: 'supported', reason: 'ignored when supporting' }, client);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/line-manager/responded?decision=supported');
    assert.ok(!response.cookies.some((cookie) => cookie.name === 'mh_session'));
    const done = await client.get(String(response.headers.location));
    assert.match(done.body, /Thank you for your answer/);
    assert.match(done.body, /You have told us that you support this application/);
    assert.match(done.body, /What happens next/);
    assert.doesNotMatch(done.body, /admin|approv|mentor search|register/i);

    const request = await t.db.selectFrom('line_manager_requests').selectAll().where('application_id', '=', a.applicationId).executeTakeFirstOrThrow();
    assert.equal(request.status, 'supported');
    assert.equal(request.reason, null);
    assert.ok(request.responded_at);
    const application = await t.db.selectFrom('mentee_applications').select('status').where('id', '=', a.applicationId).executeTakeFirstOrThrow();
    assert.equal(application.status, 'awaiting_admin');
    const events = await t.db.selectFrom('application_events').selectAll().where('application_id', '=', a.applicationId).orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.from_status, e.to_status, e.actor_user_id]), [['draft', 'awaiting_line_manager', a.mentee.id], ['awaiting_line_manager', 'awaiting_admin', null]]);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject_id', '=', a.applicationId).orderBy('id').execute();
    assert.deepEqual(audit.map((row) => row.action), ['mentee_application.submitted', 'mentee_application.line_manager_supported']);
    const mail = await emailsTo(t.db, a.mentee.email);
    assert.deepEqual(mail.map((m) => m.template), ['menteeAskedLineManager', 'menteeLineManagerResponded']);
    assert.match(mail[1]?.subject ?? '', /Your line manager has responded/);
    assert.match(mail[1]?.text_body ?? '', /Sign in to see/);
  });

  test('not supporting, with a reason: the mentee is told to sign in, the reason stays out of the email', async () => {
    const a = await applied();
    const reason = 'The ward cannot release staff during the winter pressures';
    const response = await answer(a, { decision: 'not_supported', reason });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/line-manager/responded?decision=not_supported');
    const request = await t.db.selectFrom('line_manager_requests').selectAll().where('application_id', '=', a.applicationId).executeTakeFirstOrThrow();
    assert.deepEqual([request.status, request.reason], ['not_supported', reason]);
    const application = await t.db.selectFrom('mentee_applications').select('status').where('id', '=', a.applicationId).executeTakeFirstOrThrow();
    assert.equal(application.status, 'line_manager_declined');
    const event = await t.db.selectFrom('application_events').select('reason').where('application_id', '=', a.applicationId).where('to_status', '=', 'line_manager_declined').executeTakeFirstOrThrow();
    assert.equal(event.reason, reason);
    assert.ok(!(await allEmailText(t.db)).some((text) => text.includes(reason)));
  });

  test('support on a programme without an admin step approves straight away', async () => {
    const a = await applied({ lineManager: true, admin: false });
    assert.equal((await answer(a, { decision: 'supported' })).statusCode, 302);
    const application = await t.db.selectFrom('mentee_applications').select('status').where('id', '=', a.applicationId).executeTakeFirstOrThrow();
    assert.equal(application.status, 'approved');
    const membership = await t.db.selectFrom('programme_memberships').select('role').where('user_id', '=', a.mentee.id).where('programme_id', '=', a.programme.id).execute();
    assert.deepEqual(membership.map((m) => m.role), ['mentee']);
  });
});

describe('links that no longer work change nothing', () => {
  test('a used link says so, GET and POST', async () => {
    const a = await applied();
    assert.equal((await answer(a, { decision: 'supported' })).statusCode, 302);
    const before = await applicationSnapshot(t.db, a.applicationId);
    const page = await t.app.inject({ method: 'GET', url: a.link });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /This link has already been used/);
    const client = new TestClient(t.app);
    const csrf = await client.csrfToken('/sign-in');
    const again = await client.post('/line-manager/respond', { token: a.token, decision: 'not_supported', reason: 'Changed my mind' }, { csrf });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /This link has already been used/);
    assert.deepEqual(await applicationSnapshot(t.db, a.applicationId), before);
  });

  test('an expired link says so, GET and POST, and is left for the sweep', async () => {
    const a = await applied();
    await t.db.updateTable('line_manager_requests').set({ expires_at: sql<Date>`now() - interval '1 minute'` as unknown as Date }).where('application_id', '=', a.applicationId).execute();
    const before = await applicationSnapshot(t.db, a.applicationId);
    const page = await t.app.inject({ method: 'GET', url: a.link });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /This link has expired/);
    const client = new TestClient(t.app);
    const csrf = await client.csrfToken('/sign-in');
    const posted = await client.post('/line-manager/respond', { token: a.token, decision: 'supported' }, { csrf });
    assert.equal(posted.statusCode, 400);
    assert.match(posted.body, /This link has expired/);
    assert.deepEqual(await applicationSnapshot(t.db, a.applicationId), before);
    assert.equal(before.requests[0]?.status, 'pending');
  });

  test('two answers at once: one decision, the other told the link was used', async () => {
    const a = await applied();
    const [first, second] = [new TestClient(t.app), new TestClient(t.app)];
    const [csrfFirst, csrfSecond] = [await first.csrfToken(a.link), await second.csrfToken(a.link)];
    const responses = await Promise.all([
      first.post('/line-manager/respond', { token: a.token, decision: 'supported' }, { csrf: csrfFirst }),
      second.post('/line-manager/respond', { token: a.token, decision: 'not_supported', reason: 'No' }, { csrf: csrfSecond }),
    ]);
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [302, 400]);
    assert.match(responses.find((r) => r.statusCode === 400)?.body ?? '', /This link has already been used/);
    const events = await t.db.selectFrom('application_events').select('to_status').where('application_id', '=', a.applicationId).execute();
    assert.equal(events.length, 2, 'the submission and exactly one answer');
    assert.equal((await emailsTo(t.db, a.mentee.email)).filter((m) => m.template === 'menteeLineManagerResponded').length, 1);
  });
});
