// Closing reflections: only once the relationship has ended (409 before), one per author and
// editable, stored encrypted, and read only by their author — not the other party, not admins.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs, type Pair } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const SECRET_CLOSING = 'CLOSING-MARKER-3d8e: I learned to ask for help before things pile up';
/** A name as the page shows it (Nunjucks escapes apostrophes, as in "O'Kon"). */
const inPage = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const closingPath = (pair: Pair) => `/relationships/${pair.relationshipId}/closing-reflection`;

async function reflectionsOf(pair: Pair) {
  return t.db.selectFrom('closing_reflections').selectAll().where('relationship_id', '=', pair.relationshipId).execute();
}

test('a closing reflection can only be written once the relationship has ended', async () => {
  const pair = await buildRelationship(t);
  const page = await pair.mentee.client.get(closingPath(pair));
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /once the mentoring relationship has ended/);
  assert.doesNotMatch(page.body, /name="reflection"/);
  const post = await postAs(pair.mentee, closingPath(pair), { reflection: SECRET_CLOSING });
  assert.equal(post.statusCode, 409);
  assert.equal((await reflectionsOf(pair)).length, 0);
});

test('after the end, each party writes and edits their own reflection, which only they can read', async () => {
  const pair = await buildRelationship(t);
  const others = await buildOutsiders(t, pair.programmeId);
  await endDirectly(t, pair.relationshipId);

  const endPage = await pair.mentee.client.get(`/relationships/${pair.relationshipId}/end`);
  assert.match(endPage.body, /Your closing reflection/);
  assert.ok(endPage.body.includes(`Only you. ${inPage(pair.mentor.user.fullName)} and the programme admins will never see it`));

  const saved = await postAs(pair.mentee, closingPath(pair), { reflection: SECRET_CLOSING });
  assert.equal(saved.statusCode, 302);
  assert.equal(saved.headers.location, `/relationships/${pair.relationshipId}/end`);
  const [row] = await reflectionsOf(pair);
  assert.ok(row);
  assert.equal(row.author_id, pair.mentee.user.id);
  assert.ok(!row.ciphertext.toString('utf8').includes('CLOSING-MARKER'), 'stored encrypted');
  assert.ok((await pair.mentee.client.get(closingPath(pair))).body.includes(SECRET_CLOSING));
  assert.ok((await pair.mentee.client.get(`/relationships/${pair.relationshipId}/end`)).body.includes(SECRET_CLOSING));

  for (const path of [closingPath(pair), `/relationships/${pair.relationshipId}/end`, `/relationships/${pair.relationshipId}`]) {
    assert.ok(!(await pair.mentor.client.get(path)).body.includes('CLOSING-MARKER'), `mentor: ${path}`);
  }
  assert.ok(!(await others.programmeAdmin.client.get(`/admin/programmes/${pair.programmeId}/endings`)).body.includes('CLOSING-MARKER'));

  const edited = await postAs(pair.mentee, closingPath(pair), { reflection: 'Changed my mind about what mattered most' });
  assert.equal(edited.statusCode, 302);
  assert.equal((await reflectionsOf(pair)).length, 1, 'one per author');
  const mine = await pair.mentee.client.get(closingPath(pair));
  assert.match(mine.body, /Changed my mind about what mattered most/);
  assert.ok(!mine.body.includes('CLOSING-MARKER'));

  assert.equal((await postAs(pair.mentor, closingPath(pair), { reflection: 'The mentor\'s own view' })).statusCode, 302);
  assert.equal((await reflectionsOf(pair)).length, 2);
  assert.doesNotMatch((await pair.mentee.client.get(closingPath(pair))).body, /The mentor(&#39;|')s own view/);
});

test('bad input is refused with the form again, and outsiders get 404', async () => {
  const pair = await buildRelationship(t);
  const others = await buildOutsiders(t, pair.programmeId);
  await endDirectly(t, pair.relationshipId);
  const empty = await postAs(pair.mentee, closingPath(pair), { reflection: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Enter your closing reflection/);
  const tooLong = await postAs(pair.mentee, closingPath(pair), { reflection: 'z'.repeat(2001) });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /Your closing reflection must be 2000 characters or fewer/);
  assert.ok(tooLong.body.includes('z'.repeat(2001)));
  assert.equal((await reflectionsOf(pair)).length, 0);
  for (const [who, party] of Object.entries(others)) {
    assert.equal((await party.client.get(closingPath(pair))).statusCode, 404, who);
    assert.equal((await postAs(party, closingPath(pair), { reflection: 'Not mine to write' })).statusCode, 404, who);
  }
  assert.equal((await reflectionsOf(pair)).length, 0);
});
