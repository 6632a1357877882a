// Equality monitoring: a person's own answers (save, change, clear), bad input, privacy (nobody
// else ever sees one person's answers, platform admins included) and the suppressed aggregates.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import { aggregateEquality, type EqualityAggregate } from './service.ts';

let t: TestApp;
let person: BuiltUser;
let platformAdmin: BuiltUser;

before(async () => {
  t = await buildTestApp();
  person = await buildUser(t.db);
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
});
after(async () => t.close());

async function signedIn(userId: string): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, userId));
}

async function storedAnswers(userId: string) {
  return (await t.db.selectFrom('equality_responses').select('answers').where('user_id', '=', userId).executeTakeFirst())?.answers;
}

const checked = (html: string, name: string) => [...html.matchAll(new RegExp(`name="${name}" type="radio" value="([^"]+)" checked`, 'g'))].map((m) => m[1]);

describe('your equality answers', () => {
  test('anonymous people are sent to sign in', async () => {
    const response = await new TestClient(t.app).get('/profile/equality');
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fprofile%2Fequality');
  });

  test('the page says who sees the answers and that answering is optional', async () => {
    const page = await (await signedIn(person.id)).get('/profile/equality');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Who can see this:<\/strong> Nobody sees your individual answers: not programme admins, not platform admins, not mentors/);
    assert.match(page.body, /5 people or more/);
    assert.match(page.body, /Answering is optional/);
    for (const legend of ['What is your age?', 'What is your sex?', 'What is your ethnic group?', 'Asian or Asian British', 'Do you consider yourself to be disabled?', 'What is your religion?']) {
      assert.ok(page.body.includes(legend), legend);
    }
    assert.equal((page.body.match(/value="prefer_not_to_say"/g) ?? []).length, 7, 'Prefer not to say on every question');
    assert.doesNotMatch(page.body, /Clear my answers/, 'nothing to clear yet');
  });

  test('an answer that is not in the list gets the error summary, keeps the rest and stores nothing', async () => {
    const client = await signedIn(person.id);
    const response = await client.post('/profile/equality', { age: '99_plus', sex: 'female', ethnicity: 'asian_indian' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Equality monitoring – /);
    assert.match(response.body, /href="#age">\s*Select your age group from the list/);
    assert.deepEqual(checked(response.body, 'sex'), ['female']);
    assert.deepEqual(checked(response.body, 'ethnicity'), ['asian_indian']);
    assert.equal(await storedAnswers(person.id), undefined);
  });

  test('save, change and clear', async () => {
    const client = await signedIn(person.id);
    const saved = await client.post('/profile/equality', { age: '35_44', ethnicity: 'black_caribbean', religion: 'prefer_not_to_say', sex: '' });
    assert.equal(saved.statusCode, 302);
    assert.equal(saved.headers.location, '/profile/equality');
    assert.deepEqual(await storedAnswers(person.id), { age: '35_44', ethnicity: 'black_caribbean', religion: 'prefer_not_to_say' });
    const page = await client.get('/profile/equality');
    assert.match(page.body, /Your answers have been saved/);
    assert.deepEqual(checked(page.body, 'age'), ['35_44']);
    assert.deepEqual(checked(page.body, 'ethnicity'), ['black_caribbean']);
    assert.deepEqual(checked(page.body, 'sex'), []);
    assert.match(page.body, /Clear my answers/);

    await client.post('/profile/equality', { age: '45_54', ethnicity: 'black_caribbean', disability: 'no' });
    assert.deepEqual(await storedAnswers(person.id), { age: '45_54', ethnicity: 'black_caribbean', disability: 'no' });

    const cleared = await client.post('/profile/equality/clear', {}, { from: '/profile/equality' });
    assert.equal(cleared.statusCode, 302);
    assert.equal(await storedAnswers(person.id), undefined, 'the row is deleted');
    const after = await client.get('/profile/equality');
    assert.match(after.body, /Your answers have been cleared/);
    assert.deepEqual(checked(after.body, 'age'), []);

    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', person.id).where('action', 'like', 'equality.%').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['equality.answers_cleared', 'equality.answers_saved', 'equality.answers_saved']);
    assert.ok(audit.every((a) => !JSON.stringify(a.details).includes('caribbean')), 'the audit never holds an answer');
  });

  test('a platform admin sees only their own (empty) answers, never anyone else’s', async () => {
    await (await signedIn(person.id)).post('/profile/equality', { age: '25_34', sexual_orientation: 'bisexual' });
    const page = await (await signedIn(platformAdmin.id)).get('/profile/equality');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, / checked/);
    assert.equal(await storedAnswers(platformAdmin.id), undefined);
    // No route takes a user id: asking for someone else's page is simply not a page.
    assert.equal((await (await signedIn(platformAdmin.id)).get(`/profile/equality/${person.id}`)).statusCode, 404);
    assert.equal((await (await signedIn(platformAdmin.id)).get(`/profile/equality?userId=${person.id}`)).body.includes('value="bisexual" checked'), false);
  });
});

