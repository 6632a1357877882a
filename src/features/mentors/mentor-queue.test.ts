// The programme admin's mentor queue: who may use it (never an admin of another programme, another
// mentor or the applicant, and a refused request changes nothing), tabs, counts and filters kept
// in the address, the link from the programme page, and training verification.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMembership, buildProgramme, buildUser } from '../../../test/support/builders.ts';
import { admin, adminOfOther, applicantPath, buildApplicant, decide, decisionEvents, otherProgramme, programme, queuePath, signedIn, statusOf, t } from './queue-fixture.ts';
import { buildTrainingRecord } from './testing.ts';

describe('who may use the queue', () => {
  test('an admin of another programme, a mentor and the applicant are refused everything, and nothing changes', async () => {
    const { user: applicant, client: applicantClient, application } = await buildApplicant({ bio: 'Bio that must not leak across programmes' });
    const recordId = (await t.db.selectFrom('training_records').select('id').where('user_id', '=', applicant.id).executeTakeFirstOrThrow()).id;
    const otherMentor = await buildUser(t.db);
    for (const [who, client] of [['admin of another programme', await signedIn(adminOfOther)], ['another mentor', await signedIn(otherMentor)], ['the applicant', applicantClient]] as const) {
      const csrf = await client.csrfToken('/account');
      for (const url of [queuePath(), applicantPath(application.id)]) {
        const page = await client.get(url);
        assert.equal(page.statusCode, 403, `${who}: GET ${url}`);
        assert.doesNotMatch(page.body, /Bio that must not leak/);
      }
      const decided = await client.post(`${applicantPath(application.id)}/decision`, { decision: 'approve' }, { csrf });
      assert.equal(decided.statusCode, 403, `${who}: decision`);
      const verified = await client.post(`${applicantPath(application.id)}/training/${recordId}/verify`, {}, { csrf });
      assert.equal(verified.statusCode, 403, `${who}: verify`);
    }
    // The admin of the other programme, through their own programme's address, finds nothing.
    const other = await signedIn(adminOfOther);
    assert.equal((await other.get(applicantPath(application.id, otherProgramme.id))).statusCode, 404);
    const csrf = await other.csrfToken('/account');
    assert.equal((await other.post(`${applicantPath(application.id, otherProgramme.id)}/decision`, { decision: 'approve' }, { csrf })).statusCode, 404);
    assert.equal((await other.post(`${applicantPath(application.id, otherProgramme.id)}/training/${recordId}/verify`, {}, { csrf })).statusCode, 404);

    assert.equal(await statusOf(application.id), 'submitted');
    assert.deepEqual(await decisionEvents(application.id), []);
    const record = await t.db.selectFrom('training_records').select('verified_at').where('id', '=', recordId).executeTakeFirstOrThrow();
    assert.equal(record.verified_at, null);
    const memberships = await t.db.selectFrom('programme_memberships').select('id').where('user_id', '=', applicant.id).execute();
    assert.deepEqual(memberships, []);
  });

  test('anonymous visitors are sent to sign in', async () => {
    const response = await t.app.inject({ method: 'GET', url: queuePath() });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(queuePath())}`);
  });

  test('a programme admin who applied to their own programme cannot decide their own application', async () => {
    const selfAdmin = await buildUser(t.db);
    await addMembership(t.db, selfAdmin.id, programme.id, 'programme_admin');
    const { application } = await buildApplicant();
    const own = await buildApplicant({ user: selfAdmin });
    const client = await signedIn(selfAdmin);
    const page = await client.get(applicantPath(own.application.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /You cannot decide on your own application/);
    assert.doesNotMatch(page.body, /Save decision/);
    const csrf = await client.csrfToken('/account');
    const refused = await client.post(`${applicantPath(own.application.id)}/decision`, { decision: 'approve' }, { csrf });
    assert.equal(refused.statusCode, 403);
    assert.equal(await statusOf(own.application.id), 'submitted');
    assert.match((await client.get(applicantPath(application.id))).body, /Save decision/, 'they can decide other people’s');
  });
});

describe('the queue page', () => {
  test('tabs with counts, filters in the address, and a table of applicants', async () => {
    const programmeForTabs = await buildProgramme(t.db, { name: 'Tabs programme' });
    const tabAdmin = await buildUser(t.db);
    await addMembership(t.db, tabAdmin.id, programmeForTabs.id, 'programme_admin');
    const nurse = await buildApplicant({ programmeId: programmeForTabs.id, fullName: 'Olusegun Bakare', profession: 'nursing', region: 'london', jobTitle: 'Lead nurse' });
    const pharmacist = await buildApplicant({ programmeId: programmeForTabs.id, fullName: 'Niamh Byrne', profession: 'pharmacy', region: 'london' });
    await buildApplicant({ programmeId: programmeForTabs.id, fullName: 'Tariq Hussain', profession: 'nursing', region: 'north_west' });
    const approved = await buildApplicant({ programmeId: programmeForTabs.id, fullName: 'Grace Adeyemi' });
    const draftOnly = await buildUser(t.db, { fullName: 'Drafty McDraft' });
    const draftClient = await signedIn(draftOnly);
    await draftClient.post(`/programmes/${programmeForTabs.id}/mentor-application/start`, {}, { from: `/programmes/${programmeForTabs.id}/mentor-application` });
    const client = await signedIn(tabAdmin);
    assert.equal((await decide(client, approved.application.id, { decision: 'approve' }, programmeForTabs.id)).statusCode, 302);
    await decide(client, pharmacist.application.id, { decision: 'more_info', message: 'Which trust do you work for?' }, programmeForTabs.id);

    const page = await client.get(queuePath(programmeForTabs.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Awaiting decision \(2\)/);
    assert.match(page.body, /More information requested \(1\)/);
    assert.match(page.body, /Approved \(1\)/);
    assert.match(page.body, /Rejected \(0\)/);
    assert.match(page.body, /Training to verify \(1\)/, 'the approved mentor’s training is not verified yet');
    assert.match(page.body, /aria-current="page"><strong>Awaiting decision/);
    assert.match(page.body, /Olusegun Bakare/);
    assert.match(page.body, /Lead nurse/);
    assert.match(page.body, /Tariq Hussain/);
    assert.doesNotMatch(page.body, /Niamh Byrne|Grace Adeyemi/);
    assert.doesNotMatch(page.body, /Drafty McDraft/, 'drafts are not the admins’ to see');

    const nursing = (await t.db.selectFrom('mentor_profiles').select(['profession_id', 'region_id']).where('user_id', '=', nurse.user.id).executeTakeFirstOrThrow());
    const filtered = await client.get(`${queuePath(programmeForTabs.id)}?status=submitted&profession=${nursing.profession_id ?? ''}&region=${nursing.region_id ?? ''}`);
    assert.match(filtered.body, /Olusegun Bakare/);
    assert.doesNotMatch(filtered.body, /Tariq Hussain/);
    assert.match(filtered.body, /Awaiting decision \(1\)/);
    assert.match(filtered.body, new RegExp(`value="${nursing.profession_id ?? ''}" selected`), 'the filter stays chosen');
    assert.match(filtered.body, /Clear filters/);
    const tabLink = /href="([^"]*status=approved[^"]*)"/.exec(filtered.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    assert.ok(tabLink.includes(`profession=${nursing.profession_id ?? ''}`), 'status links keep the filters');

    const approvedTab = await client.get(`${queuePath(programmeForTabs.id)}?status=approved`);
    assert.match(approvedTab.body, /Grace Adeyemi/);
    const nonsense = await client.get(`${queuePath(programmeForTabs.id)}?status=nonsense&profession=not-a-uuid`);
    assert.equal(nonsense.statusCode, 200, 'a bad filter is ignored, not an error');
    assert.match(nonsense.body, /Olusegun Bakare/);
  });

  test('the admin programme page links to the queue', async () => {
    const client = await signedIn(admin);
    const page = await client.get(`/admin/programmes/${programme.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`href="${queuePath()}"`));
  });
});

