// The home page's chemistry-meeting sections: a mentee's open invitations with where each is and
// what comes next, how many are left, and the ways to find a mentor; a mentor's invitations to
// answer and meetings in progress.
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