describe('aggregateEquality', () => {
  let programmeId: string;
  let result: EqualityAggregate;
  const count = (question: string, answer: string) => result.questions.find((q) => q.key === question)?.answers.find((a) => a.key === answer)?.count;

  before(async () => {
    programmeId = (await buildProgramme(t.db)).id;
    const otherProgramme = (await buildProgramme(t.db)).id;
    const answers: Record<string, string>[] = [
      ...Array.from({ length: 6 }, () => ({ age: '25_34', disability: 'no', sex: 'female' })),
      ...Array.from({ length: 2 }, () => ({ age: '35_44', disability: 'yes', sex: 'female' })),
      { age: '55_64', disability: 'prefer_not_to_say', sex: 'male' },
    ];
    for (const [index, given] of answers.entries()) {
      const member = await buildUser(t.db);
      await addMembership(t.db, member.id, programmeId, index === 0 ? 'mentor' : 'mentee');
      // Someone with two roles is still one person.
      if (index === 1) await addMembership(t.db, member.id, programmeId, 'mentor');
      await t.db.insertInto('equality_responses').values({ user_id: member.id, answers: JSON.stringify(given) }).execute();
    }
    // A member who has not answered, and people outside the programme who must not be counted.
    await addMembership(t.db, (await buildUser(t.db)).id, programmeId, 'mentee');
    for (let i = 0; i < 5; i += 1) {
      const outsider = await buildUser(t.db);
      await addMembership(t.db, outsider.id, otherProgramme, 'mentee');
      await t.db.insertInto('equality_responses').values({ user_id: outsider.id, answers: JSON.stringify({ age: '65_plus' }) }).execute();
    }
    result = await aggregateEquality(t.db, programmeId);
  });

  test('counts each member once, and shows counts of 5 or more', () => {
    assert.equal(result.people, 10);
    assert.equal(count('age', '25_34'), 6);
    assert.equal(count('disability', 'no'), 6);
    assert.equal(count('sex', 'female'), 8);
  });

  test('every count under 5 is suppressed, zero included', () => {
    assert.equal(count('age', '35_44'), null);
    assert.equal(count('age', '55_64'), null);
    assert.equal(count('age', '65_plus'), null, 'outsiders are not counted: zero here, and zero is hidden too');
    assert.equal(count('disability', 'yes'), null);
    assert.equal(count('disability', 'prefer_not_to_say'), null);
    assert.equal(count('age', 'not_answered'), null);
    for (const question of result.questions) {
      for (const answer of question.answers) assert.ok(answer.count === null || answer.count >= 5, `${question.key}.${answer.key}`);
    }
  });

  test('a single hidden count that the total would give away is protected by hiding another', async () => {
    // Disability: 6 no, 5 yes, 5 prefer not to say, 1 not answered. Only "not answered" is under 5,
    // but 17 people minus the others would reveal it, so the next smallest count is hidden too.
    const programme = (await buildProgramme(t.db)).id;
    const given = [...Array<string>(6).fill('no'), ...Array<string>(5).fill('yes'), ...Array<string>(5).fill('prefer_not_to_say'), null];
    for (const disability of given) {
      const member = await buildUser(t.db);
      await addMembership(t.db, member.id, programme, 'mentee');
      if (disability) await t.db.insertInto('equality_responses').values({ user_id: member.id, answers: JSON.stringify({ disability }) }).execute();
    }
    const aggregate = await aggregateEquality(t.db, programme);
    const disability = new Map(aggregate.questions.find((q) => q.key === 'disability')?.answers.map((a) => [a.key, a.count]));
    assert.equal(aggregate.people, 17);
    assert.equal(disability.get('no'), 6);
    assert.equal(disability.get('not_answered'), null);
    assert.equal([disability.get('yes'), disability.get('prefer_not_to_say')].filter((c) => c === null).length, 1, 'one of the two fives is hidden as well');

    // Mentors only (2 people): everything is hidden.
    const mentors = await aggregateEquality(t.db, programmeId, { role: 'mentor' });
    assert.equal(mentors.people, null);
    assert.ok(mentors.questions.every((q) => q.answers.every((a) => a.count === null)));
  });

  test('answers carry readable labels for reports', () => {
    const ethnicity = result.questions.find((q) => q.key === 'ethnicity');
    assert.ok(ethnicity?.answers.some((a) => a.label === 'Asian or Asian British: Indian'));
    assert.ok(ethnicity?.answers.some((a) => a.label === 'Prefer not to say'));
    assert.ok(ethnicity?.answers.some((a) => a.label === 'Not answered'));
  });
});