describe('training verification', () => {
  test('an admin verifies a record; an approved mentor who changes training stays approved and shows as training to verify', async () => {
    const { user, client: mentorClient, application } = await buildApplicant();
    const recordId = (await t.db.selectFrom('training_records').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow()).id;
    const client = await signedIn(admin);
    const verify = await client.post(`${applicantPath(application.id)}/training/${recordId}/verify`, {}, { from: applicantPath(application.id) });
    assert.equal(verify.statusCode, 302);
    const record = await t.db.selectFrom('training_records').select(['verified_at', 'verified_by']).where('id', '=', recordId).executeTakeFirstOrThrow();
    assert.ok(record.verified_at);
    assert.equal(record.verified_by, admin.id);
    const page = await client.get(applicantPath(application.id));
    assert.match(page.body, /Training record verified/);
    assert.doesNotMatch(page.body, /Mark as verified: Level 5 Certificate in Coaching and Mentoring/);
    await decide(client, application.id, { decision: 'approve' });

    const before = await client.get(`${queuePath()}?status=training`);
    assert.doesNotMatch(before.body, new RegExp(user.fullName));
    await buildTrainingRecord(t.db, user.id);
    const form = await mentorClient.get('/profile/mentor/training');
    assert.match(form.body, /Not verified yet/);
    const after = await client.get(`${queuePath()}?status=training`);
    assert.match(after.body, /aria-current="page"><strong>Training to verify \(\d+\)/);
    assert.ok(after.body.includes(user.fullName));
    assert.equal(await statusOf(application.id), 'approved', 'the mentor stays approved');
  });
});
