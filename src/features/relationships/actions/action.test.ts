// Agreed actions: added from a session or on their own, owned by the mentee, the mentor or both,
// listed open first with overdue ones tagged, ticked off by either party — and by nobody else.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { paths } from '../paths.ts';
import { allEmailText, assertNoMarker, countRows, insertSession } from '../notes/testing.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs } from '../testing.ts';

const SECRET_ACTION = 'ACTION-MARKER-4d2f: ask the ward manager about the band 7 secondment';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

function dueIn(days: number): Record<string, string> {
  const [year, month, day] = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).split('-');
  return { 'due-day': String(Number(day)), 'due-month': String(Number(month)), 'due-year': year ?? '' };
}

test('actions from a session and on their own are listed open first, with owner, due date, overdue tag and session', async () => {
  const pair = await buildRelationship(t);
  const id = pair.relationshipId;
  const sessionId = await insertSession(t, id);
  assert.equal((await postAs(pair.mentee, paths.sessionActions(id, sessionId), { description: SECRET_ACTION, owner: 'mentee', ...dueIn(-3) })).statusCode, 302);
  assert.equal((await postAs(pair.mentor, paths.actions(id), { description: 'Share the leadership reading list', owner: 'both', ...dueIn(10) })).statusCode, 302);
  assert.equal((await postAs(pair.mentor, paths.actions(id), { description: 'Book a room for next time', owner: 'mentor' })).statusCode, 302);

  const rows = await t.db.selectFrom('agreed_actions').selectAll().where('relationship_id', '=', id).orderBy('created_at').execute();
  assert.deepEqual(rows.map((r) => [r.session_id, r.owner_id]), [[sessionId, pair.mentee.user.id], [null, null], [null, pair.mentor.user.id]]);

  const page = await pair.mentor.client.get(paths.actions(id));
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(SECRET_ACTION));
  assert.match(page.body, /Overdue/);
  assert.match(page.body, /Both of you/);
  assert.match(page.body, /Session on /);
  assert.match(page.body, /<caption class="nhsuk-table__caption[^"]*">Open actions<\/caption>/);

  // The mentor ticks off the mentee's action from the session page, and goes back there.
  const action = rows[0];
  assert.ok(action);
  const done = await postAs(pair.mentor, paths.action(id, action.id), { done: 'yes', from: 'session' });
  assert.equal(done.statusCode, 302);
  assert.equal(done.headers.location, paths.sessionNotes(id, sessionId));
  const after = await pair.mentee.client.get(paths.actions(id));
  const openAt = after.body.indexOf('Open actions</caption>');
  const doneAt = after.body.indexOf('Actions that are done</caption>');
  assert.ok(openAt > 0 && doneAt > openAt, 'open actions come before done ones');
  assert.ok(after.body.indexOf(SECRET_ACTION) > doneAt, 'the done action is in the done table');
  assert.equal((await postAs(pair.mentee, paths.action(id, action.id), { done: 'no' })).statusCode, 302);
  const reopened = await t.db.selectFrom('agreed_actions').select('done_at').where('id', '=', action.id).executeTakeFirstOrThrow();
  assert.equal(reopened.done_at, null);

  // The other party is told an action was added, never what it is.
  const emails = await t.db.selectFrom('email_messages').select('recipient').where('template', '=', 'relationshipActionAdded').execute();
  assert.ok(emails.some((e) => e.recipient === pair.mentor.user.email));
  assertNoMarker(await allEmailText(t), SECRET_ACTION, 'emails');
});

test('bad input gets the error summary, keeps what was typed and writes nothing', async () => {
  const pair = await buildRelationship(t);
  const before = await countRows(t, 'agreed_actions');
  const missing = await postAs(pair.mentee, paths.actions(pair.relationshipId), { description: '' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter the action/);
  assert.match(missing.body, /Choose who will do this/);
  const badDate = await postAs(pair.mentee, paths.actions(pair.relationshipId), { description: 'Read the GROW guide', owner: 'mentee', 'due-day': '31', 'due-month': '2', 'due-year': '2027' });
  assert.equal(badDate.statusCode, 400);
  assert.match(badDate.body, /Due date must be a real date/);
  assert.match(badDate.body, /Read the GROW guide/);
  assert.match(badDate.body, /value="mentee" checked/);
  const tooLong = await postAs(pair.mentee, paths.actions(pair.relationshipId), { description: 'x'.repeat(301), owner: 'both' });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /The action must be 300 characters or fewer/);
  assert.equal(await countRows(t, 'agreed_actions'), before);
});

test('outsiders get 404, another relationship\'s action is 404, and an ended relationship refuses changes', async () => {
  const pair = await buildRelationship(t);
  const elsewhere = await buildRelationship(t, { programmeId: pair.programmeId });
  assert.equal((await postAs(elsewhere.mentee, paths.actions(elsewhere.relationshipId), { description: SECRET_ACTION, owner: 'both' })).statusCode, 302);
  const theirs = await t.db.selectFrom('agreed_actions').select('id').where('relationship_id', '=', elsewhere.relationshipId).executeTakeFirstOrThrow();
  assert.equal((await postAs(pair.mentee, paths.action(pair.relationshipId, theirs.id), { done: 'yes' })).statusCode, 404);
  assert.equal((await postAs(pair.mentee, paths.action(elsewhere.relationshipId, theirs.id), { done: 'yes' })).statusCode, 404);
  const others = await buildOutsiders(t, pair.programmeId);
  for (const [who, party] of Object.entries(others)) {
    const page = await party.client.get(paths.actions(elsewhere.relationshipId));
    assert.equal(page.statusCode, 404, who);
    assertNoMarker(page.body, SECRET_ACTION, who);
  }
  const untouched = await t.db.selectFrom('agreed_actions').select('done_at').where('id', '=', theirs.id).executeTakeFirstOrThrow();
  assert.equal(untouched.done_at, null);

  await endDirectly(t, elsewhere.relationshipId);
  const before = await countRows(t, 'agreed_actions');
  const refused = await postAs(elsewhere.mentor, paths.actions(elsewhere.relationshipId), { description: 'After the end', owner: 'both' });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /has ended/);
  assert.equal((await postAs(elsewhere.mentor, paths.action(elsewhere.relationshipId, theirs.id), { done: 'yes' })).statusCode, 409);
  assert.equal(await countRows(t, 'agreed_actions'), before);
  const readable = await elsewhere.mentor.client.get(paths.actions(elsewhere.relationshipId));
  assert.equal(readable.statusCode, 200);
  assert.doesNotMatch(readable.body, /Add an action/);
  assert.doesNotMatch(readable.body, /Mark as done/);
});
