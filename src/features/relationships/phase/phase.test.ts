// The phase page: either party moves the relationship through the five phases (on or back), with a
// note only the pair sees; the history is kept; the other party is emailed without the note;
// choosing the current phase or bad input changes nothing; nobody else can see or change it, and
// an ended relationship cannot be changed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { movesByRole } from '../../../../test/support/status-moves.ts';
import { assertErrorPage } from '../../mentors/testing.ts';
import { allEmailText, templatesTo } from '../../invitations/testing.ts';
import { phaseMachine } from '../phases.ts';
import { SECRET_SHARED_NOTE, buildOutsiders, buildRelationship, endDirectly, postAs } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const phasePath = (id: string) => `/relationships/${id}/phase`;

async function stored(id: string) {
  const relationship = await t.db.selectFrom('relationships').select('phase').where('id', '=', id).executeTakeFirstOrThrow();
  const events = await t.db.selectFrom('relationship_phase_events').selectAll().where('relationship_id', '=', id).orderBy('id').execute();
  return { phase: relationship.phase, events };
}

describe('moving the phase', () => {
  test('the mentee moves it on with a note: stored with its history, the mentor emailed without the note', async () => {
    const pair = await buildRelationship(t);
    const form = await pair.mentee.client.get(phasePath(pair.relationshipId));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<title>Change the phase – /);
    assert.match(form.body, /Building rapport \(the current phase\)/);
    for (const label of ['Setting direction', 'Making progress', 'Winding down', 'Moving on']) assert.match(form.body, new RegExp(label));
    assert.match(form.body, /Who can see this:/);

    const moved = await postAs(pair.mentee, phasePath(pair.relationshipId), { phase: 'setting_direction', note: SECRET_SHARED_NOTE });
    assert.equal(moved.statusCode, 302);
    assert.equal(moved.headers.location, `/relationships/${pair.relationshipId}`);
    const after = await stored(pair.relationshipId);
    assert.equal(after.phase, 'setting_direction');
    const last = after.events.at(-1);
    assert.equal(last?.from_phase, 'building_rapport');
    assert.equal(last?.to_phase, 'setting_direction');
    assert.equal(last?.actor_user_id, pair.mentee.user.id);
    assert.equal(last?.note, SECRET_SHARED_NOTE);

    assert.deepEqual(await templatesTo(t, pair.mentor.user), ['phaseChanged']);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), []);
    const email = await t.db.selectFrom('email_messages').selectAll().where('recipient', '=', pair.mentor.user.email).executeTakeFirstOrThrow();
    assert.match(email.text_body ?? '', /Setting direction/);
    assert.match(email.text_body ?? '', new RegExp(`/relationships/${pair.relationshipId}`));
    assert.ok(!(await allEmailText(t)).includes('SHARED-MARKER'), 'the note is never emailed');
    const audit = await t.db.selectFrom('audit_events').selectAll().where('subject_id', '=', pair.relationshipId).where('action', '=', 'relationship.phase_changed').execute();
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit[0]?.details).includes('SHARED-MARKER'));

    const overview = await pair.mentee.client.get(`/relationships/${pair.relationshipId}`);
    assert.match(overview.body, /Phase changed to setting direction/);
    const mentorView = await pair.mentor.client.get(phasePath(pair.relationshipId));
    assert.match(mentorView.body, /<caption class="nhsuk-table__caption">Changes of phase, newest first/);
    assert.match(mentorView.body, new RegExp(`${pair.mentee.user.fullName}</td>\\s*<td class="nhsuk-table__cell">Building rapport to Setting direction</td>\\s*<td class="nhsuk-table__cell">${SECRET_SHARED_NOTE}`));
  });

  test('the mentor can move it back, without a note', async () => {
    const pair = await buildRelationship(t);
    assert.equal((await postAs(pair.mentee, phasePath(pair.relationshipId), { phase: 'making_progress' })).statusCode, 302);
    assert.equal((await postAs(pair.mentor, phasePath(pair.relationshipId), { phase: 'setting_direction', note: '' })).statusCode, 302);
    const after = await stored(pair.relationshipId);
    assert.equal(after.phase, 'setting_direction');
    assert.deepEqual(after.events.map((e) => [e.from_phase, e.to_phase]), [[null, 'building_rapport'], ['building_rapport', 'making_progress'], ['making_progress', 'setting_direction']]);
    assert.equal(after.events.at(-1)?.note, null);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), ['phaseChanged']);
  });

  test('bad input and the current phase: 400 with the messages, the note kept, nothing written or sent', async () => {
    const pair = await buildRelationship(t);
    const before = await stored(pair.relationshipId);
    const same = await postAs(pair.mentee, phasePath(pair.relationshipId), { phase: 'building_rapport', note: 'Kept note text' });
    assert.equal(same.statusCode, 400);
    assertErrorPage(same.body, 'Change the phase', [{ field: 'phase', text: 'Choose a different phase' }]);
    assert.match(same.body, /Kept note text/);
    const none = await postAs(pair.mentee, phasePath(pair.relationshipId), { note: 'x'.repeat(501) });
    assert.equal(none.statusCode, 400);
    assertErrorPage(none.body, 'Change the phase', [
      { field: 'phase', text: 'Choose the phase your mentoring relationship is in now' },
      { field: 'note', text: 'Your note must be 500 characters or fewer' },
    ]);
    const madeUp = await postAs(pair.mentee, phasePath(pair.relationshipId), { phase: 'finished' });
    assert.equal(madeUp.statusCode, 400);
    assert.deepEqual(await stored(pair.relationshipId), before);
    assert.deepEqual(await templatesTo(t, pair.mentor.user), []);
  });
});

describe('who can change it', () => {
  test('nobody but the pair: 404 for every outsider, and nothing changes', async () => {
    const pair = await buildRelationship(t);
    const outsiders = await buildOutsiders(t, pair.programmeId);
    for (const [who, party] of Object.entries(outsiders)) {
      assert.equal((await party.client.get(phasePath(pair.relationshipId))).statusCode, 404, who);
      assert.equal((await postAs(party, phasePath(pair.relationshipId), { phase: 'moving_on' })).statusCode, 404, who);
    }
    assert.equal((await stored(pair.relationshipId)).phase, 'building_rapport');
  });

  test('an ended relationship: the history can be read, a change is refused with 409', async () => {
    const pair = await buildRelationship(t);
    await endDirectly(t, pair.relationshipId);
    const before = await stored(pair.relationshipId);
    const page = await pair.mentor.client.get(phasePath(pair.relationshipId));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="phase"/);
    assert.match(page.body, /Building rapport/);
    const refused = await postAs(pair.mentor, phasePath(pair.relationshipId), { phase: 'winding_down' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /This mentoring relationship has ended, so it can no longer be changed/);
    assert.match(refused.body, /Nothing has been changed/);
    const invalid = await postAs(pair.mentor, phasePath(pair.relationshipId), { phase: 'building_rapport' });
    assert.equal(invalid.statusCode, 409, 'bad input to an ended relationship is refused, not re-offered');
    assert.deepEqual(await stored(pair.relationshipId), before);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), []);
  });
});

test('the phase machine: either party to any other phase, and ending moves it on to the last', () => {
  const { states } = phaseMachine;
  const moves = movesByRole(phaseMachine);
  const everyOther = states.flatMap((from) => states.filter((to) => to !== from).map((to) => `${from} → ${to}`));
  assert.deepEqual(moves.mentee, everyOther);
  assert.deepEqual(moves.mentor, everyOther);
  assert.deepEqual(moves.admin, states.filter((from) => from !== 'moving_on').map((from) => `${from} → moving_on`));
});
