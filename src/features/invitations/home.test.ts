// The home page's chemistry-meeting sections: a mentee's open invitations with where each is and
// what comes next, how many are left, and the ways to find a mentor; a mentor's invitations to
// answer and meetings in progress; and, for both, their mentoring that ended in the last 12 months.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { acceptOrFail, buildChemistryProgramme, buildMentee, buildMentor, inviteOrFail } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

test('a mentee sees their invitations, what comes next and how many are left; a mentor what to answer', async () => {
  const programme = await buildChemistryProgramme(t);
  const [sam, priya] = [await buildMentor(t, programme.id, { fullName: 'Sam Patel' }), await buildMentor(t, programme.id, { fullName: 'Priya Shah' })];
  const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
  const before = await mentee.client.get('/');
  assert.match(before.body, new RegExp(`Finding a mentor: ${programme.name}`));
  assert.match(before.body, /You have 3 of 3 invitations left/);
  assert.match(before.body, new RegExp(`href="/programmes/${programme.id}/find-a-mentor"`));
  assert.match(before.body, new RegExp(`href="/programmes/${programme.id}/shortlist"`));
  assert.match(before.body, /Ask a programme admin to find a mentor for you/);

  const first = await inviteOrFail(t, mentee, programme.id, sam.user.id);
  const second = await inviteOrFail(t, mentee, programme.id, priya.user.id);
  await acceptOrFail(t, priya, second);
  const home = await mentee.client.get('/');
  assert.match(home.body, /You have 1 of 3 invitations left/);
  assert.match(home.body, new RegExp(`<a href="/invitations/${first}">Sam Patel</a>[\\s\\S]*?Waiting for an answer[\\s\\S]*?Waiting for Sam Patel to answer by`));
  assert.match(home.body, new RegExp(`<a href="/invitations/${second}">Priya Shah</a>[\\s\\S]*?Accepted[\\s\\S]*?Meeting on`));

  const samHome = await sam.client.get('/');
  assert.match(samHome.body, new RegExp(`Your mentoring: ${programme.name}`));
  assert.match(samHome.body, new RegExp(`Invitations to answer[\\s\\S]*<a href="/invitations/${first}">Alex Morgan</a>[\\s\\S]*?Answer by`));
  assert.match(samHome.body, /You have no mentees on this programme yet/);
  assert.match((await priya.client.get('/')).body, new RegExp(`Chemistry meetings[\\s\\S]*<a href="/invitations/${second}">Alex Morgan</a>`));
});

test('mentees and mentors see their mentoring that ended in the last 12 months, newest first, linking to each relationship', async () => {
  const programme = await buildChemistryProgramme(t);
  const [sam, priya] = [await buildMentor(t, programme.id, { fullName: 'Sam Patel' }), await buildMentor(t, programme.id, { fullName: 'Priya Shah' })];
  const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
  const DAY = 86_400_000;
  const ended = async (mentor: typeof sam, endedDaysAgo: number) => (await t.db.insertInto('relationships').values({
    programme_id: programme.id, mentee_id: mentee.user.id, mentor_id: mentor.user.id, mentoring_type: 'traditional', status: 'ended', end_kind: 'completed',
    phase: 'moving_on', started_at: new Date(Date.now() - (endedDaysAgo + 100) * DAY), ended_at: new Date(Date.now() - endedDaysAgo * DAY),
  }).returning('id').executeTakeFirstOrThrow()).id;
  const withSam = await ended(sam, 60);
  const withPriya = await ended(priya, 10);
  const longAgo = await ended(sam, 400);

  const home = (await mentee.client.get('/')).body;
  assert.match(home, new RegExp(`Past mentoring[\\s\\S]*?<a href="/relationships/${withPriya}">Priya Shah</a>, ended on[\\s\\S]*?<a href="/relationships/${withSam}">Sam Patel</a>`));
  assert.ok(!home.includes(longAgo), 'not one that ended over 12 months ago');
  assert.match(home, /Ask a programme admin to find a mentor for you/, 'the help to find another mentor is there');

  const samHome = (await sam.client.get('/')).body;
  assert.match(samHome, new RegExp(`Past mentoring[\\s\\S]*?<a href="/relationships/${withSam}">Alex Morgan</a>, ended on`));
  assert.ok(!samHome.includes(longAgo) && !samHome.includes(withPriya));
  assert.doesNotMatch((await priya.client.get('/')).body, new RegExp(withSam));
});
