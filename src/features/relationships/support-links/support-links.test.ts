// "Support beyond mentoring" links: a programme admin's own links replace the platform's on the
// pair's library page; bad input is refused; only that programme's admins manage them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOutsiders, buildRelationship, postAs, type Pair } from '../testing.ts';

let t: TestApp;
let pair: Pair;
let others: Awaited<ReturnType<typeof buildOutsiders>>;
before(async () => {
  t = await buildTestApp();
  pair = await buildRelationship(t);
  others = await buildOutsiders(t, pair.programmeId);
  await t.db.insertInto('support_links').values({ programme_id: null, kind: 'wellbeing', title: 'Platform wellbeing hub', url: 'https://example.org/wellbeing' }).execute();
});
after(async () => t.close());

const links = () => `/admin/programmes/${pair.programmeId}/support-links`;
const library = () => `/relationships/${pair.relationshipId}/resources`;

async function ownLinks() {
  return t.db.selectFrom('support_links').select(['id', 'title', 'url', 'kind', 'sort_order']).where('programme_id', '=', pair.programmeId).orderBy('sort_order').execute();
}

test('the programme\'s own links replace the platform\'s on the pair\'s page', async () => {
  assert.match((await pair.mentee.client.get(library())).body, /Platform wellbeing hub/);
  const added = await postAs(others.programmeAdmin, `${links()}/new`, { kind: 'freedom_to_speak_up', title: 'Our Freedom to Speak Up guardian', url: 'https://example.org/ftsu', sortOrder: '2' });
  assert.equal(added.statusCode, 302);
  assert.equal(added.headers.location, links());
  await postAs(others.programmeAdmin, `${links()}/new`, { kind: 'occupational_health', title: 'Occupational health team', url: 'https://example.org/oh', sortOrder: '1' });
  const page = await pair.mentor.client.get(library());
  assert.match(page.body, /Occupational health team[\s\S]*Our Freedom to Speak Up guardian/);
  assert.doesNotMatch(page.body, /Platform wellbeing hub/);
  const list = await others.programmeAdmin.client.get(links());
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Our Freedom to Speak Up guardian/);
});

test('a link can be changed and removed', async () => {
  const [first] = await ownLinks();
  assert.ok(first);
  const form = await others.programmeAdmin.client.get(`${links()}/${first.id}/edit`);
  assert.match(form.body, new RegExp(`value="${first.title}"`));
  const changed = await postAs(others.programmeAdmin, `${links()}/${first.id}`, { kind: 'other', title: 'Renamed service', url: 'https://example.org/renamed', sortOrder: '5' });
  assert.equal(changed.statusCode, 302);
  assert.equal((await ownLinks()).find((l) => l.id === first.id)?.title, 'Renamed service');
  assert.equal((await postAs(others.programmeAdmin, `${links()}/${first.id}/remove`)).statusCode, 302);
  assert.equal((await ownLinks()).some((l) => l.id === first.id), false);
  const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', first.id).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['support_link.created', 'support_link.updated', 'support_link.removed']);
});

test('bad input is refused with messages, keeps what was typed and writes nothing', async () => {
  const before = await ownLinks();
  const response = await postAs(others.programmeAdmin, `${links()}/new`, { title: 'Kept service name', url: 'javascript:alert(1)', sortOrder: 'first' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Choose what kind of support this is/);
  assert.match(response.body, /starting with https:\/\//);
  assert.match(response.body, /must be a whole number/);
  assert.match(response.body, /value="Kept service name"/);
  assert.deepEqual(await ownLinks(), before);
});

test('only this programme\'s admins manage its links', async () => {
  const before = await ownLinks();
  for (const who of [pair.mentee, pair.mentor, others.otherProgrammeAdmin]) {
    assert.equal((await who.client.get(links())).statusCode, 403);
    assert.equal((await postAs(who, `${links()}/new`, { kind: 'other', title: 'Sneaky', url: 'https://example.org/x', sortOrder: '1' })).statusCode, 403);
  }
  const theirs = (await t.db.selectFrom('programme_memberships').select('programme_id').where('user_id', '=', others.otherProgrammeAdmin.user.id).executeTakeFirstOrThrow()).programme_id;
  const mine = before[0];
  assert.ok(mine);
  assert.equal((await postAs(others.otherProgrammeAdmin, `/admin/programmes/${theirs}/support-links/${mine.id}/remove`)).statusCode, 404);
  assert.deepEqual(await ownLinks(), before);
});
