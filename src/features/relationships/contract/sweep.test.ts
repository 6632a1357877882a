// The contract review reminder: both parties emailed once, a week before the review date of an
// agreed contract, even when sweeps run twice or at the same moment; never for a contract that is
// not agreed, not yet due, already past, or in an ended relationship; no contract text in the email.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { allEmailText, templatesTo } from '../../invitations/testing.ts';
import { sweepContractReviews } from './sweep.ts';
import { dateBoxes, saveOrFail, signAs, versionsOf } from './testing.ts';
import { relationshipDeps } from '../deps.ts';
import { buildRelationship, endDirectly, type Pair } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const sweep = async () => (await sweepContractReviews(relationshipDeps(t.app), new Date())).reminded ?? 0;

/** A contract agreed by both, with its review date `reviewDays` from today. */
async function agreed(reviewDays: number): Promise<Pair> {
  const pair = await buildRelationship(t);
  await saveOrFail(t, pair.mentee, pair.relationshipId, { ...dateBoxes('reviewOn', reviewDays), ...dateBoxes('endsOn', reviewDays + 60) });
  assert.equal((await signAs(pair.mentee, pair.relationshipId)).statusCode, 302);
  assert.equal((await signAs(pair.mentor, pair.relationshipId)).statusCode, 302);
  return pair;
}

const reviewEmails = async (pair: Pair) => [
  (await templatesTo(t, pair.mentee.user)).filter((name) => name === 'contractReviewDue').length,
  (await templatesTo(t, pair.mentor.user)).filter((name) => name === 'contractReviewDue').length,
];

test('a week before the review: both emailed once, however many sweeps run, at once or one after another', async () => {
  const pair = await agreed(5);
  const counts = await Promise.all([sweep(), sweep(), sweep()]);
  assert.equal(counts.reduce((sum, n) => sum + n, 0), 1);
  assert.equal(await sweep(), 0);
  assert.deepEqual(await reviewEmails(pair), [1, 1]);
  const [version] = await versionsOf(t, pair.relationshipId);
  assert.ok(version?.review_reminded_at);
  const email = await t.db.selectFrom('email_messages').selectAll().where('recipient', '=', pair.mentee.user.email).where('template', '=', 'contractReviewDue').executeTakeFirstOrThrow();
  assert.equal(email.subject, 'Your mentoring contract is due for review');
  assert.match(email.text_body ?? '', new RegExp(`/relationships/${pair.relationshipId}/contract`));
  assert.match(email.text_body ?? '', new RegExp(pair.mentor.user.fullName));
  assert.ok(!(await allEmailText(t)).includes('CONTRACT-MARKER'));
  const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', version?.id ?? '').where('action', '=', 'contract.review_reminded').execute();
  assert.equal(audit.length, 1);
});

test('not yet: a review more than a week away, or a contract not agreed', async () => {
  const later = await agreed(10);
  const draft = await buildRelationship(t);
  await saveOrFail(t, draft.mentee, draft.relationshipId, { ...dateBoxes('reviewOn', 3), ...dateBoxes('endsOn', 60) });
  const signedByOne = await buildRelationship(t);
  await saveOrFail(t, signedByOne.mentee, signedByOne.relationshipId, { ...dateBoxes('reviewOn', 3), ...dateBoxes('endsOn', 60) });
  await signAs(signedByOne.mentee, signedByOne.relationshipId);
  await sweep();
  for (const pair of [later, draft, signedByOne]) assert.deepEqual(await reviewEmails(pair), [0, 0]);
});

test('never for an ended relationship, a review date already past, or a version replaced by a newer one', async () => {
  const ended = await agreed(4);
  await endDirectly(t, ended.relationshipId);
  const past = await agreed(4);
  await t.db.updateTable('contract_versions').set({ review_on: '2020-01-01' }).where('relationship_id', '=', past.relationshipId).execute();
  const replaced = await agreed(4);
  await saveOrFail(t, replaced.mentor, replaced.relationshipId, { ...dateBoxes('reviewOn', 4), ...dateBoxes('endsOn', 60), frequency: 'Every two weeks' });
  await sweep();
  for (const pair of [ended, past, replaced]) assert.deepEqual(await reviewEmails(pair), [0, 0]);
});
