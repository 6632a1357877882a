// The demo's chemistry meetings and relationships, as stored and as the real app shows them:
// invitations in every status with histories that replay the state machine, relationships in every
// phase and ending with health that follows from their sessions, the product's limits kept (capacity,
// open invitations, one mentor per programme), private text sealed with the installation's keys, and
// each printed login finding their part of it on its pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { sessionCookie } from '../../../test/support/builders.ts';
import { TestClient } from '../../../test/support/client.ts';
import type { Db } from '../../db/connection.ts';
import { invitationStatuses, relationshipPhases } from '../../db/types.ts';
import { KeyRing } from '../../platform/crypto.ts';
import { invitationDeps } from '../../features/invitations/deps.ts';
import { sweepInvitations } from '../../features/invitations/sweep.ts';
import { relationshipDeps } from '../../features/relationships/deps.ts';
import { sweepRelationships } from '../../features/relationships/sweep/index.ts';
import { seedDemo, type DemoLogins, type DemoRole } from '../seed.ts';

let t: TestApp;
let db: Db;
let keys: KeyRing;
let logins: DemoLogins;

before(async () => {
  t = await buildTestApp({ firstRun: true });
  db = t.db;
  keys = new KeyRing(t.config.encryptionKeys);
  logins = await seedDemo(db, { keys });
});

after(() => t.close());

async function userOf(role: DemoRole) {
  const login = logins.accounts.find((account) => account.role === role);
  assert.ok(login, `a printed ${role} login`);
  return db.selectFrom('users').select(['id', 'full_name']).where('email', '=', login.email).executeTakeFirstOrThrow();
}

async function clientFor(role: DemoRole) {
  const user = await userOf(role);
  return { user, client: new TestClient(t.app).setCookieHeader(await sessionCookie(db, user.id)) };
}

async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('invitations in every status, started by mentees, mentors and admins, each with the history that led there', async () => {
  const statuses = await rows(sql<{ status: string }>`select distinct status from invitations order by status`);
  assert.deepEqual(statuses.map((r) => r.status), [...invitationStatuses].sort());
  const pendingBy = await rows(sql<{ initiated_by: string }>`select distinct initiated_by from invitations where status = 'pending' order by 1`);
  assert.deepEqual(pendingBy.map((r) => r.initiated_by), ['admin', 'mentee', 'mentor']);
  const [facts] = await rows(sql<{ waiting: number; reasons: number; meetings: number; reflections: number }>`select
    (select count(*)::int from invitations where status = 'met' and chosen_at is not null) as waiting,
    (select count(*)::int from invitations where status = 'declined' and decline_reason is not null) as reasons,
    (select count(*)::int from invitations where status = 'accepted' and meeting_starts_at > now()) as meetings,
    (select count(*)::int from fit_reflections) as reflections`);
  assert.ok(facts && facts.waiting > 0 && facts.reasons > 0 && facts.meetings > 0 && facts.reflections > 0, JSON.stringify(facts));

  // Every history starts at pending with whoever started it, each step follows on from the last, and ends at the status.
  const broken = await rows(sql<{ id: string }>`
    select i.id from invitations i
    where (select to_status from invitation_events e where e.invitation_id = i.id order by occurred_at desc, id desc limit 1) is distinct from i.status
      or (select from_status is not null from invitation_events e where e.invitation_id = i.id order by occurred_at, id limit 1)
      or exists (select 1 from (select from_status, lag(to_status) over (order by occurred_at, id) as previous from invitation_events e where e.invitation_id = i.id) steps
        where steps.previous is not null and steps.previous is distinct from steps.from_status)
      or (i.status = 'pending') <> (i.expires_at > now() and i.closed_at is null and i.status = 'pending')
      or (i.status in ('chosen', 'not_chosen', 'declined', 'expired', 'withdrawn', 'cancelled')) <> (i.closed_at is not null)
      or exists (select 1 from invitation_events e where e.invitation_id = i.id and e.to_status = 'met' and e.occurred_at < i.meeting_starts_at)
      or i.created_at < (select max(m.created_at) from programme_memberships m where m.programme_id = i.programme_id and m.user_id in (i.mentee_id, i.mentor_id))`);
  assert.deepEqual(broken, []);
  const chosenWithoutRelationship = await rows(sql<{ id: string }>`select id from invitations i where status = 'chosen' and not exists (select 1 from relationships r where r.invitation_id = i.id)`);
  assert.deepEqual(chosenWithoutRelationship, []);

  const [around] = await rows(sql<{ posts: number; offers: number; open: number; proposed: number; shortlisted: number }>`select
    (select count(*)::int from seeking_posts where status = 'open') as posts,
    (select count(*)::int from invitations where initiated_by = 'mentor' and seeking_post_id is not null) as offers,
    (select count(*)::int from broker_requests where status = 'open') as open,
    (select count(*)::int from broker_requests where status = 'proposed') as proposed,
    (select count(*)::int from shortlist_entries) as shortlisted`);
  assert.ok(around && Object.values(around).every((n) => n > 0), JSON.stringify(around));
});

