// The relationship page: what each party sees (type wording, phase and its prompts, what to do
// next, the support panel), and that nobody else can reach it — not even that it exists.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOutsiders, buildRelationship, endDirectly } from '../testing.ts';

/** A name as the page shows it (builders' names may hold an apostrophe, which the page escapes). */
const shown = (name: string) => name.replace(/'/g, '&#39;');

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

test('both parties see the relationship page with its phase, prompts and next steps', async () => {
  const pair = await buildRelationship(t);
  const path = `/relationships/${pair.relationshipId}`;
  const mentee = await pair.mentee.client.get(path);
  assert.equal(mentee.statusCode, 200);
  assert.match(mentee.body, new RegExp(`Mentoring with ${shown(pair.mentor.user.fullName)}`));
  assert.match(mentee.body, /Traditional mentoring/);
  assert.match(mentee.body, /Building rapport[\s\S]*?You are here/);
  assert.match(mentee.body, /Start your contract/);
  assert.match(mentee.body, /Set your first goal/);
  assert.match(mentee.body, /Who can see this:/);
  const mentor = await pair.mentor.client.get(path);
  assert.equal(mentor.statusCode, 200);
  assert.match(mentor.body, new RegExp(`Mentoring with ${shown(pair.mentee.user.fullName)}`));
  assert.doesNotMatch(mentor.body, /Set your first goal/);
});

test('reverse mentoring says the mentor is the more junior colleague', async () => {
  const pair = await buildRelationship(t, { type: 'reverse' });
  const page = await pair.mentee.client.get(`/relationships/${pair.relationshipId}`);
  assert.match(page.body, /Reverse mentoring/);
  assert.match(page.body, /The mentor is the more junior colleague here/);
});

test('the support panel shows the programme\'s own links in place of the platform\'s', async () => {
  const pair = await buildRelationship(t);
  await t.db.insertInto('support_links').values([
    { programme_id: null, kind: 'wellbeing', title: 'Platform wellbeing hub', url: 'https://example.org/wellbeing' },
  ]).execute();
  const before = await pair.mentee.client.get(`/relationships/${pair.relationshipId}`);
  assert.match(before.body, /Platform wellbeing hub/);
  await t.db.insertInto('support_links').values({ programme_id: pair.programmeId, kind: 'freedom_to_speak_up', title: 'Our Freedom to Speak Up guardian', url: 'https://example.org/ftsu' }).execute();
  const after = await pair.mentee.client.get(`/relationships/${pair.relationshipId}`);
  assert.match(after.body, /Our Freedom to Speak Up guardian/);
  assert.doesNotMatch(after.body, /Platform wellbeing hub/);
});

test('nobody but the pair can open the page: they get the same 404 as for a relationship that does not exist', async () => {
  const pair = await buildRelationship(t);
  const others = await buildOutsiders(t, pair.programmeId);
  for (const [who, party] of Object.entries(others)) {
    const response = await party.client.get(`/relationships/${pair.relationshipId}`);
    assert.equal(response.statusCode, 404, who);
  }
  const anonymous = await t.app.inject({ method: 'GET', url: `/relationships/${pair.relationshipId}` });
  assert.equal(anonymous.statusCode, 302);
  assert.match(String(anonymous.headers.location), /^\/sign-in/);
  assert.equal((await pair.mentee.client.get('/relationships/not-an-id')).statusCode, 404);
});

test('an ended relationship can still be read, says it has ended and offers no next steps', async () => {
  const pair = await buildRelationship(t);
  await endDirectly(t, pair.relationshipId);
  const page = await pair.mentee.client.get(`/relationships/${pair.relationshipId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /This mentoring relationship has ended/);
  assert.doesNotMatch(page.body, /What to do next/);
  assert.doesNotMatch(page.body, /End the mentoring relationship/);
});
