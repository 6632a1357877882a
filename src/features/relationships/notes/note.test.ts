// Session notes: shared notes both parties read (each edits only their own), private notes only
// their author ever reads (stored encrypted), and who is refused what — with nothing changed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { paths } from '../paths.ts';
import { allEmailText, asHtml, assertNoMarker, countRows, insertSession } from './testing.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs, SECRET_PRIVATE_NOTE, SECRET_SHARED_NOTE } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

test('both parties add shared notes and read each other\'s; each can change only their own', async () => {
  const pair = await buildRelationship(t);
  const sessionId = await insertSession(t, pair.relationshipId);
  const notes = paths.sessionNotes(pair.relationshipId, sessionId);
  const added = await postAs(pair.mentee, notes, { sharedNote: SECRET_SHARED_NOTE });
  assert.equal(added.statusCode, 302);
  assert.equal(added.headers.location, notes);
  assert.equal((await postAs(pair.mentor, notes, { sharedNote: 'Mentor view: prepare two examples' })).statusCode, 302);

  const mentorPage = await pair.mentor.client.get(notes);
  assert.equal(mentorPage.statusCode, 200);
  assert.ok(mentorPage.body.includes(SECRET_SHARED_NOTE));
  assert.ok(mentorPage.body.includes(asHtml(pair.mentee.user.fullName)));
  assert.match(mentorPage.body, /Who can see this:/);
  const [menteeNote] = await t.db.selectFrom('shared_notes').selectAll().where('author_id', '=', pair.mentee.user.id).execute();
  assert.ok(menteeNote);
  const editPath = paths.sharedNote(pair.relationshipId, sessionId, menteeNote.id);
  assert.ok(!mentorPage.body.includes(editPath), 'the mentor is not offered a change to the mentee\'s note');

  // The mentor cannot change the mentee's note, even by posting.
  const refused = await postAs(pair.mentor, editPath, { sharedNote: 'Overwritten', version: String(menteeNote.updated_at.getTime()) });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /You can only change notes you wrote/);
  assert.equal((await pair.mentor.client.get(editPath)).statusCode, 409);

  // The author can; an edit from an older copy is refused.
  const form = await pair.mentee.client.get(editPath);
  assert.equal(form.statusCode, 200);
  const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
  assert.equal((await postAs(pair.mentee, editPath, { sharedNote: 'Changed words', version })).statusCode, 302);
  const stale = await postAs(pair.mentee, editPath, { sharedNote: 'From an old tab', version });
  assert.equal(stale.statusCode, 409);
  const stored = await t.db.selectFrom('shared_notes').select('body').where('id', '=', menteeNote.id).executeTakeFirstOrThrow();
  assert.equal(stored.body, 'Changed words');
  // The edit form again: what was typed is kept, the stored note is shown, and the current version is carried.
  assert.match(stale.body, /Change your shared note/);
  assert.match(stale.body, /has been changed since you opened it/);
  assert.match(stale.body, /<textarea[^>]*name="sharedNote"[^>]*>\s*From an old tab/);
  assert.match(stale.body, /Your note as it is now[\s\S]*Changed words[\s\S]*Your changes/);
  const adopted = /name="version" value="(\d+)"/.exec(stale.body)?.[1] ?? '';
  assert.notEqual(adopted, version);
  assert.equal((await postAs(pair.mentee, editPath, { sharedNote: 'From an old tab', version: adopted })).statusCode, 302, 'a deliberate second save goes through');
  assert.equal((await t.db.selectFrom('shared_notes').select('body').where('id', '=', menteeNote.id).executeTakeFirstOrThrow()).body, 'From an old tab');

  // The other party was told a note was added, never what it says.
  const emails = await t.db.selectFrom('email_messages').select(['recipient', 'template']).where('template', '=', 'relationshipSharedNoteAdded').execute();
  assert.deepEqual(emails.map((e) => e.recipient).sort(), [pair.mentee.user.email, pair.mentor.user.email].sort());
  assertNoMarker(await allEmailText(t), SECRET_SHARED_NOTE, 'emails');
});

