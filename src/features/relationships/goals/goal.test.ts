// Goals and their reviews: the mentee sets and changes goals, both of the pair review them, bad
// input changes nothing and keeps what was typed, and nobody else can reach them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { allEmailText, templatesTo } from '../../invitations/testing.ts';
import { SECRET_GOAL, SECRET_REALITY, SECRET_REVIEW, addGoalOrFail, dueIn, goalCount, goalForm, reviewCount, storeHeldSession } from './testing.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs, type Pair } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const goalsPath = (pair: Pair) => `/relationships/${pair.relationshipId}/goals`;
const goalPath = (pair: Pair, goalId: string) => `${goalsPath(pair)}/${goalId}`;
const goalRow = (goalId: string) => t.db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirstOrThrow();

describe('setting goals', () => {
  test('the mentee adds a goal; both see it; the mentor is emailed without its words', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    const stored = await goalRow(goalId);
    assert.equal(stored.title, SECRET_GOAL);
    assert.equal(stored.reality, SECRET_REALITY);
    assert.equal(stored.status, 'not_started');
    assert.ok(stored.due_on);
    for (const party of [pair.mentee, pair.mentor]) {
      const list = await party.client.get(goalsPath(pair));
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(SECRET_GOAL));
      assert.match(list.body, /Not started/);
      assert.match(list.body, /Not reviewed yet/);
      assert.match(list.body, /Who can see this:/);
    }
    assert.deepEqual(await templatesTo(t, pair.mentor.user), ['relationshipGoalAdded']);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), []);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', goalId).execute();
    assert.deepEqual(audit.map((a) => a.action), ['goal.added']);
    assert.ok(!JSON.stringify(audit).includes('MARKER'));
  });

  test('the mentor reads goals but cannot add or change them (409, nothing changed)', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    const list = await pair.mentor.client.get(goalsPath(pair));
    assert.doesNotMatch(list.body, /Add a goal/);
    assert.match(list.body, /Goals are set by/);
    const form = await pair.mentor.client.get(`${goalsPath(pair)}/new`);
    assert.equal(form.statusCode, 409);
    assert.match(form.body, /Only the mentee can add goals/);
    assert.equal((await postAs(pair.mentor, goalsPath(pair), goalForm({ title: 'Mentor goal' }))).statusCode, 409);
    assert.equal(await goalCount(t, pair.relationshipId), 1);
    const before = await goalRow(goalId);
    const edit = await postAs(pair.mentor, `${goalPath(pair, goalId)}/edit`, goalForm({ title: 'Changed by mentor', version: String(before.updated_at.getTime()) }));
    assert.equal(edit.statusCode, 409);
    assert.equal((await goalRow(goalId)).title, SECRET_GOAL);
    const page = await pair.mentor.client.get(goalPath(pair, goalId));
    assert.doesNotMatch(page.body, /Change<span/);
  });

  test('bad input: 400 with the message, what was typed kept, nothing written', async () => {
    const pair = await buildRelationship(t);
    const cases: [Record<string, string>, RegExp][] = [
      [{ title: '' }, /Enter your goal/],
      [{ title: 'x'.repeat(201) }, /Your goal must be 200 characters or fewer/],
      [{ 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2030' }, /must be a real date/],
      [{ 'dueOn-month': '' }, /must include a month/],
      [dueIn(-3), /must be today or in the future/],
      [{ status: 'finished' }, /Choose how the goal is going/],
    ];
    for (const [extra, message] of cases) {
      const response = await postAs(pair.mentee, goalsPath(pair), goalForm(extra));
      assert.equal(response.statusCode, 400, JSON.stringify(extra));
      assert.match(response.body, /There is a problem/);
      assert.match(response.body, message);
      assert.match(response.body, /<title>Error: /);
      assert.ok(response.body.includes(SECRET_REALITY), 'kept what was typed');
    }
    assert.equal(await goalCount(t, pair.relationshipId), 0);
    assert.deepEqual(await templatesTo(t, pair.mentor.user), []);
  });

  test('the mentee changes a goal; a past due date may stay but not be newly set; a stale copy is refused', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    const form = await pair.mentee.client.get(`${goalPath(pair, goalId)}/edit`);
    assert.equal(form.statusCode, 200);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    assert.ok(version);
    const saved = await postAs(pair.mentee, `${goalPath(pair, goalId)}/edit`, goalForm({ title: 'A clearer goal', status: 'in_progress', version }));
    assert.equal(saved.statusCode, 302);
    const row = await goalRow(goalId);
    assert.equal(row.title, 'A clearer goal');
    assert.equal(row.status, 'in_progress');

    // The same edit again, from the copy opened before the save: refused, nothing overwritten.
    const stale = await postAs(pair.mentee, `${goalPath(pair, goalId)}/edit`, goalForm({ title: 'From an old tab', version }));
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /changed after you opened it/);
    assert.equal((await goalRow(goalId)).title, 'A clearer goal');
    // What was typed is kept, the stored goal is shown beside it, and the form now carries its version.
    assert.match(stale.body, /<textarea[^>]*name="title"[^>]*>\s*From an old tab/);
    assert.match(stale.body, /The goal as it is now[\s\S]*A clearer goal[\s\S]*Your changes/);
    const adopted = /name="version" value="(\d+)"/.exec(stale.body)?.[1] ?? '';
    assert.equal(adopted, String((await goalRow(goalId)).updated_at.getTime()));
    const deliberate = await postAs(pair.mentee, `${goalPath(pair, goalId)}/edit`, goalForm({ title: 'From an old tab', status: 'in_progress', version: adopted }));
    assert.equal(deliberate.statusCode, 302, 'a deliberate second save goes through');
    assert.equal((await goalRow(goalId)).title, 'From an old tab');

    // A due date that has since passed can be kept; a different past date cannot be chosen.
    const past = dueIn(-10);
    await t.db.updateTable('goals').set({ due_on: `${past['dueOn-year']}-${past['dueOn-month']?.padStart(2, '0')}-${past['dueOn-day']?.padStart(2, '0')}` }).where('id', '=', goalId).execute();
    const current = String((await goalRow(goalId)).updated_at.getTime());
    const kept = await postAs(pair.mentee, `${goalPath(pair, goalId)}/edit`, goalForm({ ...past, status: 'achieved', version: current }));
    assert.equal(kept.statusCode, 302, kept.body.slice(0, 300));
    const latest = String((await goalRow(goalId)).updated_at.getTime());
    const moved = await postAs(pair.mentee, `${goalPath(pair, goalId)}/edit`, goalForm({ ...dueIn(-5), version: latest }));
    assert.equal(moved.statusCode, 400);
    assert.match(moved.body, /must be today or in the future/);
    assert.equal((await goalRow(goalId)).status, 'achieved');
  });

  test('a NUL character typed into a form is dropped, never a crash: here and in another feature\'s form', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair, { title: 'Apply for\u0000 band 7', reality: '\u0000' });
    const stored = await goalRow(goalId);
    assert.equal(stored.title, 'Apply for band 7');
    assert.equal(stored.reality, '');
    const onlyNul = await postAs(pair.mentee, goalsPath(pair), goalForm({ title: '\u0000' }));
    assert.equal(onlyNul.statusCode, 400);
    assert.match(onlyNul.body, /Enter your goal/);

    const { platformAdmin } = await buildOutsiders(t, pair.programmeId);
    const settings = await postAs(platformAdmin, `/admin/programmes/${pair.programmeId}/settings`, {
      name: 'Programme\u0000 name', description: '', eligibility: '', mentoringTypes: ['traditional', 'reverse', 'peer'], requiresLineManager: 'no',
      requiresAdminApproval: 'no', maxOpenInvitations: '3', invitationReminderDays: '2', invitationExpiryDays: '5', lineManagerReminderDays: '5',
      lineManagerExpiryDays: '10', isOpen: 'yes', confidentialityText: 'What we discuss stays between us\u0000.',
    });
    assert.equal(settings.statusCode, 302, settings.body.slice(0, 300));
    const programme = await t.db.selectFrom('programmes').select(['name', 'confidentiality_text']).where('id', '=', pair.programmeId).executeTakeFirstOrThrow();
    assert.deepEqual(programme, { name: 'Programme name', confidentiality_text: 'What we discuss stays between us.' });
  });
});

