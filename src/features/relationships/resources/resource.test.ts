// The resource library: what the pair sees (seeded guides, the programme's own, filters, escaping,
// retired guides hidden) and who may curate which library.
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
});
after(async () => t.close());

const library = () => `/relationships/${pair.relationshipId}/resources`;
const programmeLibrary = (programmeId = pair.programmeId) => `/admin/programmes/${programmeId}/resources`;
const validForm = { title: 'Our winding down checklist', summary: 'What we ask every pair to do before ending.', body: 'First line.\n\nSecond paragraph.', url: '', phases: 'winding_down', topics: ['careers', 'ending_well'], version: '' };

async function resourceCount(): Promise<number> {
  const row = await t.db.selectFrom('resources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function addAsAdmin(form: Record<string, string | string[]>): Promise<string> {
  const response = await postAs(others.programmeAdmin, `${programmeLibrary()}/new`, { ...validForm, ...form });
  assert.equal(response.statusCode, 302, response.body);
  const row = await t.db.selectFrom('resources').select('id').where('title', '=', form.title ?? validForm.title).executeTakeFirstOrThrow();
  return row.id;
}

test('the platform library is seeded with our guides and both parties see it, current phase first', async () => {
  const seeded = await t.db.selectFrom('resources').select(['title', 'created_by']).where('programme_id', 'is', null).execute();
  assert.ok(seeded.length >= 10);
  assert.ok(seeded.every((row) => row.created_by === null));
  for (const who of [pair.mentee, pair.mentor]) {
    const page = await who.client.get(library());
    assert.equal(page.statusCode, 200);
    for (const title of ['guiding principles', 'Ten top tips for mentors and mentees', 'The GROW model', 'The five phases of a mentoring relationship', 'Reverse mentoring']) {
      assert.match(page.body, new RegExp(title));
    }
    assert.match(page.body, /For the phase you are in: building rapport[\s\S]*Getting off to a good start[\s\S]*More guides[\s\S]*The GROW model/);
    assert.match(page.body, /Support beyond mentoring/);
  }
});

test('filters by phase and topic, and every guide has the anchor the overview links to', async () => {
  const id = await addAsAdmin({ title: 'Careers conversations after mentoring' });
  const all = await pair.mentee.client.get(library());
  assert.match(all.body, new RegExp(`id="resource-${id}"`));
  const careers = await pair.mentee.client.get(`${library()}?topic=careers`);
  assert.match(careers.body, /Careers conversations after mentoring/);
  assert.doesNotMatch(careers.body, /The GROW model/);
  assert.match(careers.body, /Clear filters/);
  const direction = await pair.mentee.client.get(`${library()}?phase=setting_direction`);
  assert.match(direction.body, /The GROW model/);
  assert.doesNotMatch(direction.body, /Careers conversations after mentoring/);
  const nonsense = await pair.mentee.client.get(`${library()}?phase=<b>&topic=nope`);
  assert.equal(nonsense.statusCode, 200);
  assert.match(nonsense.body, /Careers conversations after mentoring/);
});

test('stored text is shown as escaped paragraphs, never as HTML', async () => {
  await addAsAdmin({ title: 'A guide with markup', body: 'Hello <script>alert("x")</script>\n\n<b>bold?</b>' });
  const page = await pair.mentee.client.get(library());
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, /&lt;script&gt;alert/);
  assert.match(page.body, /<p>&lt;b&gt;bold\?&lt;\/b&gt;<\/p>/);
});

test('another programme\'s resources are not offered, and nobody but the pair can open the library', async () => {
  const other = await buildRelationship(t);
  const otherAdmin = await buildOutsiders(t, other.programmeId);
  const response = await postAs(otherAdmin.programmeAdmin, `${programmeLibrary(other.programmeId)}/new`, { ...validForm, title: 'Only for the other programme' });
  assert.equal(response.statusCode, 302);
  assert.doesNotMatch((await pair.mentee.client.get(library())).body, /Only for the other programme/);
  assert.match((await other.mentee.client.get(`/relationships/${other.relationshipId}/resources`)).body, /Only for the other programme/);
  for (const outsider of [others.otherMentor, others.programmeAdmin, others.platformAdmin]) {
    assert.equal((await outsider.client.get(library())).statusCode, 404);
  }
});

test('retiring hides a guide from the pair; restoring brings it back; nothing is deleted', async () => {
  const id = await addAsAdmin({ title: 'A guide to retire' });
  assert.equal((await postAs(others.programmeAdmin, `${programmeLibrary()}/${id}/retire`)).statusCode, 302);
  assert.doesNotMatch((await pair.mentee.client.get(library())).body, /A guide to retire/);
  const list = await others.programmeAdmin.client.get(programmeLibrary());
  assert.match(list.body, /A guide to retire[\s\S]*?Retired/);
  assert.equal((await postAs(others.programmeAdmin, `${programmeLibrary()}/${id}/restore`)).statusCode, 302);
  assert.match((await pair.mentee.client.get(library())).body, /A guide to retire/);
  const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', id).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['resource.created', 'resource.retired', 'resource.restored']);
});

