// The programme admins' side of endings: ending for conduct reasons (reason required and theirs
// alone, both parties told neutrally whom to contact, one transaction), the endings list with
// reasons for that programme's admins only, and nobody else reaching either page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMembership } from '../../../../test/support/builders.ts';
import { allEmailText, emailsTo, templatesTo } from '../../invitations/testing.ts';
import { buildOutsiders, buildRelationship, postAs, SECRET_REASON, type Pair } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const adminEndPath = (pair: Pair, programmeId = pair.programmeId) => `/admin/programmes/${programmeId}/relationships/${pair.relationshipId}/end`;
/** A name as the page shows it (Nunjucks escapes apostrophes, as in "O'Kon"). */
const inPage = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const endingsPath = (programmeId: string) => `/admin/programmes/${programmeId}/endings`;

async function statusOf(pair: Pair) {
  return t.db.selectFrom('relationships').select(['status', 'end_kind', 'phase']).where('id', '=', pair.relationshipId).executeTakeFirstOrThrow();
}

test('a programme admin ends a relationship for conduct reasons: the reason stays with admins, both parties are told neutrally', async () => {
  const pair = await buildRelationship(t);
  const { programmeAdmin } = await buildOutsiders(t, pair.programmeId);
  const form = await programmeAdmin.client.get(adminEndPath(pair));
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes(inPage(pair.mentee.user.fullName)) && form.body.includes(inPage(pair.mentor.user.fullName)));
  assert.match(form.body, /Only the programme admins will see this/);

  const invalid = await postAs(programmeAdmin, adminEndPath(pair), { reason: '' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /Enter the reason for ending this relationship/);
  assert.match(invalid.body, /Confirm that you understand ending cannot be undone/);
  const tooLong = await postAs(programmeAdmin, adminEndPath(pair), { reason: 'y'.repeat(2001), confirm: 'yes' });
  assert.equal(tooLong.statusCode, 400);
  assert.ok(tooLong.body.includes('y'.repeat(2001)), 'what was typed is kept');
  assert.equal((await statusOf(pair)).status, 'active', 'nothing changed');

  const ended = await postAs(programmeAdmin, adminEndPath(pair), { reason: SECRET_REASON, confirm: 'yes' });
  assert.equal(ended.statusCode, 302);
  assert.equal(ended.headers.location, endingsPath(pair.programmeId));
  assert.deepEqual(await statusOf(pair), { status: 'ended', end_kind: 'ended_by_admin', phase: 'moving_on' });
  const ending = await t.db.selectFrom('relationship_endings').selectAll().where('relationship_id', '=', pair.relationshipId).executeTakeFirstOrThrow();
  assert.equal(ending.ended_by, programmeAdmin.user.id);
  assert.equal(ending.kind, 'ended_by_admin');
  assert.equal(ending.reason, SECRET_REASON);

  for (const party of [pair.mentee, pair.mentor]) {
    assert.deepEqual(await templatesTo(t, party.user), ['relationshipEndedByAdmin']);
    const [email] = await emailsTo(t, party.user);
    assert.match(email?.text_body ?? '', /A programme admin of .* has closed your mentoring relationship/);
    assert.match(email?.text_body ?? '', /contact the programme admins/);
  }
  assert.ok(!(await allEmailText(t)).includes('REASON-MARKER'));

  for (const party of [pair.mentee, pair.mentor]) {
    const page = await party.client.get(`/relationships/${pair.relationshipId}/end`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Closed by the programme/);
    assert.ok(page.body.includes(programmeAdmin.user.email), 'whom to contact');
    assert.ok(!page.body.includes('REASON-MARKER'));
  }

  const list = await programmeAdmin.client.get(endingsPath(pair.programmeId));
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<caption[^>]*>[\s\S]*?Endings \(1\)/);
  assert.ok(list.body.includes('REASON-MARKER'));
  assert.match(list.body, /Ended by a programme admin[\s\S]*?Programme admin/);

  const again = await postAs(programmeAdmin, adminEndPath(pair), { reason: 'Second attempt', confirm: 'yes' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /already ended/);
  assert.equal((await t.db.selectFrom('relationship_endings').select('relationship_id').where('relationship_id', '=', pair.relationshipId).execute()).length, 1);
});

