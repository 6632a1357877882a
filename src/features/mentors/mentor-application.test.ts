// The applicant's side of a mentor application: who may see which page, the state machine (start,
// cannot submit incomplete, submit, resubmit after more information, the outcome pages), the
// emails it sends (who, which template, and no profile text in them), and the home page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import { buildMentorProfile } from './testing.ts';

let t: TestApp;
let programme: { id: string; name: string };
let admins: BuiltUser[];
let otherProgrammeAdmin: BuiltUser;

before(async () => {
  t = await buildTestApp();
  programme = await buildProgramme(t.db, { name: 'Mersey peer mentoring register' });
  admins = [await buildUser(t.db), await buildUser(t.db)];
  for (const admin of admins) await addMembership(t.db, admin.id, programme.id, 'programme_admin');
  const other = await buildProgramme(t.db);
  otherProgrammeAdmin = await buildUser(t.db);
  await addMembership(t.db, otherProgrammeAdmin.id, other.id, 'programme_admin');
});
after(async () => t.close());

const applicationPath = () => `/programmes/${programme.id}/mentor-application`;

async function signedIn(user: BuiltUser): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, user.id));
}

async function applicationOf(userId: string, programmeId = programme.id) {
  return t.db.selectFrom('mentor_applications').selectAll().where('user_id', '=', userId).where('programme_id', '=', programmeId).executeTakeFirst();
}

async function eventsOf(applicationId: string) {
  return t.db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
}

/** A programme admin's decision, sent from the applicant page as the admin's browser would. */
async function decide(admin: TestClient, applicationId: string, form: Record<string, string>) {
  const page = `/admin/programmes/${programme.id}/mentor-applications/${applicationId}`;
  return admin.post(`${page}/decision`, form, { from: page });
}

async function emailsFor(userId: string) {
  return t.db.selectFrom('email_messages').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

describe('who can see the application page', () => {
  test('anonymous visitors are sent to sign in; POSTs go nowhere', async () => {
    const page = await t.app.inject({ method: 'GET', url: applicationPath() });
    assert.equal(page.statusCode, 302);
    assert.equal(page.headers.location, `/sign-in?returnTo=${encodeURIComponent(applicationPath())}`);
    for (const url of [applicationPath(), `${applicationPath()}/start`]) {
      const post = await t.app.inject({ method: 'POST', url, payload: {} });
      assert.equal(post.statusCode, 302);
      assert.equal(post.headers.location, '/sign-in?returnTo=%2F');
    }
    const rows = await t.db.selectFrom('mentor_applications').select('id').where('programme_id', '=', programme.id).execute();
    assert.equal(rows.length, 0);
  });

  test('an unknown programme, or a closed one the person is not part of, is not found', async () => {
    const client = await signedIn(await buildUser(t.db));
    assert.equal((await client.get(`/programmes/${randomUUID()}/mentor-application`)).statusCode, 404);
    assert.equal((await client.get('/programmes/not-a-uuid/mentor-application')).statusCode, 404);
    const closed = await buildProgramme(t.db, { isOpen: false });
    assert.equal((await client.get(`/programmes/${closed.id}/mentor-application`)).statusCode, 404);
  });

  test('a member of a closed programme is told it is not taking applications, and cannot start one', async () => {
    const closed = await buildProgramme(t.db, { isOpen: false });
    const member = await buildUser(t.db);
    await addMembership(t.db, member.id, closed.id, 'mentee');
    const client = await signedIn(member);
    const page = await client.get(`/programmes/${closed.id}/mentor-application`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /This programme is not taking applications at the moment/);
    assert.doesNotMatch(page.body, /Start your application/);
    const start = await client.post(`/programmes/${closed.id}/mentor-application/start`, {}, { from: '/account' });
    assert.equal(start.statusCode, 409);
    assert.equal(await applicationOf(member.id, closed.id), undefined);
  });

  test('each person only ever sees their own application on this page', async () => {
    const applicant = await buildUser(t.db);
    await buildMentorProfile(t.db, applicant.id, { bio: 'Private bio of the first applicant' });
    const first = await signedIn(applicant);
    await first.post(`${applicationPath()}/start`, {}, { from: applicationPath() });
    assert.match((await first.get(applicationPath())).body, /Private bio of the first applicant/);

    const someoneElse = await signedIn(await buildUser(t.db));
    const page = await someoneElse.get(applicationPath());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Start your application/);
    assert.doesNotMatch(page.body, /Private bio of the first applicant/);
  });
});

