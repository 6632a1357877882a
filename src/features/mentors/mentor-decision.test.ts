// A programme admin deciding on a mentor application: the applicant page, bad decisions refused,
// a draft never decided, approve and reject with their emails (no reason or profile text in them),
// two admins deciding at the same moment, and a decision on a stale page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildUser } from '../../../test/support/builders.ts';
import { admin, applicantPath, buildApplicant, decide, decisionEvents, programme, secondAdmin, signedIn, statusOf, t } from './queue-fixture.ts';

describe('deciding', () => {
  test('the applicant page shows the profile, contact details, training, history and the decision form', async () => {
    const { user, application } = await buildApplicant({ fullName: 'Ravi Chandran', jobTitle: 'Advanced clinical practitioner', bio: 'Twenty years in urgent care' });
    const page = await (await signedIn(admin)).get(applicantPath(application.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Ravi Chandran<\/h1>/);
    assert.match(page.body, /Advanced clinical practitioner/);
    assert.match(page.body, /Twenty years in urgent care/);
    assert.ok(page.body.includes(user.email));
    assert.match(page.body, /Level 5 Certificate in Coaching and Mentoring/);
    assert.match(page.body, /Mark as verified: Level 5 Certificate in Coaching and Mentoring/);
    assert.match(page.body, /Draft to Submitted/);
    assert.match(page.body, /Ravi Chandran \(applicant\)/);
    assert.match(page.body, /Save decision/);
  });

  test('bad decisions are refused with the error summary and change nothing', async () => {
    const { application } = await buildApplicant();
    const client = await signedIn(admin);
    const cases: [Record<string, string>, string, string][] = [
      [{}, 'decision', 'Select whether to approve, reject or ask for more information'],
      [{ decision: 'reject', reason: '  ' }, 'reason', 'Enter a reason for rejecting the application'],
      [{ decision: 'more_info', message: '' }, 'message', 'Enter the information you need from the applicant'],
    ];
    for (const [form, field, message] of cases) {
      const response = await decide(client, application.id, form);
      assert.equal(response.statusCode, 400, message);
      assert.match(response.body, /<title>Error: /);
      assert.match(response.body, new RegExp(`href="#${field}">\\s*${message}`));
    }
    const kept = await decide(client, application.id, { decision: 'reject', reason: 'x'.repeat(2001) });
    assert.match(kept.body, /Reason must be 2,000 characters or fewer/);
    assert.match(kept.body, /value="reject" checked/);
    assert.equal(await statusOf(application.id), 'submitted');
    assert.deepEqual(await decisionEvents(application.id), []);
  });

  test('a draft cannot be decided', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(user);
    const path = `/programmes/${programme.id}/mentor-application`;
    await client.post(`${path}/start`, {}, { from: path });
    const draft = await t.db.selectFrom('mentor_applications').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const adminClient = await signedIn(admin);
    assert.equal((await adminClient.get(applicantPath(draft.id))).statusCode, 404);
    const csrf = await adminClient.csrfToken('/account');
    const response = await adminClient.post(`${applicantPath(draft.id)}/decision`, { decision: 'approve' }, { csrf });
    assert.equal(response.statusCode, 404);
    assert.equal(await statusOf(draft.id), 'draft');
  });

  test('approving puts the mentor on the register in the same step and emails them without any detail', async () => {
    const { user, application } = await buildApplicant({ jobTitle: 'Head of midwifery', bio: 'Bio text that stays on the page' });
    const client = await signedIn(admin);
    const response = await decide(client, application.id, { decision: 'approve', reason: 'ignored', message: 'ignored' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, applicantPath(application.id));
    const row = await t.db.selectFrom('mentor_applications').selectAll().where('id', '=', application.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved');
    assert.equal(row.decided_by, admin.id);
    assert.equal(row.admin_message, null);
    const membership = await t.db.selectFrom('programme_memberships').selectAll().where('user_id', '=', user.id).where('programme_id', '=', programme.id).execute();
    assert.deepEqual(membership.map((m) => m.role), ['mentor']);
    const events = await decisionEvents(application.id);
    assert.deepEqual(events.map((e) => [e.to_status, e.actor_user_id, e.reason]), [['approved', admin.id, null]]);
    const emails = await t.db.selectFrom('email_messages').selectAll().where('user_id', '=', user.id).where('template', '=', 'mentorApplicationReviewed').execute();
    assert.equal(emails.length, 1);
    const body = `${emails[0]?.subject} ${emails[0]?.text_body} ${emails[0]?.html_body}`;
    assert.match(body, /Sign in to see/);
    for (const secret of ['Head of midwifery', 'Bio text that stays on the page']) assert.ok(!body.includes(secret));
    const page = await client.get(applicantPath(application.id));
    assert.match(page.body, /Application approved/);
    assert.match(page.body, /Submitted to Approved/);
    assert.doesNotMatch(page.body, /Save decision/, 'no decision form once decided');
  });

  test('rejecting keeps the reason for the applicant and the history, never in the email', async () => {
    const { user, application } = await buildApplicant();
    const reason = 'We need evidence of supervision arrangements';
    const response = await decide(await signedIn(admin), application.id, { decision: 'reject', reason });
    assert.equal(response.statusCode, 302);
    assert.equal(await statusOf(application.id), 'rejected');
    assert.equal((await decisionEvents(application.id))[0]?.reason, reason);
    const emails = await t.db.selectFrom('email_messages').selectAll().where('user_id', '=', user.id).where('template', '=', 'mentorApplicationReviewed').execute();
    assert.equal(emails.length, 1);
    assert.ok(!`${emails[0]?.subject} ${emails[0]?.text_body} ${emails[0]?.html_body}`.includes(reason));
    const memberships = await t.db.selectFrom('programme_memberships').select('id').where('user_id', '=', user.id).execute();
    assert.deepEqual(memberships, []);
    const history = await (await signedIn(secondAdmin)).get(applicantPath(application.id));
    assert.ok(history.body.includes(reason));
  });

  test('two admins deciding at the same moment: exactly one decision, the other is told who was first', async () => {
    const { user, application } = await buildApplicant();
    const clients = [await signedIn(admin), await signedIn(secondAdmin)];
    const tokens = await Promise.all(clients.map((client) => client.csrfToken(applicantPath(application.id))));
    const submittedAt = /name="submittedAt" value="([^"]+)"/.exec(clients[0]?.lastPage ?? '')?.[1] ?? '';
    assert.ok(submittedAt);
    const forms: Record<string, string>[] = [{ decision: 'approve', submittedAt }, { decision: 'reject', reason: 'Not enough experience yet', submittedAt }];
    const responses = await Promise.all(
      clients.map((client, i) => client.post(`${applicantPath(application.id)}/decision`, forms[i] ?? {}, { csrf: tokens[i] ?? false })),
    );
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [302, 409]);
    const loser = responses.find((r) => r.statusCode === 409);
    assert.match(loser?.body ?? '', /Another admin decided this application at \d{1,2}:\d{2}(am|pm): (approved|rejected)/);
    assert.match(loser?.body ?? '', /Nothing has been changed/);
    assert.equal((await decisionEvents(application.id)).length, 1);
    const emails = await t.db.selectFrom('email_messages').select('id').where('user_id', '=', user.id).where('template', '=', 'mentorApplicationReviewed').execute();
    assert.equal(emails.length, 1);
  });

  test('a decision made on a page opened before the applicant resubmitted is refused', async () => {
    const { client: applicantClient, application } = await buildApplicant();
    const adminClient = await signedIn(admin);
    await adminClient.get(applicantPath(application.id));
    const stale = /name="submittedAt" value="([^"]+)"/.exec(adminClient.lastPage)?.[1] ?? '';
    await decide(adminClient, application.id, { decision: 'more_info', message: 'Tell us about your supervision', submittedAt: stale });
    await applicantClient.post(`/programmes/${programme.id}/mentor-application`, {});
    assert.equal(await statusOf(application.id), 'submitted');
    const response = await decide(await signedIn(secondAdmin), application.id, { decision: 'approve', submittedAt: stale });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /sent their application again since you opened this page/);
    assert.equal(await statusOf(application.id), 'submitted');
  });
});
