// The reminder and expiry sweep, called directly after moving timestamps with SQL: one reminder
// (with a fresh link) even when the sweep runs twice or twice at once, one expiry, and nothing for
// requests that were answered or are not due.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import { emailsTo } from '../../../test/support/emails.ts';
import { sweepLineManagerRequests } from './line-manager-sweep.ts';
import { applicationSnapshot, buildMenteeProfile, buildProgrammeWithSteps, latestLineManagerLink, menteeDepsOf, SECRET_GOALS } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

let count = 0;

interface Waiting {
  mentee: BuiltUser;
  programmeId: string;
  applicationId: string;
  managerEmail: string;
  link: string;
}

async function waitingForLineManager(): Promise<Waiting> {
  const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
  const mentee = await buildUser(t.db);
  await buildMenteeProfile(t.db, mentee.id);
  const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, mentee.id));
  const managerEmail = `sweep.manager.${(count += 1)}@example.nhs.uk`;
  const sent = await client.post(`/programmes/${programme.id}/mentee-application`, { from: 'draft', lineManagerName: 'Rowan Blake', lineManagerEmail: managerEmail });
  assert.equal(sent.statusCode, 302);
  const application = await t.db.selectFrom('mentee_applications').select('id').where('user_id', '=', mentee.id).executeTakeFirstOrThrow();
  return { mentee, programmeId: programme.id, applicationId: application.id, managerEmail, link: await latestLineManagerLink(t.db, managerEmail) };
}

/**
 * Moves the request's creation back, as if it had been sent `days` ago (and a second more: the
 * sweep's clock is a JavaScript date, to the millisecond, and the database's to the microsecond).
 */
async function sentDaysAgo(w: Waiting, days: number): Promise<void> {
  await t.db
    .updateTable('line_manager_requests')
    .set({ created_at: sql<Date>`now() - make_interval(days => ${days}, secs => 1)` as unknown as Date })
    .where('application_id', '=', w.applicationId)
    .execute();
}

async function expireNow(w: Waiting): Promise<void> {
  await t.db.updateTable('line_manager_requests').set({ expires_at: sql<Date>`now() - interval '1 minute'` as unknown as Date }).where('application_id', '=', w.applicationId).execute();
}

const sweep = () => sweepLineManagerRequests(menteeDepsOf(t), new Date());

async function templatesTo(address: string) {
  return (await emailsTo(t.db, address)).map((email) => email.template);
}

describe('reminders', () => {
  test('not sent before the programme\'s reminder day', async () => {
    const w = await waitingForLineManager();
    await sentDaysAgo(w, 6);
    const before = await applicationSnapshot(t.db, w.applicationId);
    await sweep();
    assert.deepEqual(await applicationSnapshot(t.db, w.applicationId), before);
  });

  test('sent once with a fresh link, even when the sweep runs again', async () => {
    const w = await waitingForLineManager();
    await sentDaysAgo(w, 7);
    const hashBefore = (await t.db.selectFrom('line_manager_requests').select('token_hash').where('application_id', '=', w.applicationId).executeTakeFirstOrThrow()).token_hash;
    await sweep();
    await sweep();
    assert.deepEqual(await templatesTo(w.managerEmail), ['lineManagerRequest', 'lineManagerReminder']);
    const request = await t.db.selectFrom('line_manager_requests').selectAll().where('application_id', '=', w.applicationId).executeTakeFirstOrThrow();
    assert.ok(request.reminded_at);
    assert.equal(request.status, 'pending');
    assert.notEqual(request.token_hash, hashBefore);
    const [, reminder] = await emailsTo(t.db, w.managerEmail);
    assert.match(reminder?.subject ?? '', /^Reminder: .+ has asked for your support for mentoring$/);
    assert.ok(!`${reminder?.text_body} ${reminder?.html_body}`.includes(SECRET_GOALS));

    const newLink = await latestLineManagerLink(t.db, w.managerEmail);
    assert.notEqual(newLink, w.link);
    const old = await t.app.inject({ method: 'GET', url: w.link });
    assert.equal(old.statusCode, 400);
    assert.match(old.body, /If we sent you a reminder, use the link in the newest email/);
    assert.equal((await t.app.inject({ method: 'GET', url: newLink })).statusCode, 200);
    assert.equal((await t.db.selectFrom('application_events').select('id').where('application_id', '=', w.applicationId).execute()).length, 1, 'a reminder is not a change of status');
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', w.applicationId).where('action', '=', 'mentee_application.line_manager_reminded').execute();
    assert.equal(audit.length, 1);

    const home = await new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, w.mentee.id)).get('/');
    assert.match(home.body, /Waiting for your line manager, Rowan Blake, to respond: we sent a reminder on /);
  });

  test('sent once when two sweeps run at the same moment', async () => {
    const w = await waitingForLineManager();
    await sentDaysAgo(w, 8);
    await Promise.all([sweep(), sweep(), sweep()]);
    assert.deepEqual(await templatesTo(w.managerEmail), ['lineManagerRequest', 'lineManagerReminder']);
  });

  test('follows the programme\'s own reminder day', async () => {
    const w = await waitingForLineManager();
    await t.db.updateTable('programmes').set({ line_manager_reminder_days: 3 }).where('id', '=', w.programmeId).execute();
    await sentDaysAgo(w, 3);
    await sweep();
    assert.deepEqual(await templatesTo(w.managerEmail), ['lineManagerRequest', 'lineManagerReminder']);
  });
});

describe('expiry', () => {
  test('expires once: the request, the application, its history and the mentee\'s email', async () => {
    const w = await waitingForLineManager();
    await sentDaysAgo(w, 15);
    await expireNow(w);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const request = await t.db.selectFrom('line_manager_requests').select('status').where('application_id', '=', w.applicationId).executeTakeFirstOrThrow();
    assert.equal(request.status, 'expired');
    const events = await t.db.selectFrom('application_events').select(['from_status', 'to_status', 'actor_user_id']).where('application_id', '=', w.applicationId).orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.from_status, e.to_status, e.actor_user_id]), [
      ['draft', 'awaiting_line_manager', w.mentee.id],
      ['awaiting_line_manager', 'line_manager_expired', null],
    ]);
    assert.deepEqual(await templatesTo(w.mentee.email), ['menteeAskedLineManager', 'menteeLineManagerExpired']);
    const [, expired] = await emailsTo(t.db, w.mentee.email);
    assert.match(expired?.subject ?? '', /did not respond in time/);
    assert.match(expired?.text_body ?? '', /You can name someone else/);
    assert.deepEqual(await templatesTo(w.managerEmail), ['lineManagerRequest'], 'an expiring request is not also reminded');
    const page = await t.app.inject({ method: 'GET', url: w.link });
    assert.match(page.body, /This link has expired/);
  });

  test('nothing happens to requests that were answered or withdrawn', async () => {
    const answered = await waitingForLineManager();
    const client = new TestClient(t.app);
    const token = answered.link.replace('/line-manager/respond?token=', '');
    assert.equal((await client.post('/line-manager/respond', { token, decision: 'supported' }, { from: answered.link })).statusCode, 302);
    await sentDaysAgo(answered, 20);
    await expireNow(answered);
    const before = await applicationSnapshot(t.db, answered.applicationId);
    await sweep();
    assert.deepEqual(await applicationSnapshot(t.db, answered.applicationId), before);
  });
});