describe('the state machine', () => {
  test('start makes a draft (once, with its history), shown on the home page', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(user);
    const page = await client.get(applicationPath());
    assert.match(page.body, /Join the register as a mentor/);
    assert.equal(await applicationOf(user.id), undefined, 'looking does not create anything');
    const csrf = await client.csrfToken();
    const [first, second] = await Promise.all([
      client.post(`${applicationPath()}/start`, {}, { csrf }),
      client.post(`${applicationPath()}/start`, {}, { csrf }),
    ]);
    assert.equal(first?.statusCode, 302);
    assert.equal(second?.statusCode, 302);
    const application = await applicationOf(user.id);
    assert.equal(application?.status, 'draft');
    const events = await eventsOf(application?.id ?? '');
    assert.deepEqual(events.map((e) => [e.from_status, e.to_status]), [[null, 'draft']]);

    const home = await client.get('/');
    assert.match(home.body, /Mersey peer mentoring register/);
    assert.match(home.body, /Draft/);
    assert.match(home.body, /Continue your application/);
  });

  test('an incomplete application cannot be submitted: 400, the missing list, nothing changed or sent', async () => {
    const user = await buildUser(t.db);
    await buildMentorProfile(t.db, user.id, { training: false, ethics: false });
    const client = await signedIn(user);
    await client.post(`${applicationPath()}/start`, {}, { from: applicationPath() });
    const page = await client.get(applicationPath());
    assert.match(page.body, /Check your answers before you apply/);
    assert.match(page.body, /Add at least one training record/);
    assert.match(page.body, /Agree to work to the code of ethics/);
    assert.doesNotMatch(page.body, /Submit application/, 'no submit button until complete');

    const submitted = await client.post(applicationPath(), {}, { from: '/account' });
    assert.equal(submitted.statusCode, 400);
    assert.match(submitted.body, /<title>Error: /);
    assert.match(submitted.body, /href="#missing">\s*Your application is not complete/);
    assert.match(submitted.body, /id="missing"/);
    const application = await applicationOf(user.id);
    assert.equal(application?.status, 'draft');
    assert.equal((await eventsOf(application?.id ?? '')).length, 1);
    assert.deepEqual(await emailsFor(user.id), []);
  });

  test('a complete application is submitted once, and the applicant and every admin of the programme are emailed', async () => {
    const user = await buildUser(t.db);
    const bio = 'I have run a district nursing team in Wirral for eleven years';
    await buildMentorProfile(t.db, user.id, { jobTitle: 'Clinical lead for district nursing', bio });
    const client = await signedIn(user);
    await client.post(`${applicationPath()}/start`, {}, { from: applicationPath() });
    const check = await client.get(applicationPath());
    assert.match(check.body, /Submit application/);
    assert.match(check.body, /The programme admins of Mersey peer mentoring register see your application/);

    const response = await client.post(applicationPath(), {});
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, applicationPath());
    const application = await applicationOf(user.id);
    assert.equal(application?.status, 'submitted');
    assert.ok(application?.submitted_at);
    assert.deepEqual((await eventsOf(application.id)).map((e) => [e.from_status, e.to_status, e.actor_user_id]), [
      [null, 'draft', user.id], ['draft', 'submitted', user.id],
    ]);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', application.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['mentor_application.draft', 'mentor_application.submitted']);

    const page = await client.get(applicationPath());
    assert.match(page.body, /Application submitted/);
    assert.match(page.body, /Your application is waiting for a decision/);

    const mine = await emailsFor(user.id);
    assert.deepEqual(mine.map((e) => [e.template, e.recipient]), [['mentorApplicationReceived', user.email]]);
    for (const admin of admins) {
      const theirs = await emailsFor(admin.id);
      assert.deepEqual(theirs.map((e) => e.template), ['mentorApplicationWaiting'], admin.email);
      assert.ok(theirs[0]?.text_body?.includes(`http://localhost:3000/admin/programmes/${programme.id}/mentor-applications`), 'links to the queue');
    }
    assert.deepEqual(await emailsFor(otherProgrammeAdmin.id), [], 'admins of other programmes are not told');
    for (const email of [...mine, ...(await emailsFor(admins[0]?.id ?? ''))]) {
      for (const secret of [bio, 'Clinical lead for district nursing']) {
        assert.ok(!`${email.subject} ${email.text_body} ${email.html_body}`.includes(secret), `${email.template} carries no profile text`);
      }
    }

    const again = await client.post(applicationPath(), {}, { from: '/account' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /You have already sent this application/);
    assert.equal((await eventsOf(application.id)).length, 2);
  });

  test('more information requested: the applicant sees the message, changes the profile and resubmits', async () => {
    const user = await buildUser(t.db);
    await buildMentorProfile(t.db, user.id);
    const client = await signedIn(user);
    await client.post(`${applicationPath()}/start`, {}, { from: applicationPath() });
    await client.post(applicationPath(), {});
    const application = await applicationOf(user.id);
    assert.ok(application);

    const admin = await signedIn(admins[0] ?? user);
    const message = 'Please add the date your ILM accreditation expires';
    const asked = await decide(admin, application.id, { decision: 'more_info', message });
    assert.equal(asked.statusCode, 302);

    const page = await client.get(applicationPath());
    assert.match(page.body, /The programme admin asked for more information/);
    assert.ok(page.body.includes(message));
    assert.match(page.body, /More information needed/);
    assert.match(page.body, /Submit application/);
    assert.match((await client.get('/')).body, /Give the information asked for/);

    const row = await t.db.selectFrom('mentor_profiles').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const changed = await client.post('/profile/mentor/role', {
      jobTitle: 'Deputy chief nurse', profession: row.profession_id ?? '', band: row.band_id ?? '', organisation: row.organisation,
      region: row.region_id ?? '', careSetting: row.care_setting_id ?? '', yearsExperience: '20', returnTo: applicationPath(),
    }, { from: `/profile/mentor/role?returnTo=${encodeURIComponent(applicationPath())}` });
    assert.equal(changed.statusCode, 302);
    assert.equal(changed.headers.location, applicationPath(), 'back to the check page');

    const resubmitted = await client.post(applicationPath(), {});
    assert.equal(resubmitted.statusCode, 302);
    const after = await applicationOf(user.id);
    assert.equal(after?.status, 'submitted');
    assert.equal(after?.admin_message, null);
    const events = await eventsOf(application.id);
    assert.deepEqual(events.map((e) => [e.from_status, e.to_status]), [
      [null, 'draft'], ['draft', 'submitted'], ['submitted', 'more_info_requested'], ['more_info_requested', 'submitted'],
    ]);
    assert.equal(events[2]?.reason, message);
    const reviewed = (await emailsFor(user.id)).filter((e) => e.template === 'mentorApplicationReviewed');
    assert.equal(reviewed.length, 1);
    assert.ok(!`${reviewed[0]?.text_body} ${reviewed[0]?.html_body}`.includes(message), 'the message is not emailed');
  });

  test('rejected shows the reason; approved says the mentor is on the register', async () => {
    const reason = 'Your training does not yet meet the programme standard';
    for (const [decision, expected] of [['reject', /Your application was not approved/], ['approve', /You are on the register of Mersey peer mentoring register/]] as const) {
      const user = await buildUser(t.db);
      await buildMentorProfile(t.db, user.id);
      const client = await signedIn(user);
      await client.post(`${applicationPath()}/start`, {}, { from: applicationPath() });
      await client.post(applicationPath(), {});
      const application = await applicationOf(user.id);
      const admin = await signedIn(admins[1] ?? user);
      assert.equal((await decide(admin, application?.id ?? '', { decision, reason })).statusCode, 302);
      const page = await client.get(applicationPath());
      assert.match(page.body, expected);
      if (decision === 'reject') assert.ok(page.body.includes(reason));
      const home = await client.get('/');
      assert.match(home.body, decision === 'approve' ? /Approved/ : /Not approved/);
      assert.match(home.body, /Your mentor profile/);
      const resubmit = await client.post(applicationPath(), {}, { from: '/account' });
      assert.equal(resubmit.statusCode, 409, 'a decided application cannot be submitted again');
    }
  });
});
