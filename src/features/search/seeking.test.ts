// "Seeking a mentor" posts: a mentee writes one (bad input first), has at most one open per
// programme, takes it down; the programme's mentors browse and filter them and see only what the
// form promised (first name, job title, profession, region — not the application); nobody outside
// the programme's mentors can browse.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership, buildProgramme, buildUser } from '../../../test/support/builders.ts';
import { SECRET_GOALS } from '../mentees/testing.ts';
import { assertErrorPage, signedIn, termId } from '../mentors/testing.ts';
import { approvedMentee, approvedMentor } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const newPost = (programmeId: string) => `/programmes/${programmeId}/seeking/new`;
const posts = (programmeId: string, query = '') => `/programmes/${programmeId}/seeking${query}`;

async function openPostsOf(userId: string) {
  return t.db.selectFrom('seeking_posts').selectAll().where('mentee_id', '=', userId).where('status', '=', 'open').execute();
}

describe('writing a post', () => {
  test('bad input gets the error summary, keeps what was typed and stores nothing', async () => {
    const programme = await buildProgramme(t.db);
    const { user, client } = await approvedMentee(t, programme.id);
    const form = await client.get(newPost(programme.id));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Who can see this:<\/strong> Approved mentors in this programme/);
    const tooLong = 'I would like help with returning to practice. '.repeat(14);
    const response = await client.post(newPost(programme.id), { summary: tooLong });
    assert.equal(response.statusCode, 400);
    assertErrorPage(response.body, 'Post that you are seeking a mentor', [
      { field: 'summary', text: 'What you are looking for must be 600 characters or fewer' },
      { field: 'meetingModeIds', text: 'Select at least one way you would like to meet' },
    ]);
    assert.ok(response.body.includes(tooLong.trim()), 'what was typed is kept');
    const forged = await client.post(newPost(programme.id), { summary: 'Help with interviews', meetingModeIds: await termId(t.db, 'profession', 'nursing') });
    assert.equal(forged.statusCode, 400);
    assert.match(forged.body, /Select how you would like to meet from the list/);
    assert.equal((await openPostsOf(user.id)).length, 0);
  });

  test('one open post per programme; taking it down allows another', async () => {
    const programme = await buildProgramme(t.db);
    const { user, client } = await approvedMentee(t, programme.id);
    const video = await termId(t.db, 'meeting_mode', 'video');
    const created = await client.post(newPost(programme.id), { summary: 'Someone who has moved from ward nursing into management.', meetingModeIds: video });
    assert.equal(created.statusCode, 302);
    assert.equal(created.headers.location, newPost(programme.id));
    const shown = await client.get(newPost(programme.id));
    assert.match(shown.body, /Your post is up/);
    assert.match(shown.body, /Someone who has moved from ward nursing into management\./);
    assert.match(shown.body, /Take your post down/);

    const second = await client.post(newPost(programme.id), { summary: 'A second post', meetingModeIds: video }, { from: newPost(programme.id) });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /You already have a post open in this programme/);
    assert.equal((await openPostsOf(user.id)).length, 1);

    const [post] = await openPostsOf(user.id);
    const closed = await client.post(`/programmes/${programme.id}/seeking/${post?.id}/close`, {}, { from: newPost(programme.id) });
    assert.equal(closed.statusCode, 302);
    const twice = await client.post(`/programmes/${programme.id}/seeking/${post?.id}/close`, {}, { from: newPost(programme.id) });
    assert.equal(twice.statusCode, 302, 'taking it down twice is fine');
    assert.equal((await openPostsOf(user.id)).length, 0);
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', post?.id ?? '').orderBy('id').execute();
    assert.deepEqual(audit.map((row) => row.action), ['seeking_post.opened', 'seeking_post.closed']);
    assert.equal((await client.post(newPost(programme.id), { summary: 'Trying again', meetingModeIds: video })).statusCode, 302);
  });

  test("only the post's own mentee can take it down; only approved mentees can post", async () => {
    const programme = await buildProgramme(t.db);
    const owner = await approvedMentee(t, programme.id);
    await owner.client.post(newPost(programme.id), { summary: 'Help with confidence', meetingModeIds: await termId(t.db, 'meeting_mode', 'phone') });
    const [post] = await openPostsOf(owner.user.id);
    const other = await approvedMentee(t, programme.id);
    const refused = await other.client.post(`/programmes/${programme.id}/seeking/${post?.id}/close`, {}, { from: newPost(programme.id) });
    assert.equal(refused.statusCode, 404);
    assert.equal((await openPostsOf(owner.user.id)).length, 1);
    const mentor = await approvedMentor(t, programme.id);
    assert.equal((await (await signedIn(t, mentor)).get(newPost(programme.id))).statusCode, 403);
  });
});