test('a private note is stored encrypted, read back by its author and by nobody else', async () => {
  const pair = await buildRelationship(t);
  const sessionId = await insertSession(t, pair.relationshipId);
  const notes = paths.sessionNotes(pair.relationshipId, sessionId);
  const saved = await postAs(pair.mentee, paths.privateNote(pair.relationshipId, sessionId), { privateNote: SECRET_PRIVATE_NOTE });
  assert.equal(saved.statusCode, 302);
  // Saving again replaces it: one private note per author per session.
  assert.equal((await postAs(pair.mentee, paths.privateNote(pair.relationshipId, sessionId), { privateNote: `${SECRET_PRIVATE_NOTE} (again)` })).statusCode, 302);
  assert.equal((await postAs(pair.mentor, paths.privateNote(pair.relationshipId, sessionId), { privateNote: 'The mentor\'s own thoughts' })).statusCode, 302);

  const rows = await t.db.selectFrom('private_notes').selectAll().where('session_id', '=', sessionId).execute();
  assert.equal(rows.length, 2);
  const mine = rows.find((r) => r.author_id === pair.mentee.user.id);
  assert.ok(mine);
  assert.ok(mine.key_id.length > 0);
  for (const encoding of ['utf8', 'latin1', 'hex', 'base64'] as const) assertNoMarker(mine.ciphertext.toString(encoding), SECRET_PRIVATE_NOTE, `the stored column (${encoding})`);

  const own = await pair.mentee.client.get(notes);
  assert.ok(own.body.includes(`${SECRET_PRIVATE_NOTE} (again)`), 'the author reads their note back');
  assert.match(own.body, /Only you\. Not .+, not programme admins\. It is stored encrypted\./);
  assert.ok(!own.body.includes('The mentor&#39;s own thoughts') && !own.body.includes("The mentor's own thoughts"));

  const id = pair.relationshipId;
  for (const path of [notes, paths.actions(id), paths.reflections(id), paths.relationship(id), paths.sessionReflection(id, sessionId)]) {
    const page = await pair.mentor.client.get(path);
    assert.equal(page.statusCode, 200, path);
    assertNoMarker(page.body, SECRET_PRIVATE_NOTE, `the mentor's view of ${path}`);
  }
  const others = await buildOutsiders(t, pair.programmeId);
  for (const [who, party] of Object.entries(others)) {
    const page = await party.client.get(notes);
    assert.equal(page.statusCode, 404, who);
    assertNoMarker(page.body, SECRET_PRIVATE_NOTE, who);
  }
  assertNoMarker(await allEmailText(t), SECRET_PRIVATE_NOTE, 'emails');
  const audit = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'relationship.private_note_saved').execute();
  assert.ok(audit.length >= 1);
  assertNoMarker(JSON.stringify(audit), SECRET_PRIVATE_NOTE, 'the audit trail');
});

test('sessions of other relationships, unknown sessions and outsiders get 404, and nothing is written', async () => {
  const pair = await buildRelationship(t);
  const elsewhere = await buildRelationship(t, { programmeId: pair.programmeId });
  const theirSession = await insertSession(t, elsewhere.relationshipId);
  const before = await countRows(t, 'shared_notes');
  const foreign = paths.sessionNotes(pair.relationshipId, theirSession);
  assert.equal((await pair.mentee.client.get(foreign)).statusCode, 404);
  assert.equal((await postAs(pair.mentee, foreign, { sharedNote: 'Sneaking in' })).statusCode, 404);
  assert.equal((await postAs(pair.mentee, paths.privateNote(pair.relationshipId, theirSession), { privateNote: 'Sneaking in' })).statusCode, 404);
  assert.equal((await pair.mentee.client.get(paths.sessionNotes(pair.relationshipId, '00000000-0000-4000-8000-000000000000'))).statusCode, 404);
  assert.equal((await pair.mentee.client.get(`/relationships/${pair.relationshipId}/sessions/not-an-id/notes`)).statusCode, 404);
  // The other pair's own session, reached through their relationship, by someone not in it.
  assert.equal((await pair.mentee.client.get(paths.sessionNotes(elsewhere.relationshipId, theirSession))).statusCode, 404);
  assert.equal((await postAs(pair.mentee, paths.sessionNotes(elsewhere.relationshipId, theirSession), { sharedNote: 'Sneaking in' })).statusCode, 404);
  assert.equal(await countRows(t, 'shared_notes'), before);
});

