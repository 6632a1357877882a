// PRODUCT.md's "who sees what", made true across every relationship route. A pair writes
// confidential things through the real pages — a private note each, a shared note, a goal, the
// contract, an unshared session reflection, a concern, and (in a second, ended relationship) a
// reason for ending and a closing reflection — each carrying a unique marker. Then every route of
// the feature is tried as the mentee, the mentor, another mentor, the programme admin, another
// programme's admin, the mentee's line manager, a platform admin and an anonymous visitor. Each
// marker may appear only in the responses of the people the table allows, never in an email and
// never in the logs; the private notes' column holds ciphertext; refused changes change nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { RouteSummary } from '../../app.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { saveOrFail, signAs } from './contract/testing.ts';
import { addGoalOrFail, storeHeldSession } from './goals/testing.ts';
import { scheduleOrFail } from './sessions/testing.ts';
import { buildOutsiders, buildRelationship, postAs, SECRET_CONCERN, SECRET_REASON, SECRET_SHARED_NOTE, type Pair, type Party } from './testing.ts';

const MARK = {
  menteePrivate: 'MENTEE-PRIVATE-a61c: I am thinking of leaving nursing altogether',
  mentorPrivate: 'MENTOR-PRIVATE-f02e: reminds me of my own first ward sister post',
  shared: SECRET_SHARED_NOTE,
  goal: 'GOAL-WSW-5d1a: lead my first team huddle without notes',
  contract: 'CONTRACT-WSW-0b7c: help me prepare for an 8a interview',
  place: 'PLACE-WSW-9e3f: the quiet room behind outpatients',
  reflection: 'REFLECTION-WSW-44c2: I finally said out loud that I am burnt out',
  concern: SECRET_CONCERN,
  reason: SECRET_REASON,
  closing: 'CLOSING-WSW-7a90: I learned to ask for help sooner',
} as const;
type Marker = keyof typeof MARK;
type Who = 'mentee' | 'mentor' | 'otherMentor' | 'programmeAdmin' | 'otherProgrammeAdmin' | 'lineManager' | 'platformAdmin' | 'anonymous';

/**
 * Who may ever read each marker (PRODUCT.md, "who sees what"). The concern, the ending reason and
 * the ended relationship belong to the mentee of both pairs here; programme admins — and platform
 * admins, who can run any programme — read concerns and reasons, and nothing else.
 */
const allowed: Record<Marker, Who[]> = {
  menteePrivate: ['mentee'],
  mentorPrivate: ['mentor'],
  shared: ['mentee', 'mentor'],
  goal: ['mentee', 'mentor'],
  contract: ['mentee', 'mentor'],
  place: ['mentee', 'mentor'],
  reflection: ['mentee'],
  concern: ['mentee', 'programmeAdmin', 'platformAdmin'],
  reason: ['mentee', 'programmeAdmin', 'platformAdmin'],
  closing: ['mentee'],
};

let t: TestApp;
let pair: Pair;
let ended: Pair;
let people: Record<Exclude<Who, 'anonymous'>, Party>;
const ids: Record<string, string> = {};