describe('reviews', () => {
  test('both parties review; the history is newest first with a trend; last_reviewed_at is set', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    const sessionId = await storeHeldSession(t, pair.relationshipId);
    const first = await postAs(pair.mentee, `${goalPath(pair, goalId)}/reviews`, { progress: '3', note: SECRET_REVIEW, session: sessionId });
    assert.equal(first.statusCode, 302);
    assert.ok((await goalRow(goalId)).last_reviewed_at);
    const second = await postAs(pair.mentor, `${goalPath(pair, goalId)}/reviews`, { progress: '8', note: '', session: '' });
    assert.equal(second.statusCode, 302);
    const reviews = await t.db.selectFrom('goal_reviews').selectAll().where('goal_id', '=', goalId).orderBy('created_at').execute();
    assert.deepEqual(reviews.map((r) => [r.progress, r.session_id, r.author_id]), [[3, sessionId, pair.mentee.user.id], [8, null, pair.mentor.user.id]]);

    const page = await pair.mentee.client.get(goalPath(pair, goalId));
    assert.equal(page.statusCode, 200);
    const eight = page.body.indexOf('8 out of 10');
    const three = page.body.indexOf('3 out of 10');
    assert.ok(eight > 0 && three > eight, 'newest first');
    assert.ok(page.body.includes(pair.mentor.user.fullName));
    assert.ok(page.body.includes(SECRET_REVIEW));
    assert.match(page.body, /Progress ratings from oldest to newest: 3 and 8 out of 10/);
    assert.match(page.body, /Who can see this:/);
    const list = await pair.mentor.client.get(goalsPath(pair));
    assert.match(list.body, /8 out of 10 on/);
  });

  test('bad reviews: 400, the note kept, nothing written', async () => {
    const pair = await buildRelationship(t);
    const other = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    const othersSession = await storeHeldSession(t, other.relationshipId);
    const scheduled = await t.db.insertInto('mentoring_sessions').values({
      relationship_id: pair.relationshipId, starts_at: new Date(Date.now() + 86_400_000), duration_minutes: 60, mode: 'video',
    }).returning('id').executeTakeFirstOrThrow();
    const cases: [Record<string, string>, RegExp, string][] = [
      [{ progress: '11' }, /Choose a progress rating from 1 to 10/, '#progress'],
      [{ progress: '' }, /Choose a progress rating from 1 to 10/, '#progress'],
      [{ progress: '5', note: 'y'.repeat(1001) }, /Your note must be 1000 characters or fewer/, '#note'],
      [{ progress: '5', session: othersSession }, /Choose a session from the list/, '#session'],
      [{ progress: '5', session: scheduled.id }, /Choose a session from the list/, '#session'],
      [{ progress: '5', session: 'not-a-session' }, /Choose a session from the list/, '#session'],
    ];
    for (const [form, message, href] of cases) {
      const response = await postAs(pair.mentee, `${goalPath(pair, goalId)}/reviews`, { note: SECRET_REVIEW, session: '', ...form });
      assert.equal(response.statusCode, 400, JSON.stringify(form));
      assert.match(response.body, message);
      assert.ok(response.body.includes(`href="${href}"`), `summary links to ${href}`);
      if (!form.note) assert.ok(response.body.includes(SECRET_REVIEW), 'kept the note');
    }
    assert.equal(await reviewCount(t, goalId), 0);
    assert.equal((await goalRow(goalId)).last_reviewed_at, null);
  });
});

