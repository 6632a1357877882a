// A whole mentoring relationship in a real browser, with and without JavaScript, from an active
// relationship (the chemistry journey that creates one has its own browser test) to its ending:
// the mentee writes the contract (a missing answer first) and both sign; the mentor moves the phase
// on; the mentee sets a goal (no title first) and reviews it; the mentor schedules a session (too
// long first) and reschedules it, and a session held outside the platform is recorded; both write
// shared and private notes and an agreed action (neither ever sees the other's private note); the
// mentee reflects without sharing (the mentor never sees it) and reads the trend; the resources and
// concern pages open; and the mentee ends it (nothing chosen first) and writes a closing
// reflection. Every page and error state is checked with axe when JavaScript is on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SECRET_PRIVATE_NOTE, SECRET_SHARED_NOTE, buildRelationship } from '../src/features/relationships/testing.ts';
import { expectAccessible, newPage, signIn, startBrowserTestEnv, type BrowserTestEnv } from './support/browser.ts';
import { expectBanner, expectErrorSummary } from './support/chemistry.ts';
import { fillSessionTime, openSection } from './support/relationship.ts';

const MENTOR_PRIVATE_NOTE = 'MENTOR-PRIVATE-4b8e: I should check my own supervision notes before the next session';
const TAKEAWAY = 'TAKEAWAY-MARKER-1d6f: writing my achievements down before the interview';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());

