// Brokering: a mentee asks the programme admins for help (one open request per mentee per
// programme, also under two requests at once); the admins' queue and request page (with the
// mentee's profile and the decline reasons only admins see); proposing a mentor with room, which
// invites them on the mentee's behalf and counts against the mentee's limit.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership, buildUser } from '../../../test/support/builders.ts';
import { SECRET_GOALS } from '../mentees/testing.ts';
import { assertErrorPage, signedIn } from '../mentors/testing.ts';
import { buildChemistryProgramme, buildMentee, buildMentor, invitationRow, inviteOrFail, postAs, templatesTo, type Party } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

async function programmeWithAdmin() {
  const programme = await buildChemistryProgramme(t);
  const admin = await buildUser(t.db);
  await addMembership(t.db, admin.id, programme.id, 'programme_admin');
  return { programme, admin, adminClient: await signedIn(t, admin) };
}

async function requestsOf(mentee: Party) {
  return t.db.selectFrom('broker_requests').selectAll().where('mentee_id', '=', mentee.user.id).execute();
}

describe('asking for help', () => {
  test('one open request; the admins are emailed a link; a second ask is told it is already open', async () => {
    const { programme, admin } = await programmeWithAdmin();
    const mentee = await buildMentee(t, programme.id);
    const asked = await postAs(mentee, `/programmes/${programme.id}/broker-request`);
    assert.equal(asked.statusCode, 302);
    assert.equal(asked.headers.location, '/');
    assert.match((await mentee.client.get('/')).body, /You have asked for help to find a mentor[\s\S]*You asked a programme admin to help you find a mentor on/);
    assert.deepEqual(await templatesTo(t, admin), ['chemistryBrokerRequested']);
    await postAs(mentee, `/programmes/${programme.id}/broker-request`);
    assert.match((await mentee.client.get('/')).body, /You have already asked a programme admin to help you find a mentor/);
    assert.equal((await requestsOf(mentee)).length, 1);
  });

  test('two requests at the same instant make one', async () => {
    const { programme } = await programmeWithAdmin();
    const mentee = await buildMentee(t, programme.id);
    const csrf = await mentee.client.csrfToken('/account');
    await Promise.all([1, 2, 3].map(() => mentee.client.post(`/programmes/${programme.id}/broker-request`, {}, { csrf })));
    assert.equal((await requestsOf(mentee)).length, 1);
  });

  test('only approved mentees of the programme may ask', async () => {
    const { programme } = await programmeWithAdmin();
    const mentor = await buildMentor(t, programme.id);
    assert.equal((await postAs(mentor, `/programmes/${programme.id}/broker-request`)).statusCode, 403);
  });
});

