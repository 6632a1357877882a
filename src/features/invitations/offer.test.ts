// A mentor's offer of a chemistry meeting in answer to a "seeking a mentor" post: it waits for the
// MENTEE's answer, counts against their limit from the start (refused clearly when they are at it),
// and once accepted either party proposes the meeting time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { assertErrorPage } from '../mentors/testing.ts';
import {
  buildChemistryProgramme, buildMentee, buildMentor, calendarsTo, invitationRow, inviteOrFail, meetingForm, modeId, postAs, templatesTo, type Party,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

interface Posted {
  programmeId: string;
  mentee: Party;
  mentor: Party;
  postId: string;
  path: string;
}

async function posted(options: { maxOpen?: number } = {}): Promise<Posted> {
  const programme = await buildChemistryProgramme(t, { maxOpen: options.maxOpen });
  const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
  const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
  const post = await t.db
    .insertInto('seeking_posts')
    .values({ programme_id: programme.id, mentee_id: mentee.user.id, summary: 'Seeking a mentor who has moved from nursing into management', meeting_mode_ids: [await modeId(t, 'phone')] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programmeId: programme.id, mentee, mentor, postId: post.id, path: `/programmes/${programme.id}/seeking/${post.id}/offer` };
}

async function offer(p: Posted, form: Record<string, string> = { message: 'I moved from ward sister to matron and would be glad to talk' }) {
  const response = await postAs(p.mentor, p.path, form);
  return { response, id: String(response.headers.location ?? '').replace('/invitations/', '') };
}

describe('offering a chemistry meeting', () => {
  test('the page shows the post; bad input refused; the offer waits for the mentee, who is emailed', async () => {
    const p = await posted();
    const page = await p.mentor.client.get(p.path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Offer Alex Morgan a chemistry meeting<\/h1>/);
    assert.match(page.body, /Seeking a mentor who has moved from nursing into management/);
    const bad = await offer(p, { message: '' });
    assert.equal(bad.response.statusCode, 400);
    assertErrorPage(bad.response.body, 'Offer Alex Morgan', [{ field: 'message', text: 'Enter a message' }]);
    assert.equal((await t.db.selectFrom('invitations').select('id').where('mentee_id', '=', p.mentee.user.id).execute()).length, 0);

    const { response, id } = await offer(p);
    assert.equal(response.statusCode, 302);
    const row = await invitationRow(t, id);
    assert.equal(row.initiated_by, 'mentor');
    assert.equal(row.status, 'pending');
    assert.equal(row.seeking_post_id, p.postId);
    assert.deepEqual(row.preferred_mode_ids, [await modeId(t, 'phone')], 'the post\'s ways to meet');
    assert.deepEqual(await templatesTo(t, p.mentee.user), ['chemistryOfferReceived']);
    assert.match((await p.mentee.client.get('/')).body, /Offers from mentors waiting for your answer[\s\S]*Sam Patel/);
    assert.match((await p.mentee.client.get('/')).body, /You have 2 of 3 invitations left/, 'an offer counts against the limit');
    assert.match((await p.mentor.client.get('/')).body, /Offers you have made[\s\S]*Alex Morgan/);

    const menteePage = await p.mentee.client.get(`/invitations/${id}`);
    assert.match(menteePage.body, /Accept the offer/);
    assert.match(menteePage.body, /Decline/);
    const mentorPage = await p.mentor.client.get(`/invitations/${id}`);
    assert.match(mentorPage.body, /Withdraw your offer/);
    assert.doesNotMatch(mentorPage.body, /Accept/);
    assert.doesNotMatch(mentorPage.body, /What they want to gain/, 'the mentee\'s profile is not shown for an unanswered offer');
    assert.equal((await postAs(p.mentor, `/invitations/${id}/accept`, { ...meetingForm(5), meetingMode: await modeId(t, 'video') })).statusCode, 409);
    assert.equal((await offer(p)).response.statusCode, 409, 'one open chemistry meeting per pair');
  });

  test('the mentee accepts, then proposes the meeting: both get the .ics', async () => {
    const p = await posted();
    const { id } = await offer(p);
    const form = await p.mentee.client.get(`/invitations/${id}/accept`);
    assert.doesNotMatch(form.body, /meetingDate-day/, 'a mentee accepting an offer is not asked for a time');
    assert.equal((await postAs(p.mentee, `/invitations/${id}/accept`)).statusCode, 302);
    assert.equal((await invitationRow(t, id)).status, 'accepted');
    assert.deepEqual(await calendarsTo(t, p.mentor.user), [], 'no meeting proposed yet');
    const proposed = await postAs(p.mentee, `/invitations/${id}/meeting`, { ...meetingForm(6), meetingMode: await modeId(t, 'phone') });
    assert.equal(proposed.statusCode, 302);
    for (const person of [p.mentee.user, p.mentor.user]) {
      const [request] = await calendarsTo(t, person);
      assert.equal(request?.method, 'REQUEST');
      assert.equal(Number(request?.event.sequence), 0);
      assert.equal(request?.event.uid, `invitation-${id}@localhost`);
    }
  });

  test('the mentee declines an offer without giving a reason; the mentor is told', async () => {
    const p = await posted();
    const { id } = await offer(p);
    const form = await p.mentee.client.get(`/invitations/${id}/decline`);
    assert.doesNotMatch(form.body, /name="reason"/);
    assert.equal((await postAs(p.mentee, `/invitations/${id}/decline`, { message: 'Thank you, I have found someone' })).statusCode, 302);
    const row = await invitationRow(t, id);
    assert.equal(row.status, 'declined');
    assert.equal(row.decline_reason, null);
    const [email] = await t.db.selectFrom('email_messages').selectAll().where('recipient', '=', p.mentor.user.email).execute();
    assert.equal(email?.subject, 'Your offer of a chemistry meeting has been declined');
  });

  test('a mentee at their limit cannot be offered another meeting', async () => {
    const p = await posted({ maxOpen: 1 });
    await inviteOrFail(t, p.mentee, p.programmeId, (await buildMentor(t, p.programmeId)).user.id);
    const page = await p.mentor.client.get(p.path);
    assert.match(page.body, /This person cannot take on another chemistry meeting right now/);
    const { response } = await offer(p);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /This person cannot take on another chemistry meeting right now/);
    assert.equal((await t.db.selectFrom('invitations').select('id').where('mentor_id', '=', p.mentor.user.id).execute()).length, 0);
  });

  test('only approved mentors of the programme, and only open posts', async () => {
    const p = await posted();
    assert.equal((await p.mentee.client.get(p.path)).statusCode, 403, 'the guard refuses a mentee');
    await t.db.updateTable('seeking_posts').set({ status: 'closed', closed_at: new Date() }).where('id', '=', p.postId).execute();
    assert.equal((await p.mentor.client.get(p.path)).statusCode, 404);
    assert.equal((await offer(p)).response.statusCode, 404);
  });
});