for (const javaScript of [true, false]) {
  describe(`the mentoring relationship with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('contract, phase, goal, sessions, notes, reflection, resources, concern and ending', async () => {
      const check = async (page: Page, label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const pair = await buildRelationship(env.t);
      const menteeName = pair.mentee.user.fullName;
      const mentorName = pair.mentor.user.fullName;

      // 1. The mentee opens the relationship from the home page.
      const { page, context, problems } = await newPage(env, { javaScript });
      await signIn(page, pair.mentee.user.email);
      await page.getByText('Your mentor is').getByRole('link', { name: mentorName }).click();
      await page.getByRole('heading', { level: 1, name: `Mentoring with ${mentorName}` }).waitFor();
      await page.getByRole('heading', { name: 'Where you are' }).waitFor();
      await check(page, 'overview');

      const mr = await newPage(env, { javaScript });
      const mentor = mr.page;
      await signIn(mentor, pair.mentor.user.email);
      await mentor.getByRole('link', { name: menteeName }).first().click();
      await mentor.getByRole('heading', { level: 1, name: `Mentoring with ${menteeName}` }).waitFor();
      await check(mentor, 'mentor overview');

      // 2. The contract: a missing answer first (what was typed is kept), then saved and signed by both.
      await openSection(page, 'Contract', 'Your mentoring contract');
      await check(page, 'contract, not started');
      await page.getByRole('button', { name: 'Start the contract' }).click();
      await page.getByRole('heading', { level: 1, name: 'Start your mentoring contract' }).waitFor();
      await check(page, 'contract form');
      await page.getByLabel('What the mentee expects').fill('Help preparing for a band 7 interview, and honest feedback');
      await page.getByRole('checkbox', { name: 'Video' }).check();
      await page.getByRole('button', { name: 'Save contract' }).click();
      await expectErrorSummary(page, 'Enter how often you will meet');
      await expectErrorSummary(page, 'Choose how you will judge success, or describe it in your own words');
      assert.equal(await page.getByLabel('What the mentee expects').inputValue(), 'Help preparing for a band 7 interview, and honest feedback', 'what was typed is kept');
      assert.ok(await page.getByRole('checkbox', { name: 'Video' }).isChecked(), 'the ticked mode is kept');
      await check(page, 'contract form with errors');
      await page.getByLabel('How often you will meet').fill('Every four weeks');
      await page.getByRole('checkbox', { name: 'A score from 1 to 10 for how useful each session was' }).check();
      await page.getByRole('button', { name: 'Save contract' }).click();
      await expectBanner(page, 'Version 1 of your contract saved');
      await page.getByText('Nobody has signed this version yet.').waitFor();
      await check(page, 'contract saved');
      await page.getByRole('button', { name: 'Sign version 1' }).click();
      await expectBanner(page, 'You have signed the contract');
      await page.getByText(`You have signed this version. It is agreed once ${mentorName} signs it too.`).waitFor();
      await check(page, 'contract signed by the mentee');

      await openSection(mentor, 'Contract', 'Your mentoring contract');
      await mentor.getByText('Every four weeks').waitFor();
      await mentor.getByRole('button', { name: 'Sign version 1' }).click();
      await expectBanner(mentor, 'Your contract is agreed');
      await mentor.getByRole('heading', { level: 2, name: /^Version 1 Agreed$/ }).waitFor();
      await mentor.getByText(`${menteeName} signed on`).waitFor();
      await mentor.getByText('You signed on').waitFor();
      await check(mentor, 'contract agreed');
      await page.reload();
      await page.getByRole('heading', { level: 2, name: /^Version 1 Agreed$/ }).waitFor();

      // 3. The mentor moves the phase on, with a note; the history shows it.
      await openSection(mentor, 'Overview', `Mentoring with ${menteeName}`);
      await mentor.getByRole('link', { name: 'Change the phase' }).click();
      await mentor.getByRole('heading', { level: 1, name: 'Change the phase' }).waitFor();
      await check(mentor, 'phase');
      await mentor.getByRole('radio', { name: 'Setting direction', exact: true }).check();
      await mentor.getByLabel('A note about the change (optional)').fill('We agreed the interview is the first thing to work on');
      await mentor.getByRole('button', { name: 'Change phase' }).click();
      await expectBanner(mentor, 'Phase changed to setting direction');
      await mentor.getByRole('heading', { level: 1, name: `Mentoring with ${menteeName}` }).waitFor();
      await check(mentor, 'overview after the phase change');
      await mentor.getByRole('link', { name: 'Change the phase' }).click();
      const history = mentor.getByRole('table', { name: 'Changes of phase, newest first' });
      await history.getByRole('row').filter({ hasText: 'Building rapport to Setting direction' }).filter({ hasText: 'We agreed the interview is the first thing to work on' }).waitFor();

      // 4. The mentee adds a goal (no title first) and reviews its progress.
      await openSection(page, 'Goals', 'Goals');
      await check(page, 'goals, none yet');
      await page.getByRole('button', { name: 'Add a goal' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a goal' }).waitFor();
      await check(page, 'add a goal');
      await page.getByLabel('Reality: where are things now? (optional)').fill('I have been turned down twice at interview');
      await page.getByRole('button', { name: 'Save goal' }).click();
      await expectErrorSummary(page, 'Enter your goal');
      assert.equal(await page.getByLabel('Reality: where are things now? (optional)').inputValue(), 'I have been turned down twice at interview');
      await check(page, 'add a goal with errors');
      await page.getByLabel('Goal', { exact: true }).fill('Feel ready to apply for a band 7 post');
      await page.getByRole('radio', { name: 'In progress' }).check();
      await page.getByRole('button', { name: 'Save goal' }).click();
      await expectBanner(page, 'Goal added');
      await page.getByRole('heading', { level: 1, name: 'Feel ready to apply for a band 7 post' }).waitFor();
      await check(page, 'goal');
      await page.getByRole('button', { name: 'Save review' }).click();
      await expectErrorSummary(page, 'Choose a progress rating from 1 to 10');
      await check(page, 'goal review with errors');
      await page.getByRole('radio', { name: '4', exact: true }).check();
      await page.getByLabel('Note (optional)').fill('Drafted my supporting statement');
      await page.getByRole('button', { name: 'Save review' }).click();
      await expectBanner(page, 'Review saved');
      await page.getByRole('table', { name: 'Reviews of this goal, newest first' }).getByRole('cell', { name: '4 out of 10' }).waitFor();
      await check(page, 'goal with a review');

      // 5. The mentor schedules a session (too long first); both see it; the mentor moves it.
      await openSection(mentor, 'Sessions', 'Sessions');
      await check(mentor, 'sessions, none yet');
      await mentor.getByRole('button', { name: 'Schedule a session' }).click();
      await mentor.getByRole('heading', { level: 1, name: 'Schedule a session' }).waitFor();
      await check(mentor, 'schedule a session');
      await fillSessionTime(mentor, { days: 7, time: '2:30pm', minutes: '200', mode: 'Video' });
      await mentor.getByLabel('Place or video link (optional)').fill('Library meeting room 2');
      await mentor.getByRole('button', { name: 'Schedule the session' }).click();
      await expectErrorSummary(mentor, 'Meeting length must be between 15 and 180 minutes');
      assert.equal(await mentor.getByLabel('Place or video link (optional)').inputValue(), 'Library meeting room 2');
      await check(mentor, 'schedule a session with errors');
      await mentor.getByLabel('How long').fill('60');
      await mentor.getByRole('button', { name: 'Schedule the session' }).click();
      await expectBanner(mentor, 'Session scheduled');
      await mentor.getByRole('heading', { level: 1, name: /^Session on / }).waitFor();
      await check(mentor, 'session scheduled');
      await openSection(page, 'Sessions', 'Sessions');
      await page.getByRole('table', { name: 'Upcoming sessions' }).getByRole('cell', { name: '60 minutes' }).waitFor();
      await check(page, 'sessions, mentee');
      await mentor.getByRole('link', { name: 'Reschedule the session' }).click();
      await mentor.getByRole('heading', { level: 1, name: 'Reschedule the session' }).waitFor();
      await check(mentor, 'reschedule');
      await fillSessionTime(mentor, { days: 14, time: '10:00am', minutes: '45' });
      await mentor.getByRole('button', { name: 'Save the new time' }).click();
      await expectBanner(mentor, 'Session moved');
      await mentor.getByText('45 minutes').waitFor();
      await check(mentor, 'session moved');
      await page.reload();
      await page.getByRole('table', { name: 'Upcoming sessions' }).getByRole('cell', { name: '45 minutes' }).waitFor();

      // A session they held last week, recorded by the mentee (no date first).
      await page.getByRole('link', { name: 'Record a past session that was not scheduled here' }).click();
      await page.getByRole('heading', { level: 1, name: 'Record a past session' }).waitFor();
      await check(page, 'record a session');
      await page.getByRole('button', { name: 'Record the session' }).click();
      await expectErrorSummary(page, 'Enter the date of the session');
      await check(page, 'record a session with errors');
      await fillSessionTime(page, { days: -7, time: '9:00am', minutes: '60', mode: 'Face to face' });
      await page.getByRole('button', { name: 'Record the session' }).click();
      await expectBanner(page, 'Session recorded');
      await page.getByRole('heading', { level: 1, name: /^Session on / }).waitFor();
      const heldPath = new URL(page.url()).pathname;
      await check(page, 'session recorded');

      // 6. Notes: the mentee's shared and private notes; the mentor's action and private note.
      await page.getByRole('link', { name: 'Notes and agreed actions for this session' }).click();
      await page.getByRole('heading', { level: 1, name: /^Notes for the session on / }).waitFor();
      await check(page, 'notes');
      await page.getByRole('button', { name: 'Add shared note' }).click();
      await expectErrorSummary(page, 'Enter your note');
      await check(page, 'notes with errors');
      await page.getByLabel('Add a shared note').fill(SECRET_SHARED_NOTE);
      await page.getByRole('button', { name: 'Add shared note' }).click();
      await expectBanner(page, 'Your shared note has been added');
      await page.getByText(SECRET_SHARED_NOTE).waitFor();
      await page.getByLabel('Your private note').fill(SECRET_PRIVATE_NOTE);
      await page.getByRole('button', { name: 'Save your private note' }).click();
      await expectBanner(page, 'Your private note has been saved');
      assert.equal(await page.getByLabel('Your private note').inputValue(), SECRET_PRIVATE_NOTE);
      await check(page, 'notes, mentee');

      await openSection(mentor, 'Sessions', 'Sessions');
      await mentor.getByRole('table', { name: 'Past and cancelled sessions' }).getByRole('link').click();
      await mentor.getByRole('heading', { level: 1, name: /^Session on / }).waitFor();
      assert.equal(new URL(mentor.url()).pathname, heldPath, 'the mentor sees the session the mentee recorded');
      await check(mentor, 'held session, mentor');
      await mentor.getByRole('link', { name: 'Notes and agreed actions for this session' }).click();
      await mentor.getByRole('heading', { level: 1, name: /^Notes for the session on / }).waitFor();
      await mentor.getByText(SECRET_SHARED_NOTE).waitFor();
      await mentor.getByRole('button', { name: 'Add action' }).click();
      await expectErrorSummary(mentor, 'Enter the action');
      await check(mentor, 'notes with errors, mentor');
      await mentor.getByLabel('What will be done').fill('Send two example interview questions');
      await mentor.getByRole('radio', { name: `You (${mentorName})` }).check();
      await mentor.getByRole('button', { name: 'Add action' }).click();
      await expectBanner(mentor, 'The action has been added');
      await mentor.getByRole('table', { name: 'Actions agreed in this session' }).getByRole('cell', { name: 'Send two example interview questions', exact: true }).waitFor();
      await mentor.getByLabel('Your private note').fill(MENTOR_PRIVATE_NOTE);
      await mentor.getByRole('button', { name: 'Save your private note' }).click();
      await expectBanner(mentor, 'Your private note has been saved');
      await check(mentor, 'notes, mentor');
      assert.ok(!(await mentor.content()).includes('PRIVATE-MARKER-7f3a'), "the mentor never sees the mentee's private note");
      await page.reload();
      await page.getByRole('table', { name: 'Actions agreed in this session' }).getByRole('cell', { name: 'Send two example interview questions', exact: true }).waitFor();
      assert.ok(!(await page.content()).includes('MENTOR-PRIVATE-4b8e'), "the mentee never sees the mentor's private note");

      // 7. The mentee reflects on the session without sharing it; then the trend page.
      await page.getByRole('link', { name: 'Your reflection on this session' }).click();
      await page.getByRole('heading', { level: 1, name: /^Your reflection on the session on / }).waitFor();
      await check(page, 'reflection');
      await page.getByLabel('One thing you got out of it (optional)').fill(TAKEAWAY);
      await page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectErrorSummary(page, 'Choose how useful the session was, from 1 to 10');
      await expectErrorSummary(page, `Choose whether to share this reflection with ${mentorName}`);
      assert.equal(await page.getByLabel('One thing you got out of it (optional)').inputValue(), TAKEAWAY);
      await check(page, 'reflection with errors');
      await page.getByRole('radio', { name: '8', exact: true }).check();
      await page.getByRole('radio', { name: 'Thoughtful' }).check();
      await page.getByRole('radio', { name: 'No, keep it to myself' }).check();
      await page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectBanner(page, 'Your reflection has been saved');
      await page.getByRole('heading', { level: 1, name: 'Session reflections' }).waitFor();
      await page.getByRole('img', { name: /^How useful sessions were, out of 10: 1 session on .*most recent 8\.$/ }).waitFor();
      const trend = page.getByRole('table', { name: 'Reflections by session date' });
      await trend.getByRole('cell', { name: '8', exact: true }).waitFor();
      await trend.getByRole('cell', { name: TAKEAWAY }).waitFor();
      await check(page, 'reflections trend');

      await openSection(mentor, 'Reflections', 'Session reflections');
      await mentor.getByText(`${menteeName} has not shared any reflections with you.`).waitFor();
      assert.ok(!(await mentor.content()).includes('TAKEAWAY-MARKER-1d6f'), 'an unshared reflection stays with the mentee');
      await check(mentor, 'reflections, mentor');
      await openSection(mentor, 'Sessions', 'Sessions');
      await mentor.getByRole('table', { name: 'Past and cancelled sessions' }).getByRole('link').click();
      await mentor.getByRole('link', { name: `${menteeName}'s reflection, if they choose to share it` }).click();
      await mentor.getByRole('heading', { level: 1, name: /^Reflection on the session on / }).waitFor();
      assert.ok(!(await mentor.content()).includes('TAKEAWAY-MARKER-1d6f'), 'an unshared reflection stays with the mentee');
      await check(mentor, 'reflection, mentor');

      // 8. Resources and support, and the concern page (an empty concern first).
      await openSection(page, 'Resources and support', 'Resources and support');
      await check(page, 'resources');
      await page.getByRole('link', { name: 'Raise a concern in confidence' }).click();
      await page.getByRole('heading', { level: 1, name: 'Raise a concern in confidence' }).waitFor();
      await check(page, 'concern');
      await page.getByRole('button', { name: 'Send to the programme admins' }).click();
      await expectErrorSummary(page, 'Enter your concern');
      await check(page, 'concern with errors');

      // 9. The mentee ends it (nothing chosen first) and writes a closing reflection.
      await openSection(page, 'Overview', `Mentoring with ${mentorName}`);
      await page.getByRole('link', { name: 'End the mentoring relationship' }).click();
      await page.getByRole('heading', { level: 1, name: `End your mentoring relationship with ${mentorName}` }).waitFor();
      await check(page, 'end');
      await page.getByRole('button', { name: 'End the mentoring relationship' }).click();
      await expectErrorSummary(page, 'Choose why you are ending the mentoring relationship');
      await expectErrorSummary(page, 'Confirm that you understand ending cannot be undone');
      await check(page, 'end with errors');
      await page.getByRole('radio', { name: 'We achieved what we set out to' }).check();
      await page.getByRole('checkbox', { name: 'I understand that ending the relationship cannot be undone' }).check();
      await page.getByRole('button', { name: 'End the mentoring relationship' }).click();
      await expectBanner(page, 'You have ended the mentoring relationship');
      await page.getByRole('heading', { level: 1, name: `Your mentoring relationship with ${mentorName} has ended` }).waitFor();
      await page.getByText('This mentoring relationship has ended.').waitFor();
      await check(page, 'ended');
      await page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectErrorSummary(page, 'Enter your closing reflection');
      await check(page, 'closing reflection with errors');
      await page.getByLabel('Your closing reflection').fill('I learned to name my strengths out loud');
      await page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectBanner(page, 'Your closing reflection has been saved');
      assert.equal(await page.getByLabel('Your closing reflection').inputValue(), 'I learned to name my strengths out loud');
      await check(page, 'closing reflection saved');

      await openSection(mentor, 'Overview', `Mentoring with ${menteeName}`);
      await mentor.getByText('This mentoring relationship has ended.').waitFor();
      await mentor.getByRole('link', { name: 'End the mentoring relationship' }).waitFor({ state: 'detached' });
      await check(mentor, 'ended, mentor');

      const relationship = await env.t.db.selectFrom('relationships').select(['status', 'end_kind', 'phase']).where('id', '=', pair.relationshipId).executeTakeFirstOrThrow();
      assert.deepEqual(relationship, { status: 'ended', end_kind: 'completed', phase: 'moving_on' });
      for (const [label, found] of [['mentee', problems], ['mentor', mr.problems]] as const) {
        assert.deepEqual(found, [], `no console errors or CSP violations (${label})`);
      }
      await Promise.all([context.close(), mr.context.close()]);
    });
  });
}