before(async () => {
  t = await buildTestApp({ captureLogs: true });
  pair = await buildRelationship(t);
  const outsiders = await buildOutsiders(t, pair.programmeId);
  people = { mentee: pair.mentee, mentor: pair.mentor, ...outsiders };
  // The line manager who supported this mentee's application, with an account of their own.
  await t.db.updateTable('mentee_applications').set({ line_manager_email: outsiders.lineManager.user.email, line_manager_name: outsiders.lineManager.user.fullName })
    .where('user_id', '=', pair.mentee.user.id).execute();

  const r = `/relationships/${pair.relationshipId}`;
  await saveOrFail(t, pair.mentee, pair.relationshipId, { menteeExpects: MARK.contract });
  assert.equal((await signAs(pair.mentee, pair.relationshipId)).statusCode, 302);
  ids.goalId = await addGoalOrFail(pair, { title: MARK.goal });
  const scheduled = await scheduleOrFail(t, pair, pair.mentor, 7, { location: MARK.place });
  const held = await storeHeldSession(t, pair.relationshipId, 3);
  ids.sessionId = held;
  ids.scheduledId = scheduled;
  const expect302 = (response: LightMyRequestResponse, what: string) => assert.equal(response.statusCode, 302, `${what}: ${response.body.slice(0, 400)}`);
  expect302(await postAs(pair.mentee, `${r}/sessions/${held}/notes`, { sharedNote: MARK.shared }), 'shared note');
  expect302(await postAs(pair.mentee, `${r}/sessions/${held}/notes/private`, { privateNote: MARK.menteePrivate }), 'mentee private note');
  expect302(await postAs(pair.mentor, `${r}/sessions/${held}/notes/private`, { privateNote: MARK.mentorPrivate }), 'mentor private note');
  expect302(await postAs(pair.mentee, `${r}/sessions/${held}/reflection`, { takeaway: MARK.reflection, usefulness: '8', emoji: 'thoughtful', share: 'no' }), 'reflection');
  expect302(await postAs(pair.mentee, `${r}/concern`, { body: MARK.concern }), 'concern');
  const note = await t.db.selectFrom('shared_notes').select('id').executeTakeFirstOrThrow();
  ids.noteId = note.id;
  const action = await t.db.insertInto('agreed_actions').values({ relationship_id: pair.relationshipId, description: 'Book a mock interview', created_by: pair.mentee.user.id }).returning('id').executeTakeFirstOrThrow();
  ids.actionId = action.id;
  const concern = await t.db.selectFrom('concerns').select('id').executeTakeFirstOrThrow();
  ids.concernId = concern.id;
  const version = await t.db.selectFrom('contract_versions').select('id').where('relationship_id', '=', pair.relationshipId).executeTakeFirstOrThrow();
  ids.versionId = version.id;

  // A second relationship of the same mentee, ended early by them with a reason, then reflected on.
  ended = await buildRelationship(t, { programmeId: pair.programmeId });
  await t.db.updateTable('relationships').set({ mentee_id: pair.mentee.user.id }).where('id', '=', ended.relationshipId).execute();
  expect302(await postAs(pair.mentee, `/relationships/${ended.relationshipId}/end`, { kind: 'ended_early', reason: MARK.reason, confirm: 'yes' }), 'ending');
  expect302(await postAs(pair.mentee, `/relationships/${ended.relationshipId}/closing-reflection`, { reflection: MARK.closing }), 'closing reflection');
});
after(async () => t.close());

function concreteUrls(route: RouteSummary): string[] {
  const fill = (relationshipId: string) => route.url
    .replace(':programmeId', pair.programmeId)
    .replace(':relationshipId', relationshipId)
    .replace(':sessionId', ids.sessionId ?? '')
    .replace(':goalId', ids.goalId ?? '')
    .replace(':noteId', ids.noteId ?? '')
    .replace(':actionId', ids.actionId ?? '')
    .replace(':concernId', ids.concernId ?? '')
    .replace(':versionId', ids.versionId ?? '')
    .replace(/:[A-Za-z]+/g, randomUUID());
  return route.url.includes(':relationshipId') ? [fill(pair.relationshipId), fill(ended.relationshipId)] : [fill(pair.relationshipId)];
}

const isPairRoute = (route: RouteSummary) => route.url.startsWith('/relationships/');
const isOversightRoute = (route: RouteSummary) => /^\/admin\/programmes\/:programmeId\/(relationships|concerns|endings)/.test(route.url);
const routes = () => (t.app.routeList ?? []).filter((route) => isPairRoute(route) || isOversightRoute(route));

async function getAs(who: Who, url: string): Promise<LightMyRequestResponse> {
  if (who === 'anonymous') return t.app.inject({ method: 'GET', url });
  return people[who].client.get(url);
}