test("the programme's limits hold: open invitations per mentee, one mentor per mentee, mentors' capacity", async () => {
  const overLimit = await rows(sql<{ mentee_id: string }>`
    select i.mentee_id from invitations i join programmes p on p.id = i.programme_id where i.status in ('pending', 'accepted', 'met')
    group by i.programme_id, i.mentee_id, p.max_open_invitations having count(*) > p.max_open_invitations`);
  assert.deepEqual(overLimit, []);
  const openWithMentor = await rows(sql<{ id: string }>`select i.id from invitations i where i.status in ('pending', 'accepted', 'met')
    and exists (select 1 from relationships r where r.programme_id = i.programme_id and r.mentee_id = i.mentee_id and r.status = 'active')`);
  assert.deepEqual(openWithMentor, []);
  const twoMentors = await rows(sql<{ mentee_id: string }>`select mentee_id from relationships where status = 'active' group by programme_id, mentee_id having count(*) > 1`);
  assert.deepEqual(twoMentors, []);
  const overCapacity = await rows(sql<{ user_id: string }>`select p.user_id from mentor_profiles p
    where (select count(*) from relationships r where r.mentor_id = p.user_id and r.status = 'active') > p.capacity`);
  assert.deepEqual(overCapacity, []);
  // Only approved people take part, and an open invitation waits on a mentor with room who is not paused.
  const outsiders = await rows(sql<{ id: string }>`select i.id from invitations i where
    not exists (select 1 from programme_memberships m where m.programme_id = i.programme_id and m.user_id = i.mentee_id and m.role = 'mentee')
    or not exists (select 1 from programme_memberships m where m.programme_id = i.programme_id and m.user_id = i.mentor_id and m.role = 'mentor')
    or (i.status in ('pending', 'accepted', 'met') and exists (select 1 from mentor_profiles p where p.user_id = i.mentor_id and (p.is_paused
      or p.capacity <= (select count(*) from relationships r where r.mentor_id = p.user_id and r.status = 'active'))))`);
  assert.deepEqual(outsiders, []);
});

test('relationships in every phase, programme and type, ended in each way, with health that follows from their sessions', async () => {
  const phases = await rows(sql<{ phase: string; n: number }>`select phase, count(*)::int as n from relationships where status = 'active' group by phase`);
  for (const phase of relationshipPhases) assert.ok((phases.find((p) => p.phase === phase)?.n ?? 0) >= 2, `several active in ${phase}`);
  const ends = await rows(sql<{ end_kind: string }>`select distinct end_kind from relationships where status = 'ended' order by 1`);
  assert.deepEqual(ends.map((r) => r.end_kind), ['completed', 'ended_by_admin', 'ended_early']);
  const health = await rows(sql<{ health: string }>`select distinct health from relationships where status = 'active' order by 1`);
  assert.deepEqual(health.map((r) => r.health), ['amber', 'green', 'red']);
  const types = await rows(sql<{ type: string }>`select distinct p.slug || ' ' || r.mentoring_type as type from relationships r join programmes p on p.id = r.programme_id`);
  assert.equal(types.length, 5, 'London, reverse and peer, and both kinds in allied health');

  const inconsistent = await rows(sql<{ id: string }>`
    select r.id from relationships r
    where r.last_session_at is distinct from (select max(starts_at) from mentoring_sessions s where s.relationship_id = r.id and s.status = 'held')
      or (r.status = 'active' and r.health <> case when coalesce(r.last_session_at, r.started_at) <= now() - interval '60 days' then 'red'
        when coalesce(r.last_session_at, r.started_at) <= now() - interval '45 days' then 'amber' else 'green' end)
      or (r.status = 'ended') <> exists (select 1 from relationship_endings e where e.relationship_id = r.id and e.kind = r.end_kind)
      or (r.status = 'ended' and r.phase <> 'moving_on')
      or r.phase <> (select to_phase from relationship_phase_events e where e.relationship_id = r.id order by occurred_at desc, id desc limit 1)
      or exists (select 1 from mentoring_sessions s where s.relationship_id = r.id and s.starts_at < r.started_at)
      or exists (select 1 from mentoring_sessions s where s.relationship_id = r.id and s.status = 'held' and s.starts_at > coalesce(r.ended_at, now()))`);
  assert.deepEqual(inconsistent, []);

  const [content] = await rows(sql<Record<string, number>>`select
    (select count(distinct status)::int from goals) as goal_statuses, (select count(*)::int from goal_reviews where session_id is not null) as reviews,
    (select count(*)::int from mentoring_sessions where status = 'cancelled') as cancelled, (select count(*)::int from mentoring_sessions where logged) as logged,
    (select count(*)::int from mentoring_sessions where status = 'scheduled' and starts_at > now()) as booked,
    (select count(*)::int from agreed_actions where done_at is null and due_on < current_date) as overdue, (select count(*)::int from agreed_actions where done_at is not null) as done,
    (select count(distinct shared_with_mentor)::int from session_reflections) as sharing, (select count(distinct emoji)::int from session_reflections) as emoji,
    (select count(*)::int from contract_versions where status = 'signed_by_one' and version = 2) as second_versions,
    (select count(distinct status)::int from concerns) as concern_statuses, (select count(*)::int from closing_reflections) as closing`);
  assert.ok(content, 'content counts');
  assert.equal(content.goal_statuses, 4);
  assert.equal(content.sharing, 2);
  assert.equal(content.concern_statuses, 3);
  for (const [name, count] of Object.entries(content)) assert.ok(count > 0, `some ${name}`);
});

