// The programme admin's view of relationships: the facts (names, type, phase, dates, sessions,
// health) with filters and counts — and never any content, whatever the pair has written.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  SECRET_PRIVATE_NOTE, SECRET_REASON, SECRET_SHARED_NOTE, buildOutsiders, buildRelationship, endDirectly, modeId, type Pair,
} from '../testing.ts';

const GOAL = 'GOAL-MARKER-11aa: get the band 7 post';
const AGENDA = 'AGENDA-MARKER-22bb: talk about the ward manager';
const TERMS = 'TERMS-MARKER-33cc: we meet in the library';
const PHASE_NOTE = 'PHASE-NOTE-MARKER-44dd';
const markers = ['GOAL-MARKER', 'AGENDA-MARKER', 'TERMS-MARKER', 'PHASE-NOTE-MARKER', 'PRIVATE-MARKER', 'SHARED-MARKER', 'REASON-MARKER'];

let t: TestApp;
let pair: Pair;
let ended: Pair;
let others: Awaited<ReturnType<typeof buildOutsiders>>;

async function fillWithContent(p: Pair) {
  const r = p.relationshipId;
  await t.db.insertInto('goals').values({ relationship_id: r, title: GOAL, reality: GOAL }).execute();
  await t.db.insertInto('contract_versions').values({ relationship_id: r, version: 1, terms: JSON.stringify({ boundaries: TERMS }) }).execute();
  await t.db.insertInto('relationship_phase_events').values({ relationship_id: r, from_phase: 'building_rapport', to_phase: 'setting_direction', actor_user_id: p.mentee.user.id, note: PHASE_NOTE }).execute();
  await t.db.updateTable('relationships').set({ phase: 'setting_direction' }).where('id', '=', r).execute();
  const mode = await modeId(t, 'video');
  for (const daysAgo of [30, 10]) {
    const session = await t.db.insertInto('mentoring_sessions').values({
      relationship_id: r, starts_at: new Date(Date.now() - daysAgo * 86_400_000), duration_minutes: 60, mode, agenda: AGENDA, status: 'held',
    }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('shared_notes').values({ session_id: session.id, author_id: p.mentor.user.id, body: SECRET_SHARED_NOTE }).execute();
    await t.db.insertInto('private_notes').values({ session_id: session.id, author_id: p.mentee.user.id, key_id: 'test', ciphertext: Buffer.from(SECRET_PRIVATE_NOTE) }).execute();
  }
  await t.db.insertInto('mentoring_sessions').values({ relationship_id: r, starts_at: new Date(Date.now() + 86_400_000), duration_minutes: 45, mode, agenda: AGENDA }).execute();
}

before(async () => {
  t = await buildTestApp();
  pair = await buildRelationship(t);
  others = await buildOutsiders(t, pair.programmeId);
  await fillWithContent(pair);
  ended = await buildRelationship(t, { programmeId: pair.programmeId, type: 'reverse' });
  await endDirectly(t, ended.relationshipId);
  await t.db.insertInto('relationship_endings').values({ relationship_id: ended.relationshipId, ended_by: ended.mentee.user.id, kind: 'completed', reason: SECRET_REASON }).execute();
  const amber = await buildRelationship(t, { programmeId: pair.programmeId, type: 'peer' });
  await t.db.updateTable('relationships').set({ health: 'amber' }).where('id', '=', amber.relationshipId).execute();
});
after(async () => t.close());

const list = (query = '') => `/admin/programmes/${pair.programmeId}/relationships${query}`;
const one = (id: string) => `/admin/programmes/${pair.programmeId}/relationships/${id}`;

function assertNoContent(body: string, where: string) {
  for (const marker of markers) assert.ok(!body.includes(marker), `${marker} on ${where}`);
}

test('the list shows each relationship\'s facts, counts amber and red, and no content', async () => {
  const page = await others.programmeAdmin.client.get(list());
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<caption[^>]*>\s*3 mentoring relationships/);
  assert.match(page.body, /1 amber/);
  assert.match(page.body, /0 red/);
  const row = new RegExp(`${pair.mentee.user.fullName}[\\s\\S]*?${pair.mentor.user.fullName}[\\s\\S]*?Traditional mentoring[\\s\\S]*?Setting direction[\\s\\S]*?Not ended[\\s\\S]*?>2<[\\s\\S]*?On track`);
  assert.match(page.body, row);
  assert.match(page.body, /Reverse mentoring[\s\S]*?\(completed\)/);
  assert.match(page.body, /Amber: no session held in 45 days or more/);
  assertNoContent(page.body, 'the list');
});

test('filters by status, health and phase through the address', async () => {
  const amber = await others.programmeAdmin.client.get(list('?health=amber'));
  assert.match(amber.body, /1 mentoring relationship matching/);
  assert.match(amber.body, /Peer mentoring/);
  assert.doesNotMatch(amber.body, /Traditional mentoring<\/td>/);
  const endedOnly = await others.programmeAdmin.client.get(list('?status=ended'));
  assert.match(endedOnly.body, /1 mentoring relationship matching/);
  assert.match(endedOnly.body, new RegExp(ended.mentee.user.fullName));
  const direction = await others.programmeAdmin.client.get(list('?phase=setting_direction&status=active'));
  assert.match(direction.body, new RegExp(pair.mentee.user.fullName));
  assert.doesNotMatch(direction.body, new RegExp(ended.mentee.user.fullName));
  assert.equal((await others.programmeAdmin.client.get(list('?phase=nope&health=<x>'))).statusCode, 200);
});

test('one relationship shows its facts and phase dates, and no content', async () => {
  const page = await others.programmeAdmin.client.get(one(pair.relationshipId));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Sessions held[\s\S]*?2/);
  assert.match(page.body, /When the relationship moved into each phase[\s\S]*Building rapport[\s\S]*Setting direction/);
  assertNoContent(page.body, 'the relationship');
  const endedPage = await others.programmeAdmin.client.get(one(ended.relationshipId));
  assert.match(endedPage.body, /\(completed\)/);
  assertNoContent(endedPage.body, 'the ended relationship');
});

test('only this programme\'s admins see it; another programme\'s relationship is a 404', async () => {
  for (const who of [pair.mentee, pair.mentor, others.otherMentor, others.otherProgrammeAdmin, others.lineManager]) {
    assert.equal((await who.client.get(list())).statusCode, 403);
    assert.equal((await who.client.get(one(pair.relationshipId))).statusCode, 403);
  }
  const elsewhere = await buildRelationship(t);
  assert.equal((await others.programmeAdmin.client.get(one(elsewhere.relationshipId))).statusCode, 404);
  assert.equal((await others.programmeAdmin.client.get(one('not-an-id'))).statusCode, 404);
  assert.equal((await others.platformAdmin.client.get(list())).statusCode, 200);
});

test('the admin programme page links to the relationships, concerns, resources and support links', async () => {
  const page = await others.programmeAdmin.client.get(`/admin/programmes/${pair.programmeId}`);
  for (const path of ['relationships', 'concerns', 'resources', 'support-links']) {
    assert.match(page.body, new RegExp(`href="/admin/programmes/${pair.programmeId}/${path}"`));
  }
  assert.match((await others.platformAdmin.client.get('/admin/programmes')).body, /href="\/admin\/resources"/);
});
