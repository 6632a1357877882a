// The mentoring contract: starting it (mentee-led, the programme's limits of confidentiality, the
// supervision statement), signing (agreed only when both have signed the same version), editing
// (clears signatures; an agreed version is kept and the edit becomes the next version), and who
// can do what. Emails say what happened, never what the contract says.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { allEmailText, templatesTo } from '../../invitations/testing.ts';
import {
  SECRET_CONTRACT, contractPath, dateBoxes, editPath, saveAs, saveOrFail, signAs, signersOf, signPath, tokensOf, versionsOf,
} from './testing.ts';
import { buildRelationship, postAs } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

describe('starting the contract', () => {
  test('the form: mentee-led, 60 minutes by default, the programme\'s confidentiality wording and the supervision statement', async () => {
    const pair = await buildRelationship(t);
    await t.db.updateTable('programmes').set({ confidentiality_text: 'PROGRAMME-WORDING: we share only if someone may come to harm.' }).where('id', '=', pair.programmeId).execute();
    const empty = await pair.mentee.client.get(contractPath(pair.relationshipId));
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /You have not started your contract yet/);
    assert.match(empty.body, /It is led by the mentee/);
    const form = await pair.mentee.client.get(editPath(pair.relationshipId));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<title>Start your mentoring contract – /);
    assert.match(form.body, /name="sessionMinutes"[^>]*value="60"/);
    assert.match(form.body, /45 to 60 minutes usually works well/);
    assert.match(form.body, /We recommend it/);
    assert.match(form.body, /PROGRAMME-WORDING: we share only if someone may come to harm\./);
    assert.match(form.body, /The mentor receives supervision/);
    assert.match(form.body, /The contract is led by the mentee/);
    assert.match(form.body, /Who can see this:/);
    for (const label of ['Face to face', 'Phone', 'Video']) assert.match(form.body, new RegExp(`>\\s*${label}\\s*</label>`, 'i'));
  });

  test('saved as version 1, a draft: terms, dates and the confidentiality wording stored; the mentor emailed without the text', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    const [v1] = await versionsOf(t, pair.relationshipId);
    assert.ok(v1);
    assert.equal(v1.version, 1);
    assert.equal(v1.status, 'draft');
    assert.equal(v1.revision, 0, 'a new version starts at revision 0');
    assert.equal(v1.created_by, pair.mentee.user.id);
    assert.equal(v1.updated_by, pair.mentee.user.id);
    const terms = v1.terms as Record<string, unknown>;
    assert.equal(terms.menteeExpects, SECRET_CONTRACT);
    assert.equal(terms.sessionMinutes, 60);
    assert.equal(terms.firstFaceToFace, true);
    assert.deepEqual(terms.success, ['takeaway', 'score']);
    assert.match(String(terms.confidentialityText), /risk of harm/);
    assert.match(v1.review_on ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((v1.ends_on ?? '') > (v1.review_on ?? ''));

    assert.deepEqual(await templatesTo(t, pair.mentor.user), ['contractReadyToSign']);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), []);
    assert.ok(!(await allEmailText(t)).includes('CONTRACT-MARKER'));
    const audit = await t.db.selectFrom('audit_events').select('details').where('subject_id', '=', v1.id).execute();
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit).includes('CONTRACT-MARKER'));

    const mentorView = await pair.mentor.client.get(contractPath(pair.relationshipId));
    assert.ok(mentorView.body.includes(SECRET_CONTRACT));
    assert.match(mentorView.body, /Version 1/);
    assert.match(mentorView.body, /Being written/);
    assert.match(mentorView.body, /Sign version 1/);
  });

  test('bad input: 400 with every message, what was typed kept, nothing stored or sent', async () => {
    const pair = await buildRelationship(t);
    const response = await saveAs(t, pair.mentee, pair.relationshipId, {
      menteeExpects: '', frequency: 'KEPT-FREQUENCY', sessionMinutes: '200', modes: [], firstFaceToFace: '', success: [], successOwnWords: '',
      'reviewOn-day': '1', 'reviewOn-month': '1', 'reviewOn-year': '2020', 'endsOn-day': '31', 'endsOn-month': '2', 'endsOn-year': '2030',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Start your mentoring contract/);
    for (const [field, message] of [
      ['menteeExpects', 'Enter what the mentee expects'], ['sessionMinutes', 'Session length must be between 15 and 180 minutes'],
      ['modes', 'Choose at least one way of meeting'], ['firstFaceToFace', 'Choose whether your first meeting will be face to face'],
      ['success', 'Choose how you will judge success, or describe it in your own words'], ['reviewOn-day', 'Review date must be in the future'],
      ['endsOn-day', 'End date must be a real date'],
    ]) assert.match(response.body, new RegExp(`href="#${field}">\\s*${message}`), field);
    assert.match(response.body, /value="KEPT-FREQUENCY"/);
    const order = await saveAs(t, pair.mentee, pair.relationshipId, { ...dateBoxes('reviewOn', 40), ...dateBoxes('endsOn', 20), modes: '00000000-0000-4000-8000-000000000000' });
    assert.equal(order.statusCode, 400);
    assert.match(order.body, /href="#endsOn-day">\s*End date must be after the review date/);
    const notAMode = await saveAs(t, pair.mentee, pair.relationshipId, { modes: '00000000-0000-4000-8000-000000000000' });
    assert.equal(notAMode.statusCode, 400);
    assert.match(notAMode.body, /href="#modes">\s*Choose ways of meeting from the list/);
    assert.deepEqual(await versionsOf(t, pair.relationshipId), []);
    assert.deepEqual(await templatesTo(t, pair.mentor.user), []);
  });
});