test("private notes and reflections are ciphertext that opens only with the installation's keys", async () => {
  const notes = await db.selectFrom('private_notes').select(['session_id', 'author_id', 'key_id', 'ciphertext']).execute();
  assert.ok(notes.length > 10);
  for (const note of notes) {
    const text = keys.open({ keyId: note.key_id, ciphertext: note.ciphertext }, `private-note:${note.session_id}:${note.author_id}`);
    assert.ok(text.length > 0 && !note.ciphertext.includes(Buffer.from(text)), 'stored sealed, and opens for its author');
  }
  const closing = await db.selectFrom('closing_reflections').select(['relationship_id', 'author_id', 'key_id', 'ciphertext']).execute();
  for (const row of closing) assert.ok(keys.open({ keyId: row.key_id, ciphertext: row.ciphertext }, `closing:${row.relationship_id}:${row.author_id}`));
  const fit = await db.selectFrom('fit_reflections').select(['invitation_id', 'author_id', 'key_id', 'ciphertext']).execute();
  for (const row of fit) assert.ok(keys.open({ keyId: row.key_id, ciphertext: row.ciphertext }, `fit:${row.invitation_id}:${row.author_id}`));
  const [note] = notes;
  assert.ok(note);
  assert.throws(() => keys.open({ keyId: note.key_id, ciphertext: note.ciphertext }, `private-note:${note.session_id}:someone-else`), 'bound to its author');
});

/** The relationship's pages a party opens, all of them answering 200. */
async function openEverything(client: TestClient, relationshipId: string): Promise<Record<string, string>> {
  const base = `/relationships/${relationshipId}`;
  const bodies: Record<string, string> = {};
  const sessions = await db.selectFrom('mentoring_sessions').select(['id', 'status']).where('relationship_id', '=', relationshipId).execute();
  const goals = await db.selectFrom('goals').select('id').where('relationship_id', '=', relationshipId).execute();
  const paths = ['', '/phase', '/contract', '/contract/versions', '/goals', '/sessions', '/reflections', '/actions', '/resources', '/concern', '/end',
    ...goals.map((g) => `/goals/${g.id}`), ...sessions.flatMap((s) => [`/sessions/${s.id}`, `/sessions/${s.id}/notes`])];
  for (const path of paths) {
    const page = await client.get(`${base}${path}`);
    assert.equal(page.statusCode, 200, `${base}${path}: ${page.body.slice(0, 300)}`);
    bodies[path] = page.body;
  }
  return bodies;
}

