// The contract under concurrent edits (optimistic concurrency: two saves from the same revision,
// exactly one wins and the other is refused with its text kept and the winner's shown), and who may
// read or change it: outsiders get 404 everywhere; an ended relationship's contract can be read but
// not changed (409, nothing written).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { templatesTo } from '../../invitations/testing.ts';
import {
  SECRET_CONTRACT, contractForm, contractPath, editPath, saveOrFail, signPath, tokensOf, versionsOf,
} from './testing.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs, type Pair } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

/** Both parties open the edit form, then both post their own text at the same moment. */
async function raceSaves(pair: Pair) {
  const [menteeForm, mentorForm] = [await pair.mentee.client.get(editPath(pair.relationshipId)), await pair.mentor.client.get(editPath(pair.relationshipId))];
  const [menteeCsrf, mentorCsrf] = [await pair.mentee.client.csrfToken(editPath(pair.relationshipId)), await pair.mentor.client.csrfToken(editPath(pair.relationshipId))];
  const [mentee, mentor] = await Promise.all([
    pair.mentee.client.post(editPath(pair.relationshipId), { ...(await contractForm(t, { frequency: 'MENTEE-TYPED weekly' })), ...tokensOf(menteeForm.body) }, { csrf: menteeCsrf }),
    pair.mentor.client.post(editPath(pair.relationshipId), { ...(await contractForm(t, { frequency: 'MENTOR-TYPED monthly' })), ...tokensOf(mentorForm.body) }, { csrf: mentorCsrf }),
  ]);
  return { mentee, mentor };
}

describe('two people saving at once', () => {
  for (const start of ['a draft', 'no contract yet'] as const) {
    test(`from ${start}: exactly one save wins; the other gets 409 with its text kept and the winner's shown`, async () => {
      const pair = await buildRelationship(t);
      if (start === 'a draft') await saveOrFail(t, pair.mentee, pair.relationshipId);
      const before = await versionsOf(t, pair.relationshipId);
      const { mentee, mentor } = await raceSaves(pair);
      const statuses = [mentee.statusCode, mentor.statusCode].sort();
      assert.deepEqual(statuses, [302, 409]);
      const [winner, loser, loserParty] = mentee.statusCode === 302 ? ['MENTEE-TYPED weekly', mentor, pair.mentor] : ['MENTOR-TYPED monthly', mentee, pair.mentee];
      const lost = loserParty === pair.mentor ? 'MENTOR-TYPED monthly' : 'MENTEE-TYPED weekly';

      const versions = await versionsOf(t, pair.relationshipId);
      assert.equal(versions.length, 1, 'one version: the losing save wrote nothing');
      assert.equal((versions[0]?.terms as Record<string, unknown>).frequency, winner);
      assert.equal(versions[0]?.revision, (before[0]?.revision ?? -1) + 1);

      assert.match(loser.body, /has changed the contract since you opened this form/);
      assert.match(loser.body, /Nothing has been changed/);
      assert.match(loser.body, new RegExp(`value="${lost}"`), 'what they typed is kept in the form');
      assert.match(loser.body, new RegExp(`The contract as it is now: version 1[\\s\\S]*${winner}`), 'the winner\'s text is shown beside it');

      // Having read the other's version, the loser can save on purpose: the form now carries the current revision.
      const retry = await loserParty.client.post(editPath(pair.relationshipId), { ...(await contractForm(t, { frequency: lost })), ...tokensOf(loser.body) }, { csrf: await loserParty.client.csrfToken() });
      assert.equal(retry.statusCode, 302);
      assert.equal(((await versionsOf(t, pair.relationshipId))[0]?.terms as Record<string, unknown>).frequency, lost);
    });
  }

  test('an invalid save keeps the revision it was opened from, so a later save is still checked', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    const opened = await pair.mentee.client.get(editPath(pair.relationshipId));
    const invalid = await pair.mentee.client.post(editPath(pair.relationshipId), { ...(await contractForm(t, { menteeExpects: '' })), ...tokensOf(opened.body) }, { csrf: await pair.mentee.client.csrfToken() });
    assert.equal(invalid.statusCode, 400);
    await saveOrFail(t, pair.mentor, pair.relationshipId, { frequency: 'Changed meanwhile' });
    const stale = await pair.mentee.client.post(editPath(pair.relationshipId), { ...(await contractForm(t)), ...tokensOf(invalid.body) }, { csrf: await pair.mentee.client.csrfToken() });
    assert.equal(stale.statusCode, 409);
    assert.equal(((await versionsOf(t, pair.relationshipId))[0]?.terms as Record<string, unknown>).frequency, 'Changed meanwhile');
  });
});