describe('the admin\'s queue', () => {
  test('lists requests; the request page shows the profile, decline reasons (admins only) and mentors with room', async () => {
    const { programme, adminClient } = await programmeWithAdmin();
    const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
    const decliner = await buildMentor(t, programme.id, { fullName: 'Priya Shah' });
    const roomy = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    await buildMentor(t, programme.id, { fullName: 'Paula Paused', isPaused: true });
    const id = await inviteOrFail(t, mentee, programme.id, decliner.user.id);
    assert.equal((await postAs(decliner, `/invitations/${id}/decline`, { reason: 'no_capacity' })).statusCode, 302);
    await postAs(mentee, `/programmes/${programme.id}/broker-request`);
    const [request] = await requestsOf(mentee);

    const programmePage = await adminClient.get(`/admin/programmes/${programme.id}`);
    assert.match(programmePage.body, new RegExp(`href="/admin/programmes/${programme.id}/broker-requests"`));
    const queue = await adminClient.get(`/admin/programmes/${programme.id}/broker-requests`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Waiting for a mentor \(1\)/);
    assert.match(queue.body, /Alex Morgan<\/a>/);

    const page = await adminClient.get(`/admin/programmes/${programme.id}/broker-requests/${request?.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(SECRET_GOALS), 'the mentee\'s profile');
    assert.match(page.body, /No capacity at the moment/);
    assert.match(page.body, /Reasons for declining: programme admins only/);
    assert.match(page.body, /They can have 3 open invitations at a time. They have 3 left./);
    assert.match(page.body, new RegExp(`value="${roomy.user.id}"`));
    assert.match(page.body, new RegExp(`value="${decliner.user.id}"`), 'a mentor who declined before may still be proposed');
    assert.doesNotMatch(page.body, /Paula Paused/, 'paused mentors are not offered');
    assert.doesNotMatch((await mentee.client.get(`/invitations/${id}`)).body, /No capacity at the moment|no capacity/i, 'never the mentee');

    const other = await programmeWithAdmin();
    assert.equal((await other.adminClient.get(`/admin/programmes/${programme.id}/broker-requests`)).statusCode, 403);
    assert.equal((await other.adminClient.get(`/admin/programmes/${other.programme.id}/broker-requests/${request?.id}`)).statusCode, 404);
  });

  test('proposing a mentor invites them on the mentee\'s behalf; bad input and second proposals refused', async () => {
    const { programme, admin, adminClient } = await programmeWithAdmin();
    const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    await postAs(mentee, `/programmes/${programme.id}/broker-request`);
    const [request] = await requestsOf(mentee);
    const path = `/admin/programmes/${programme.id}/broker-requests/${request?.id}`;

    const none = await adminClient.post(`${path}/propose`, { mentorId: '' }, { from: path });
    assert.equal(none.statusCode, 400);
    assertErrorPage(none.body, 'Find a mentor for Alex Morgan', [{ field: 'mentorId', text: 'Choose a mentor' }]);
    const forged = await adminClient.post(`${path}/propose`, { mentorId: randomUUID() }, { from: path });
    assert.equal(forged.statusCode, 400);
    assertErrorPage(forged.body, 'Find a mentor for Alex Morgan', [{ field: 'mentorId', text: 'Choose a mentor from the list' }]);

    const proposed = await adminClient.post(`${path}/propose`, { mentorId: mentor.user.id, message: 'You both work in community nursing' }, { from: path });
    assert.equal(proposed.statusCode, 302);
    const invitation = await t.db.selectFrom('invitations').selectAll().where('mentee_id', '=', mentee.user.id).executeTakeFirstOrThrow();
    assert.equal(invitation.initiated_by, 'admin');
    assert.equal(invitation.mentor_id, mentor.user.id);
    const after = (await requestsOf(mentee))[0];
    assert.equal(after?.status, 'proposed');
    assert.equal(after?.proposed_mentor_id, mentor.user.id);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject_id', 'in', [invitation.id, request?.id ?? '']).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => [a.action, a.actor_user_id]), [['broker_request.created', mentee.user.id], ['invitation.created', admin.id], ['broker_request.proposed', admin.id]]);
    assert.deepEqual(await templatesTo(t, mentor.user), ['chemistryInvitationReceived']);
    assert.deepEqual(await templatesTo(t, mentee.user), ['chemistryMentorSuggested']);
    const mentorPage = await mentor.client.get(`/invitations/${invitation.id}`);
    assert.match(mentorPage.body, /Accept and propose a time/);
    assert.match(mentorPage.body, /Invitation sent by a programme admin on behalf of Alex Morgan/);
    assert.match((await mentee.client.get(`/invitations/${invitation.id}`)).body, /Withdraw your invitation/);
    assert.match((await mentee.client.get('/')).body, /You have 2 of 3 invitations left/);

    const again = await adminClient.post(`${path}/propose`, { mentorId: mentor.user.id }, { csrf: await adminClient.csrfToken('/account') });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Another admin has already acted on this request/);
    assert.equal((await invitationRow(t, invitation.id)).status, 'pending');
  });

  test('a mentee at their limit cannot be given another invitation', async () => {
    const { programme, adminClient } = await programmeWithAdmin();
    await t.db.updateTable('programmes').set({ max_open_invitations: 1 }).where('id', '=', programme.id).execute();
    const mentee = await buildMentee(t, programme.id);
    await postAs(mentee, `/programmes/${programme.id}/broker-request`);
    await inviteOrFail(t, mentee, programme.id, (await buildMentor(t, programme.id)).user.id);
    const mentor = await buildMentor(t, programme.id);
    const [request] = await requestsOf(mentee);
    const path = `/admin/programmes/${programme.id}/broker-requests/${request?.id}`;
    const refused = await adminClient.post(`${path}/propose`, { mentorId: mentor.user.id }, { from: path });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /This person cannot take on another chemistry meeting right now/);
    assert.equal((await requestsOf(mentee))[0]?.status, 'open');
    assert.equal((await t.db.selectFrom('invitations').select('id').where('mentor_id', '=', mentor.user.id).execute()).length, 0);
  });

  test('when the proposed mentor declines, the request goes back to the admins\' queue as open', async () => {
    const { programme, adminClient } = await programmeWithAdmin();
    const mentee = await buildMentee(t, programme.id);
    const mentor = await buildMentor(t, programme.id);
    await postAs(mentee, `/programmes/${programme.id}/broker-request`);
    const [request] = await requestsOf(mentee);
    const path = `/admin/programmes/${programme.id}/broker-requests/${request?.id}`;
    assert.equal((await adminClient.post(`${path}/propose`, { mentorId: mentor.user.id }, { from: path })).statusCode, 302);
    const invitation = await t.db.selectFrom('invitations').select('id').where('mentee_id', '=', mentee.user.id).executeTakeFirstOrThrow();
    const declined = await mentor.client.post(`/invitations/${invitation.id}/decline`, { reason: 'no_capacity', message: '' }, { from: `/invitations/${invitation.id}/decline` });
    assert.equal(declined.statusCode, 302);
    const reopened = (await requestsOf(mentee))[0];
    assert.equal(reopened?.status, 'open');
    assert.equal(reopened?.proposed_mentor_id, null);
    const queue = await adminClient.get(`/admin/programmes/${programme.id}/broker-requests`);
    assert.ok(queue.body.includes(`/broker-requests/${request?.id ?? ''}`), 'it is in the queue again');
  });
});