test('only the programme\'s own admins can end a relationship or read the endings', async () => {
  const pair = await buildRelationship(t);
  const others = await buildOutsiders(t, pair.programmeId);
  const otherProgrammeId = (await t.db.selectFrom('programme_memberships').select('programme_id')
    .where('user_id', '=', others.otherProgrammeAdmin.user.id).executeTakeFirstOrThrow()).programme_id;

  // Another programme's admin: refused at this programme's address, and not found through their own.
  assert.equal((await others.otherProgrammeAdmin.client.get(adminEndPath(pair))).statusCode, 403);
  assert.equal((await postAs(others.otherProgrammeAdmin, adminEndPath(pair), { reason: 'No', confirm: 'yes' })).statusCode, 403);
  assert.equal((await others.otherProgrammeAdmin.client.get(adminEndPath(pair, otherProgrammeId))).statusCode, 404);
  assert.equal((await postAs(others.otherProgrammeAdmin, adminEndPath(pair, otherProgrammeId), { reason: 'No', confirm: 'yes' })).statusCode, 404);
  // The pair themselves and other members: not admin pages for them.
  for (const party of [pair.mentee, pair.mentor, others.otherMentor, others.lineManager]) {
    assert.equal((await party.client.get(adminEndPath(pair))).statusCode, 403);
    assert.equal((await postAs(party, adminEndPath(pair), { reason: 'No', confirm: 'yes' })).statusCode, 403);
    assert.equal((await party.client.get(endingsPath(pair.programmeId))).statusCode, 403);
  }
  assert.equal((await others.otherProgrammeAdmin.client.get(endingsPath(pair.programmeId))).statusCode, 403);
  assert.equal((await statusOf(pair)).status, 'active');
  assert.equal((await others.programmeAdmin.client.get(endingsPath(pair.programmeId))).statusCode, 200);
});

test('a programme admin who is one of the pair neither sees their ending reason nor ends it as an admin', async () => {
  const pair = await buildRelationship(t);
  const { programmeAdmin } = await buildOutsiders(t, pair.programmeId);
  // The mentor is also an admin of the programme; another pair's ending stays visible to them.
  await addMembership(t.db, pair.mentor.user.id, pair.programmeId, 'programme_admin');
  const other = await buildRelationship(t, { programmeId: pair.programmeId });
  assert.equal((await postAs(other.mentee, `/relationships/${other.relationshipId}/end`, { kind: 'completed', reason: 'OTHER-PAIR-REASON', confirm: 'yes' })).statusCode, 302);
  assert.equal((await postAs(pair.mentee, `/relationships/${pair.relationshipId}/end`, { kind: 'ended_early', reason: SECRET_REASON, confirm: 'yes' })).statusCode, 302);

  const list = await pair.mentor.client.get(endingsPath(pair.programmeId));
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes('OTHER-PAIR-REASON'), 'other pairs\' endings are listed');
  assert.ok(!list.body.includes('REASON-MARKER'), 'not the reason their own mentee gave');
  assert.ok((await programmeAdmin.client.get(endingsPath(pair.programmeId))).body.includes('REASON-MARKER'), 'other admins still see it');

  // Their own active relationship: no admin ending page or action (404, as for one that does not exist).
  const own = await buildRelationship(t, { programmeId: pair.programmeId });
  await addMembership(t.db, own.mentee.user.id, pair.programmeId, 'programme_admin');
  assert.equal((await own.mentee.client.get(adminEndPath(own))).statusCode, 404);
  assert.equal((await postAs(own.mentee, adminEndPath(own), { reason: 'Conduct', confirm: 'yes' })).statusCode, 404);
  assert.equal((await postAs(own.mentee, adminEndPath(own), { reason: '' })).statusCode, 404);
  assert.equal((await statusOf(own)).status, 'active');
  assert.equal((await programmeAdmin.client.get(adminEndPath(own))).statusCode, 200);
});