describe('who can reach goals', () => {
  test('outsiders get 404 everywhere, and a goal of another relationship is a 404', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    const outsiders = await buildOutsiders(t, pair.programmeId);
    for (const [who, party] of Object.entries(outsiders)) {
      assert.equal((await party.client.get(goalsPath(pair))).statusCode, 404, who);
      assert.equal((await party.client.get(goalPath(pair, goalId))).statusCode, 404, who);
      const csrf = await party.client.csrfToken('/account');
      assert.equal((await party.client.post(`${goalPath(pair, goalId)}/reviews`, { progress: '5' }, { csrf })).statusCode, 404, who);
      assert.equal((await party.client.post(goalsPath(pair), goalForm(), { csrf })).statusCode, 404, who);
    }
    // The other pair reaching this goal through their own relationship's address.
    const other = await buildRelationship(t);
    assert.equal((await other.mentee.client.get(goalPath(other, goalId))).statusCode, 404);
    assert.equal((await other.mentee.client.get(`${goalPath(other, goalId)}/edit`)).statusCode, 404);
    assert.equal((await postAs(other.mentee, `${goalPath(other, goalId)}/reviews`, { progress: '5' })).statusCode, 404);
    assert.equal((await postAs(other.mentee, `${goalPath(other, goalId)}/edit`, goalForm({ title: 'Hijack' }))).statusCode, 404);
    assert.equal(await reviewCount(t, goalId), 0);
    assert.equal((await goalRow(goalId)).title, SECRET_GOAL);
    assert.equal((await pair.mentee.client.get(`${goalsPath(pair)}/not-an-id`)).statusCode, 404);
    assert.ok(!(await allEmailText(t)).includes('MARKER'));
  });

  test('an ended relationship: goals can be read, not added, changed or reviewed (409)', async () => {
    const pair = await buildRelationship(t);
    const goalId = await addGoalOrFail(pair);
    await endDirectly(t, pair.relationshipId);
    const list = await pair.mentee.client.get(goalsPath(pair));
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Add a goal/);
    const page = await pair.mentee.client.get(goalPath(pair, goalId));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Save review/);
    assert.equal((await pair.mentee.client.get(`${goalsPath(pair)}/new`)).statusCode, 409);
    assert.equal((await postAs(pair.mentee, goalsPath(pair), goalForm())).statusCode, 409);
    const version = String((await goalRow(goalId)).updated_at.getTime());
    assert.equal((await postAs(pair.mentee, `${goalPath(pair, goalId)}/edit`, goalForm({ title: 'After the end', version }))).statusCode, 409);
    const review = await postAs(pair.mentor, `${goalPath(pair, goalId)}/reviews`, { progress: '5', note: SECRET_REVIEW });
    assert.equal(review.statusCode, 409);
    assert.match(review.body, /has ended/);
    assert.equal(await goalCount(t, pair.relationshipId), 1);
    assert.equal(await reviewCount(t, goalId), 0);
    assert.equal((await goalRow(goalId)).title, SECRET_GOAL);
  });
});