test('bad input is answered with the error summary, keeps what was typed and writes nothing', async () => {
  const pair = await buildRelationship(t);
  const sessionId = await insertSession(t, pair.relationshipId, { status: 'scheduled', daysFromNow: 3 });
  const notes = paths.sessionNotes(pair.relationshipId, sessionId);
  const [shared, privateNotes] = [await countRows(t, 'shared_notes'), await countRows(t, 'private_notes')];

  const empty = await postAs(pair.mentee, notes, { sharedNote: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /There is a problem/);
  assert.match(empty.body, /href="#sharedNote">\s*Enter your note/);
  assert.match(empty.body, /<title>Error: /);

  const tooLong = `Agenda: ${'x'.repeat(4000)}`;
  const long = await postAs(pair.mentee, notes, { sharedNote: tooLong });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /Your note must be 4000 characters or fewer/);
  assert.ok(long.body.includes(tooLong), 'what was typed is kept');

  const longPrivate = await postAs(pair.mentee, paths.privateNote(pair.relationshipId, sessionId), { privateNote: tooLong });
  assert.equal(longPrivate.statusCode, 400);
  assert.match(longPrivate.body, /Your private note must be 4000 characters or fewer/);
  assert.ok(longPrivate.body.includes(tooLong));

  assert.equal(await countRows(t, 'shared_notes'), shared);
  assert.equal(await countRows(t, 'private_notes'), privateNotes);
});

test('a cancelled session takes no notes, and an ended relationship takes no changes (409), but both can be read', async () => {
  const pair = await buildRelationship(t);
  const cancelled = await insertSession(t, pair.relationshipId, { status: 'cancelled' });
  const held = await insertSession(t, pair.relationshipId);
  assert.equal((await postAs(pair.mentee, paths.sessionNotes(pair.relationshipId, held), { sharedNote: 'Written before the end' })).statusCode, 302);
  const before = [await countRows(t, 'shared_notes'), await countRows(t, 'private_notes'), await countRows(t, 'agreed_actions')];

  const page = await pair.mentee.client.get(paths.sessionNotes(pair.relationshipId, cancelled));
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Add shared note/);
  const refused = await postAs(pair.mentee, paths.sessionNotes(pair.relationshipId, cancelled), { sharedNote: 'Too late' });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /This session was cancelled/);
  assert.match(refused.body, /Nothing has been changed/);
  assert.equal((await postAs(pair.mentor, paths.privateNote(pair.relationshipId, cancelled), { privateNote: 'Too late' })).statusCode, 409);
  assert.equal((await postAs(pair.mentor, paths.sessionActions(pair.relationshipId, cancelled), { description: 'Too late', owner: 'both' })).statusCode, 409);

  await endDirectly(t, pair.relationshipId);
  const ended = await postAs(pair.mentee, paths.sessionNotes(pair.relationshipId, held), { sharedNote: 'After the end' });
  assert.equal(ended.statusCode, 409);
  assert.match(ended.body, /has ended/);
  assert.equal((await postAs(pair.mentee, paths.privateNote(pair.relationshipId, held), { privateNote: 'After the end' })).statusCode, 409);
  const readable = await pair.mentor.client.get(paths.sessionNotes(pair.relationshipId, held));
  assert.equal(readable.statusCode, 200);
  assert.match(readable.body, /Written before the end/);
  assert.deepEqual([await countRows(t, 'shared_notes'), await countRows(t, 'private_notes'), await countRows(t, 'agreed_actions')], before);
});