test('bad input is refused with messages, keeps what was typed and writes nothing', async () => {
  const before = await resourceCount();
  const response = await postAs(others.programmeAdmin, `${programmeLibrary()}/new`, { title: '', summary: 'Kept summary text', body: '', url: 'http://example.org/guide', phases: 'making_progress', version: '' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: /);
  assert.match(response.body, /There is a problem/);
  assert.match(response.body, /Enter a title/);
  assert.match(response.body, /starting with https:\/\//);
  assert.match(response.body, /Kept summary text/);
  assert.match(response.body, /value="http:\/\/example.org\/guide"/);
  assert.match(response.body, /value="making_progress" checked/);
  const neither = await postAs(others.programmeAdmin, `${programmeLibrary()}/new`, { ...validForm, body: '', url: '', title: 'x'.repeat(151) });
  assert.equal(neither.statusCode, 400);
  assert.match(neither.body, /Enter the text of the guide or a link to it/);
  assert.match(neither.body, /A title must be 150 characters or fewer/);
  assert.equal(await resourceCount(), before);
});

test('an edit over someone else\'s newer save is refused with 409 and changes nothing', async () => {
  const id = await addAsAdmin({ title: 'A guide two admins edit' });
  const form = await others.programmeAdmin.client.get(`${programmeLibrary()}/${id}/edit`);
  const version = /name="version" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  assert.ok(version);
  const first = await postAs(others.programmeAdmin, `${programmeLibrary()}/${id}`, { ...validForm, title: 'First edit wins', version });
  assert.equal(first.statusCode, 302);
  const second = await postAs(others.programmeAdmin, `${programmeLibrary()}/${id}`, { ...validForm, title: 'Second edit loses', version });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /Someone else changed this resource/);
  const row = await t.db.selectFrom('resources').select('title').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.title, 'First edit wins');
});

test('only the right admins curate each library', async () => {
  const seeded = await t.db.selectFrom('resources').select(['id', 'title']).where('programme_id', 'is', null).orderBy('title').executeTakeFirstOrThrow();
  const ownId = await addAsAdmin({ title: 'Our own programme guide' });
  const before = await resourceCount();
  // Mentees and mentors curate nothing.
  for (const who of [pair.mentee, pair.mentor]) {
    assert.equal((await who.client.get(programmeLibrary())).statusCode, 403);
    assert.equal((await postAs(who, `${programmeLibrary()}/new`, validForm)).statusCode, 403);
    assert.equal((await who.client.get('/admin/resources')).statusCode, 403);
  }
  // A programme admin cannot touch the platform library, through its pages or their own.
  assert.equal((await others.programmeAdmin.client.get('/admin/resources')).statusCode, 403);
  assert.equal((await postAs(others.programmeAdmin, '/admin/resources/new', validForm)).statusCode, 403);
  assert.equal((await postAs(others.programmeAdmin, `/admin/resources/${seeded.id}/retire`)).statusCode, 403);
  assert.equal((await others.programmeAdmin.client.get(`${programmeLibrary()}/${seeded.id}/edit`)).statusCode, 404);
  assert.equal((await postAs(others.programmeAdmin, `${programmeLibrary()}/${seeded.id}/retire`)).statusCode, 404);
  // Another programme's admin cannot touch this programme's guides.
  assert.equal((await others.otherProgrammeAdmin.client.get(programmeLibrary())).statusCode, 403);
  assert.equal((await postAs(others.otherProgrammeAdmin, `${programmeLibrary()}/${ownId}/retire`)).statusCode, 403);
  const theirs = (await t.db.selectFrom('programme_memberships').select('programme_id').where('user_id', '=', others.otherProgrammeAdmin.user.id).executeTakeFirstOrThrow()).programme_id;
  assert.equal((await postAs(others.otherProgrammeAdmin, `${programmeLibrary(theirs)}/${ownId}/retire`)).statusCode, 404);
  assert.equal(await resourceCount(), before);
  const untouched = await t.db.selectFrom('resources').select(['title', 'retired_at']).where('id', 'in', [seeded.id, ownId]).execute();
  assert.ok(untouched.every((row) => row.retired_at === null));
  // The platform admin curates the platform library, seeded guides included.
  const edit = await others.platformAdmin.client.get(`/admin/resources/${seeded.id}/edit`);
  assert.equal(edit.statusCode, 200);
  const version = /name="version" value="([^"]+)"/.exec(edit.body)?.[1] ?? '';
  const saved = await postAs(others.platformAdmin, `/admin/resources/${seeded.id}`, { ...validForm, title: `${seeded.title} (revised)`, version });
  assert.equal(saved.statusCode, 302);
  assert.equal(saved.headers.location, '/admin/resources');
  assert.match((await pair.mentee.client.get(library())).body, /\(revised\)/);
});