function assertMarkers(who: Who, body: string, where: string): void {
  for (const [marker, text] of Object.entries(MARK) as [Marker, string][]) {
    const seen = body.includes(text) || body.includes(text.replace(/'/g, '&#39;'));
    if (!allowed[marker].includes(who)) assert.ok(!seen, `${who} must never see the ${marker} marker, but ${where} shows it`);
  }
}

const everyone: Who[] = ['mentee', 'mentor', 'otherMentor', 'programmeAdmin', 'otherProgrammeAdmin', 'lineManager', 'platformAdmin', 'anonymous'];

test('the routes under test are the whole feature', () => {
  const all = routes();
  assert.ok(all.filter(isPairRoute).length >= 30, `relationship routes found: ${all.filter(isPairRoute).length}`);
  assert.ok(all.some((route) => route.url.endsWith('/notes/private')));
  assert.ok(all.some((route) => route.url.includes('/concerns')));
  assert.ok(all.every((route) => route.guard !== undefined));
});

test('every page, as every person: only the pair opens the pair\'s pages, only the programme\'s admins the oversight pages, and no marker reaches anyone it should not', async () => {
  for (const route of routes().filter((r) => r.method === 'GET')) {
    for (const url of concreteUrls(route)) {
      for (const who of everyone) {
        const response = await getAs(who, url);
        const where = `GET ${url} (${route.url})`;
        assert.ok(response.statusCode < 500, `${who}: ${where} answered ${response.statusCode}`);
        assertMarkers(who, response.body, where);
        if (who === 'anonymous') {
          assert.equal(response.statusCode, 302, `anonymous: ${where}`);
          assert.match(String(response.headers.location), /^\/sign-in/);
        } else if (isPairRoute(route)) {
          const isParty = who === 'mentee' || (who === 'mentor' && url.includes(pair.relationshipId));
          if (!isParty) assert.equal(response.statusCode, 404, `${who} must get 404 on ${where}`);
        } else {
          const isAdmin = who === 'programmeAdmin' || who === 'platformAdmin';
          if (!isAdmin) assert.equal(response.statusCode, 403, `${who} must be refused ${where}`);
        }
      }
    }
  }
});

async function snapshot(): Promise<string> {
  const tables = ['relationships', 'relationship_phase_events', 'contract_versions', 'contract_signatures', 'goals', 'goal_reviews', 'mentoring_sessions',
    'shared_notes', 'private_notes', 'agreed_actions', 'session_reflections', 'relationship_endings', 'closing_reflections', 'concerns', 'concern_actions', 'email_messages'] as const;
  const counts = await Promise.all(tables.map(async (table) => `${table}:${(await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n}`));
  const states = await t.db.selectFrom('relationships').select(['id', 'status', 'phase']).orderBy('id').execute();
  return `${counts.join(' ')} ${JSON.stringify(states)}`;
}

test('every change, tried by everyone outside the pair, is refused and changes nothing', async () => {
  const before = await snapshot();
  const outsiders: Who[] = ['otherMentor', 'programmeAdmin', 'otherProgrammeAdmin', 'lineManager', 'platformAdmin'];
  for (const route of routes().filter((r) => r.method === 'POST' && isPairRoute(r))) {
    const url = concreteUrls(route)[0] ?? '';
    for (const who of outsiders) {
      const form = { sharedNote: 'x', privateNote: 'x', body: 'x', kind: 'completed', confirm: 'yes', reflection: 'x', title: 'x', usefulness: '5', share: 'yes', phase: 'winding_down' };
      const response = await postAs(people[who as Exclude<Who, 'anonymous'>], url, form);
      assert.equal(response.statusCode, 404, `${who}: POST ${url} answered ${response.statusCode}`);
    }
    const anonymous = new TestClient(t.app);
    const refused = await anonymous.post(url, {}, { csrf: await anonymous.csrfToken('/sign-in') });
    assert.equal(refused.statusCode, 302, `anonymous: POST ${url}`);
  }
  for (const route of routes().filter((r) => r.method === 'POST' && isOversightRoute(r))) {
    const url = concreteUrls(route)[0] ?? '';
    for (const who of ['mentee', 'mentor', 'otherMentor', 'otherProgrammeAdmin', 'lineManager'] as const) {
      const response = await postAs(people[who], url, { reason: 'x', confirm: 'yes', note: 'x', status: 'closed' });
      assert.equal(response.statusCode, 403, `${who}: POST ${url}`);
    }
  }
  assert.equal(await snapshot(), before);
});

test('no marker is in any email, in any log line; private notes are stored as ciphertext under a key id', async () => {
  const emails = await t.db.selectFrom('email_messages').select(['subject', 'text_body', 'html_body']).execute();
  assert.ok(emails.length > 0);
  const logs = t.logs();
  assert.ok(logs.length > 0, 'the app logged at trace level');
  for (const text of Object.values(MARK)) {
    for (const email of emails) assert.ok(!`${email.subject} ${email.text_body ?? ''} ${email.html_body ?? ''}`.includes(text), `an email carries "${text}"`);
    assert.ok(!logs.includes(text), `the logs carry "${text}"`);
  }
  const notes = await t.db.selectFrom('private_notes').select(['key_id', 'ciphertext']).execute();
  assert.equal(notes.length, 2);
  for (const note of notes) {
    assert.ok(note.key_id.length > 0);
    for (const text of [MARK.menteePrivate, MARK.mentorPrivate]) assert.ok(!note.ciphertext.includes(Buffer.from(text)), 'the column holds ciphertext');
  }
});