describe('browsing posts', () => {
  test('mentors see the post, first name, job title, profession and region — not the application — and can filter', async () => {
    const programme = await buildProgramme(t.db);
    const nurse = await approvedMentee(t, programme.id, { fullName: 'Amara Okoye', region: 'london' });
    const pharmacist = await approvedMentee(t, programme.id, { fullName: 'Bryn Hughes', profession: 'pharmacy', region: 'wales' });
    const [video, phone] = [await termId(t.db, 'meeting_mode', 'video'), await termId(t.db, 'meeting_mode', 'phone')];
    await nurse.client.post(newPost(programme.id), { summary: 'Looking for help preparing for interviews for a Band 7 post.', meetingModeIds: video });
    await pharmacist.client.post(newPost(programme.id), { summary: 'Hoping to learn about quality improvement projects.', meetingModeIds: [phone, video] });

    const mentor = await approvedMentor(t, programme.id);
    const client = await signedIn(t, mentor);
    const page = await client.get(posts(programme.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2 posts/);
    assert.match(page.body, />Amara, Ward sister</);
    assert.doesNotMatch(page.body, /Okoye/, 'first name only');
    assert.match(page.body, /Nursing · London/);
    assert.match(page.body, /Looking for help preparing for interviews/);
    assert.ok(!page.body.includes(SECRET_GOALS), 'not the goals from the application');
    assert.doesNotMatch(page.body, new RegExp(nurse.user.email.replace(/[.+]/g, '\\$&')));
    const [nursePost] = await openPostsOf(nurse.user.id);
    assert.match(page.body, new RegExp(`href="/programmes/${programme.id}/seeking/${nursePost?.id}/offer">Offer a chemistry meeting`));

    const titles = async (query: string) => [...(await client.get(posts(programme.id, query))).body.matchAll(/nhsuk-card__heading nhsuk-heading-s">([^,<]+)/g)].map((m) => m[1]);
    assert.deepEqual(await titles('?mode=phone'), ['Bryn']);
    assert.deepEqual(await titles('?profession=pharmacy'), ['Bryn']);
    assert.deepEqual(await titles('?region=london'), ['Amara']);
    assert.deepEqual(await titles('?setting=acute&q=interview'), ['Amara']);
    assert.deepEqual(await titles('?region=no_such_region'), []);
  });

  test('a mentor who is also a mentee does not see their own post; taken-down posts disappear', async () => {
    const programme = await buildProgramme(t.db);
    const both = await approvedMentee(t, programme.id);
    await addMembership(t.db, both.user.id, programme.id, 'mentor');
    await both.client.post(newPost(programme.id), { summary: 'My own post', meetingModeIds: await termId(t.db, 'meeting_mode', 'video') });
    const page = await (await signedIn(t, both.user)).get(posts(programme.id));
    assert.doesNotMatch(page.body, /My own post/);
    assert.match(page.body, /0 posts/);
  });

  test('mentees, mentors and admins of other programmes, and mentees of this one, cannot browse', async () => {
    const a = await buildProgramme(t.db);
    const b = await buildProgramme(t.db);
    const mentorOfB = await approvedMentor(t, b.id);
    const menteeOfA = await approvedMentee(t, a.id);
    const menteeOfB = await approvedMentee(t, b.id);
    const adminOfB = await buildUser(t.db);
    await addMembership(t.db, adminOfB.id, b.id, 'programme_admin');
    assert.equal((await (await signedIn(t, mentorOfB)).get(posts(a.id))).statusCode, 403);
    assert.equal((await menteeOfB.client.get(posts(a.id))).statusCode, 403);
    assert.equal((await (await signedIn(t, adminOfB)).get(posts(a.id))).statusCode, 403);
    assert.equal((await menteeOfA.client.get(posts(a.id))).statusCode, 403);
    assert.equal((await menteeOfB.client.get(newPost(a.id))).statusCode, 403);
  });
});