describe('signing', () => {
  test('agreed only once both have signed the same version; signing twice is harmless', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    assert.equal((await signAs(pair.mentee, pair.relationshipId)).statusCode, 302);
    let [v1] = await versionsOf(t, pair.relationshipId);
    assert.equal(v1?.status, 'signed_by_one');
    assert.deepEqual(await templatesTo(t, pair.mentor.user), ['contractReadyToSign', 'contractSigned']);

    const again = await postAs(pair.mentee, signPath(pair.relationshipId), { versionId: v1?.id ?? '', revision: String(v1?.revision) });
    assert.equal(again.statusCode, 302);
    assert.equal((await signersOf(t, v1?.id ?? '')).length, 1);
    assert.deepEqual(await templatesTo(t, pair.mentor.user), ['contractReadyToSign', 'contractSigned'], 'no second email');
    const mine = await pair.mentee.client.get(contractPath(pair.relationshipId));
    assert.doesNotMatch(mine.body, /Sign version 1/);
    assert.match(mine.body, /It is agreed once .* signs it too/);

    assert.equal((await signAs(pair.mentor, pair.relationshipId)).statusCode, 302);
    [v1] = await versionsOf(t, pair.relationshipId);
    assert.equal(v1?.status, 'agreed');
    assert.deepEqual(await signersOf(t, v1?.id ?? ''), [pair.mentee.user.id, pair.mentor.user.id].sort());
    assert.deepEqual(await templatesTo(t, pair.mentee.user), ['contractAgreed']);
    assert.ok(!(await allEmailText(t)).includes('CONTRACT-MARKER'));
    const page = await pair.mentee.client.get(contractPath(pair.relationshipId));
    assert.match((await pair.mentor.client.get(contractPath(pair.relationshipId))).body, /Your contract is agreed/, 'the flash after signing');
    assert.match(page.body, /You signed on/);
    assert.match(page.body, new RegExp(`${pair.mentor.user.fullName} signed on`));
    const overview = await pair.mentee.client.get(`/relationships/${pair.relationshipId}`);
    assert.match(overview.body, /Agreed \(version 1\)/);
  });

  test('an edit after one signature clears it: the old signature does not count towards the new text', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    const stale = tokensOf((await pair.mentee.client.get(contractPath(pair.relationshipId))).body);
    assert.equal((await signAs(pair.mentee, pair.relationshipId)).statusCode, 302);
    await saveOrFail(t, pair.mentor, pair.relationshipId, { mentorExpects: 'Changed by the mentor' });
    let [v1] = await versionsOf(t, pair.relationshipId);
    assert.equal(v1?.status, 'draft');
    assert.equal(v1?.revision, 1, 'the first edit of a version is its revision 1');
    assert.equal(v1?.updated_by, pair.mentor.user.id);
    assert.deepEqual(await signersOf(t, v1?.id ?? ''), []);

    const refused = await postAs(pair.mentee, signPath(pair.relationshipId), stale);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /The contract has changed since you read it/);
    assert.deepEqual(await signersOf(t, v1?.id ?? ''), []);

    assert.equal((await signAs(pair.mentor, pair.relationshipId)).statusCode, 302);
    [v1] = await versionsOf(t, pair.relationshipId);
    assert.equal(v1?.status, 'signed_by_one', 'one signature on this text, however many there were on the last one');
  });
});

describe('changing an agreed contract', () => {
  test('makes version 2 for both to sign; version 1 is kept, superseded, with its signatures, and can be read', async () => {
    const pair = await buildRelationship(t);
    await saveOrFail(t, pair.mentee, pair.relationshipId);
    await signAs(pair.mentee, pair.relationshipId);
    await signAs(pair.mentor, pair.relationshipId);
    const agreedTokens = tokensOf((await pair.mentor.client.get(editPath(pair.relationshipId))).body);
    const form = await pair.mentor.client.get(editPath(pair.relationshipId));
    assert.match(form.body, /This makes a new version/);

    await saveOrFail(t, pair.mentor, pair.relationshipId, { menteeExpects: 'VERSION-TWO-TEXT' });
    const [v1, v2] = await versionsOf(t, pair.relationshipId);
    assert.equal(v1?.status, 'superseded');
    assert.equal((v1?.terms as Record<string, unknown>).menteeExpects, SECRET_CONTRACT);
    assert.equal((await signersOf(t, v1?.id ?? '')).length, 2);
    assert.equal(v2?.version, 2);
    assert.equal(v2?.status, 'draft');
    assert.deepEqual(await signersOf(t, v2?.id ?? ''), []);

    const list = await pair.mentee.client.get(`${contractPath(pair.relationshipId)}/versions`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<caption class="nhsuk-table__caption">Contract versions, newest first/);
    assert.match(list.body, /Version 2[\s\S]*Being written[\s\S]*Version 1[\s\S]*Replaced by a newer version/);
    const old = await pair.mentee.client.get(`${contractPath(pair.relationshipId)}/versions/${v1?.id ?? ''}`);
    assert.equal(old.statusCode, 200);
    assert.ok(old.body.includes(SECRET_CONTRACT));
    assert.match(old.body, /Signed by You on .* and /);

    const lateSign = await postAs(pair.mentee, signPath(pair.relationshipId), agreedTokens);
    assert.equal(lateSign.statusCode, 409);
    assert.deepEqual(await signersOf(t, v2?.id ?? ''), []);
    const overview = await pair.mentor.client.get(`/relationships/${pair.relationshipId}`);
    assert.match(overview.body, /Being written \(version 2\)/);
  });
});