describe('who can read and change the contract', () => {
  test('nobody but the pair: 404 for every page and every change, and nothing is written', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    const [v1] = await versionsOf(t, pair.relationshipId);
    const outsiders = await buildOutsiders(t, pair.programmeId);
    for (const [who, party] of Object.entries(outsiders)) {
      for (const path of [contractPath(pair.relationshipId), editPath(pair.relationshipId), `${contractPath(pair.relationshipId)}/versions`, `${contractPath(pair.relationshipId)}/versions/${v1?.id ?? ''}`]) {
        const page = await party.client.get(path);
        assert.equal(page.statusCode, 404, `${who} GET ${path}`);
        assert.ok(!page.body.includes('CONTRACT-MARKER'));
      }
      const tokens = { versionId: v1?.id ?? '', revision: String(v1?.revision) };
      assert.equal((await postAs(party, editPath(pair.relationshipId), { ...(await contractForm(t)), ...tokens })).statusCode, 404, `${who} saves`);
      assert.equal((await postAs(party, signPath(pair.relationshipId), tokens)).statusCode, 404, `${who} signs`);
    }
    const [after] = await versionsOf(t, pair.relationshipId);
    assert.deepEqual(after, v1);
    assert.equal((await t.db.selectFrom('contract_signatures').select('user_id').where('contract_version_id', '=', v1?.id ?? '').execute()).length, 0);
    const otherPair = await buildRelationship(t, { programmeId: pair.programmeId });
    assert.equal((await otherPair.mentee.client.get(`${contractPath(otherPair.relationshipId)}/versions/${v1?.id ?? ''}`)).statusCode, 404, 'a version of another relationship');
  });

  test('an ended relationship: the contract can be read; editing and signing are refused with 409', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    const page = await pair.mentor.client.get(contractPath(pair.relationshipId));
    const tokens = tokensOf(page.body);
    await endDirectly(t, pair.relationshipId);
    const before = await versionsOf(t, pair.relationshipId);
    const emailsBefore = await templatesTo(t, pair.mentee.user);

    const read = await pair.mentor.client.get(contractPath(pair.relationshipId));
    assert.equal(read.statusCode, 200);
    assert.ok(read.body.includes(SECRET_CONTRACT));
    assert.doesNotMatch(read.body, /Sign version/);
    assert.doesNotMatch(read.body, /Change the contract/);
    const edit = await pair.mentor.client.get(editPath(pair.relationshipId));
    assert.equal(edit.statusCode, 409);
    assert.match(edit.body, /has ended, so the contract can no longer be changed/);
    const save = await postAs(pair.mentor, editPath(pair.relationshipId), { ...(await contractForm(t)), ...tokens });
    assert.equal(save.statusCode, 409);
    assert.match(save.body, /This mentoring relationship has ended/);
    const invalid = await postAs(pair.mentor, editPath(pair.relationshipId), { ...(await contractForm(t, { menteeExpects: '' })), ...tokens });
    assert.equal(invalid.statusCode, 409, 'bad input to an ended relationship is refused, not re-offered');
    const sign = await postAs(pair.mentor, signPath(pair.relationshipId), tokens);
    assert.equal(sign.statusCode, 409);
    assert.deepEqual(await versionsOf(t, pair.relationshipId), before);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), emailsBefore);
    assert.equal((await postAs(pair.mentee, signPath(pair.relationshipId), tokens)).statusCode, 409);
    assert.equal((await t.db.selectFrom('contract_signatures').select('user_id').execute()).filter((row) => row.user_id === pair.mentee.user.id).length, 0);
  });
});