test('the printed mentor has mentees in three phases and an invitation to answer, and every page of them opens', async () => {
  const { user, client } = await clientFor('mentor');
  const mine = await db.selectFrom('relationships').select(['id', 'phase', 'status']).where('mentor_id', '=', user.id).execute();
  const active = mine.filter((r) => r.status === 'active');
  assert.ok(new Set(active.map((r) => r.phase)).size >= 3, 'mentees in different phases');
  for (const r of mine) {
    const pages = await openEverything(client, r.id);
    if (r.phase === 'making_progress') {
      assert.match(pages['/contract'] ?? '', /Agreed/);
      assert.ok(((pages['/sessions'] ?? '').match(/\/sessions\/[0-9a-f-]{36}"/g) ?? []).length >= 2, 'the sessions page lists their sessions');
    }
  }
  const toAnswer = await db.selectFrom('invitations').select('id').where('mentor_id', '=', user.id).where('status', '=', 'pending').where('initiated_by', '<>', 'mentor').execute();
  assert.ok(toAnswer.length > 0, 'an invitation to answer');
  const home = await client.get('/');
  assert.equal(home.statusCode, 200);
  for (const invitation of await db.selectFrom('invitations').select('id').where('mentor_id', '=', user.id).execute()) {
    assert.equal((await client.get(`/invitations/${invitation.id}`)).statusCode, 200);
  }
});

test('the printed mentee has an agreed contract, goals, sessions, notes and a reflection in their relationship', async () => {
  const { user, client } = await clientFor('mentee');
  const relationship = await db.selectFrom('relationships').select('id').where('mentee_id', '=', user.id).where('status', '=', 'active').executeTakeFirstOrThrow();
  const pages = await openEverything(client, relationship.id);
  assert.match(pages['/contract'] ?? '', /Agreed/);
  const held = await db.selectFrom('mentoring_sessions').select(['id', 'starts_at']).where('relationship_id', '=', relationship.id).where('status', '=', 'held').orderBy('starts_at').execute();
  assert.ok(held.length >= 3, 'several sessions held');
  assert.ok(((pages['/sessions'] ?? '').match(/\/sessions\/[0-9a-f-]{36}"/g) ?? []).length >= held.length, 'the sessions page lists them');
  const goals = await db.selectFrom('goals').select('title').where('relationship_id', '=', relationship.id).execute();
  for (const goal of goals) assert.ok(pages['/goals']?.includes(escapeHtml(goal.title)), `goal ${goal.title}`);
  const reflections = await db.selectFrom('session_reflections').select('takeaway').where('mentee_id', '=', user.id).execute();
  assert.ok(reflections.length > 0);
  // Their own private note on the last session is shown to them, decrypted.
  const last = held.at(-1);
  assert.ok(last);
  const note = await db.selectFrom('private_notes').select(['key_id', 'ciphertext']).where('session_id', '=', last.id).where('author_id', '=', user.id).executeTakeFirstOrThrow();
  const text = keys.open({ keyId: note.key_id, ciphertext: note.ciphertext }, `private-note:${last.id}:${user.id}`);
  assert.ok(pages[`/sessions/${last.id}/notes`]?.includes(escapeHtml(text)), 'their private note');
  for (const invitation of await db.selectFrom('invitations').select('id').where('mentee_id', '=', user.id).execute()) {
    assert.equal((await client.get(`/invitations/${invitation.id}`)).statusCode, 200);
  }
});

test('the person who is both is a mentee in one relationship and the mentor in another', async () => {
  const { user, client } = await clientFor('mentor_and_mentee');
  const theirs = await db.selectFrom('relationships').select(['id', 'mentee_id', 'mentor_id']).where('status', '=', 'active')
    .where((eb) => eb.or([eb('mentee_id', '=', user.id), eb('mentor_id', '=', user.id)])).execute();
  assert.ok(theirs.some((r) => r.mentee_id === user.id) && theirs.some((r) => r.mentor_id === user.id));
  for (const r of theirs) {
    const pages = await openEverything(client, r.id);
    assert.match(pages['/contract'] ?? '', /Agreed/);
  }
});

test("the programme admin's programme has amber and red relationships, concerns and brokering requests", async () => {
  const { user, client } = await clientFor('programme_admin');
  const { programme_id: programmeId } = await db.selectFrom('programme_memberships').select('programme_id').where('user_id', '=', user.id).where('role', '=', 'programme_admin').executeTakeFirstOrThrow();
  const list = await client.get(`/admin/programmes/${programmeId}/relationships`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Amber: no session held in 45 days or more/);
  assert.match(list.body, /Red: no session held in 60 days or more/);
  for (const status of ['open', 'in_progress', 'closed']) {
    const queue = await client.get(`/admin/programmes/${programmeId}/concerns?status=${status}`);
    assert.equal(queue.statusCode, 200);
  }
  const concerns = await db.selectFrom('concerns').select(['id', 'status']).where('programme_id', '=', programmeId).execute();
  assert.deepEqual([...new Set(concerns.map((c) => c.status))].sort(), ['closed', 'in_progress', 'open']);
  for (const concern of concerns) assert.equal((await client.get(`/admin/programmes/${programmeId}/concerns/${concern.id}`)).statusCode, 200);
  const brokering = await client.get(`/admin/programmes/${programmeId}/broker-requests`);
  assert.equal(brokering.statusCode, 200);
  const requests = await db.selectFrom('broker_requests').select('status').where('programme_id', '=', programmeId).where('status', 'in', ['open', 'proposed']).execute();
  assert.deepEqual([...new Set(requests.map((r) => r.status))].sort(), ['open', 'proposed']);
});

test('the sweeps find nothing to do: every reminder, expiry and nudge the data implies has already happened', async () => {
  const now = new Date();
  assert.deepEqual(await sweepInvitations(invitationDeps(t.app), now), { reminded: 0, expired: 0 });
  const done = await sweepRelationships(relationshipDeps(t.app), now);
  assert.deepEqual(Object.entries(done).filter(([, count]) => count > 0), []);
});
