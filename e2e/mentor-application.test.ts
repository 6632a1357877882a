// The mentor's journey onto a register, in a real browser, with and without JavaScript: a mentor
// signs in, starts an application, fills every profile section (an error first on one), adds a
// training record (a date error first), agrees to the code of ethics and submits; the programme
// admin asks for more information (an empty message first); the mentor reads it and resubmits; the
// admin verifies the training and approves; the mentor's home page says Approved. With JavaScript
// on, axe checks every page and every error state, and the last test visits the error states the
// journey does not pass through.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addMembership, buildProgramme, buildUser } from '../test/support/builders.ts';
import { buildMentorProfile, buildTrainingRecord } from '../src/features/mentors/testing.ts';
import { expectAccessible, newPage, startBrowserTestEnv, type BrowserTestEnv, signIn, signOut } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());



async function expectSuccess(page: Page, title: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: 'Success' }).getByRole('heading', { name: title }).waitFor();
}

async function expectErrorSummary(page: Page, message: string | RegExp): Promise<void> {
  assert.match(await page.title(), /^Error: /);
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: message }).waitFor();
}

async function saveSection(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before you apply' }).waitFor();
}

for (const javaScript of [true, false]) {
  describe(`mentor application journey with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('fill the profile, add training, apply, answer a request for more information, get approved', async () => {
      const { page, context, problems } = await newPage(env, { javaScript });
      const check = async (label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const suffix = javaScript ? 'JS' : 'no JS';
      const programme = await buildProgramme(env.t.db, { name: `Tees valley nursing mentoring (${suffix})` });
      const admin = await buildUser(env.t.db, { fullName: `Morag Fraser ${javaScript ? 'A' : 'B'}` });
      await addMembership(env.t.db, admin.id, programme.id, 'programme_admin');
      const mentor = await buildUser(env.t.db, { fullName: `Kwame Asante ${javaScript ? 'A' : 'B'}` });
      const applicationPath = `/programmes/${programme.id}/mentor-application`;

      // 1. The mentor starts an application and sees what is missing.
      await signIn(page, mentor.email, { password: mentor.password, name: mentor.fullName });
      await page.goto(applicationPath);
      await page.getByRole('heading', { level: 1, name: 'Join the register as a mentor' }).waitFor();
      await check('application start page');
      await page.getByRole('button', { name: 'Start your application' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your answers before you apply' }).waitFor();
      await page.getByText('Your application is not complete').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Submit application' }).count(), 0, 'no submit button until complete');
      await check('check your answers (incomplete)');

      // 2. Your role: an error first, then the answers.
      await page.getByRole('link', { name: 'Add your job title' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your role' }).waitFor();
      await check('your role');
      await page.getByLabel('Organisation').fill('North Tees and Hartlepool NHS Foundation Trust');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectErrorSummary(page, 'Enter your job title');
      await expectErrorSummary(page, 'Select your profession');
      assert.equal(await page.getByLabel('Organisation').inputValue(), 'North Tees and Hartlepool NHS Foundation Trust', 'what was typed is kept');
      await check('your role with errors');
      await page.getByLabel('Job title').fill('Ward sister, respiratory');
      await page.getByLabel('Profession').selectOption({ label: 'Nursing' });
      await page.getByLabel('Band or grade').selectOption({ label: 'Band 7' });
      await page.getByLabel('Region').selectOption({ label: 'North East and Yorkshire' });
      await page.getByLabel('Care setting').selectOption({ label: 'Acute hospital' });
      await page.getByLabel('Years you have worked in health or care').fill('14');
      await saveSection(page);
      await expectSuccess(page, 'Your role has been saved');
      await page.getByText('Ward sister, respiratory').waitFor();

      // 3. What you offer.
      await page.getByRole('link', { name: 'Change what you offer' }).click();
      await page.getByRole('heading', { level: 1, name: 'What you offer as a mentor' }).waitFor();
      await check('what you offer');
      await page.getByLabel('About you as a mentor').fill('I have led a respiratory ward through two winters and enjoy helping new sisters find their feet.');
      await page.getByRole('checkbox', { name: 'First management role' }).check();
      await page.getByRole('checkbox', { name: 'Confidence and resilience' }).check();
      await page.getByRole('checkbox', { name: 'Traditional' }).check();
      await page.getByRole('checkbox', { name: 'Video' }).check();
      await saveSection(page);
      await page.getByText('First management role').waitFor();

      // 4. Capacity and contact details.
      await page.getByRole('link', { name: 'Change capacity' }).click();
      await check('capacity');
      await page.getByLabel('How many mentees can you mentor at once?').fill('2');
      await page.getByRole('radio', { name: 'Yes, I am open to new mentees' }).check();
      await saveSection(page);
      await page.getByRole('link', { name: 'Change contact details' }).click();
      assert.equal(await page.getByLabel('Email address').inputValue(), mentor.email, 'starts from the account email');
      await check('contact details');
      await page.getByLabel('Telephone number (optional)').fill('01632 960 001');
      await saveSection(page);

      // 5. The code of ethics: not ticked first.
      await page.getByRole('link', { name: 'Agree to work to the code of ethics' }).click();
      await page.getByRole('heading', { level: 1, name: 'Code of ethics' }).waitFor();
      await check('code of ethics');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectErrorSummary(page, 'Confirm that you agree to work to the code of ethics');
      await check('code of ethics with errors');
      await page.getByRole('checkbox', { name: 'I agree to work to this code' }).check();
      await saveSection(page);

      // 6. Training: a date error first.
      await page.getByRole('link', { name: 'Add at least one training record' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a training record' }).waitFor();
      await check('add a training record');
      const completed = page.getByRole('group', { name: 'Date you completed the training' });
      await page.getByLabel('Qualification or course').fill('Certificate in Coaching and Mentoring');
      await page.getByLabel('Awarding body').fill('Institute of Leadership and Management');
      await completed.getByLabel('Day').fill('14');
      await completed.getByLabel('Year').fill('2022');
      await page.getByRole('button', { name: 'Save training record' }).click();
      await expectErrorSummary(page, 'Date you completed the training must include a month');
      assert.equal(await completed.getByLabel('Day').inputValue(), '14');
      assert.equal(await page.getByLabel('Awarding body').inputValue(), 'Institute of Leadership and Management');
      await check('add a training record with a date error');
      await completed.getByLabel('Month').fill('6');
      await page.getByRole('button', { name: 'Save training record' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your answers before you apply' }).waitFor();
      await expectSuccess(page, 'Training record added');
      await check('check your answers (complete)');

      // 7. Submit.
      await page.getByRole('button', { name: 'Submit application' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your application is waiting for a decision' }).waitFor();
      await expectSuccess(page, 'Application submitted');
      await check('application submitted');
      await signOut(page);

      // 8. The programme admin asks for more information (an empty message first).
      await signIn(page, admin.email, { password: admin.password, name: admin.fullName });
      await page.goto(`/admin/programmes/${programme.id}`);
      await page.getByRole('link', { name: 'Review mentor applications' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mentor applications' }).waitFor();
      await page.getByRole('link', { name: 'Awaiting decision (1)' }).waitFor();
      await check('mentor applications queue');
      await page.getByRole('link', { name: mentor.fullName }).click();
      await page.getByRole('heading', { level: 1, name: mentor.fullName }).waitFor();
      await check('applicant page');
      await page.getByRole('radio', { name: 'Ask for more information' }).check();
      await page.getByRole('button', { name: 'Save decision' }).click();
      await expectErrorSummary(page, 'Enter the information you need from the applicant');
      await check('decision with errors');
      const message = 'Please tell us who supervises your mentoring practice.';
      await page.getByLabel('If you ask for more information: what you need to know').fill(message);
      await page.getByRole('button', { name: 'Save decision' }).click();
      await expectSuccess(page, 'More information requested');
      await page.getByRole('cell', { name: message }).waitFor();
      await check('applicant page after asking for more information');
      await signOut(page);

      // 9. The mentor reads the request and resubmits.
      await signIn(page, mentor.email, { password: mentor.password, name: mentor.fullName });
      await page.getByText('More information needed').waitFor();
      await check('home with more information needed');
      await page.getByRole('link', { name: /Give the information asked for/ }).click();
      await page.getByText(message).waitFor();
      await check('check your answers with the admin’s message');
      await page.getByRole('button', { name: 'Submit application' }).click();
      await expectSuccess(page, 'Application submitted');
      await signOut(page);

      // 10. The admin verifies the training and approves.
      await signIn(page, admin.email, { password: admin.password, name: admin.fullName });
      await page.goto(`/admin/programmes/${programme.id}/mentor-applications`);
      await page.getByRole('link', { name: mentor.fullName }).click();
      await page.getByRole('button', { name: 'Mark as verified: Certificate in Coaching and Mentoring' }).click();
      await expectSuccess(page, 'Training record verified');
      await page.getByRole('radio', { name: 'Approve' }).check();
      await page.getByRole('button', { name: 'Save decision' }).click();
      await expectSuccess(page, 'Application approved');
      await check('applicant page after approval');
      await signOut(page);

      // 11. The mentor's home page says Approved.
      await signIn(page, mentor.email, { password: mentor.password, name: mentor.fullName });
      await page.getByText('Approved', { exact: true }).waitFor();
      await check('home after approval');
      await page.getByRole('link', { name: /View your application/ }).click();
      await page.getByRole('heading', { name: `You are on the register of ${programme.name}` }).waitFor();
      await check('application approved');
      await page.getByRole('link', { name: 'mentor profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your mentor profile' }).waitFor();
      await check('mentor profile');
      await page.goto('/profile/mentor/training');
      await page.getByText('Verified', { exact: true }).waitFor();
      await check('training list');

      assert.deepEqual(problems, [], 'no console errors or CSP violations');
      await context.close();
    });
  });
}

describe('the other mentor pages and error states pass axe', () => {
  test('profile forms with errors, training edit and remove, an incomplete submission, filters and a decision conflict', async () => {
    const { page, context, problems } = await newPage(env, { javaScript: true });
    const programme = await buildProgramme(env.t.db, { name: 'Axe check mentoring' });
    const admin = await buildUser(env.t.db);
    await addMembership(env.t.db, admin.id, programme.id, 'programme_admin');
    const mentor = await buildUser(env.t.db);
    await buildMentorProfile(env.t.db, mentor.id);
    const applicationPath = `/programmes/${programme.id}/mentor-application`;

    await signIn(page, mentor.email, { password: mentor.password, name: mentor.fullName });
    await expectAccessible(page, 'home with a mentor profile');
    await page.goto('/profile/mentor/offer');
    await page.getByLabel('About you as a mentor').fill('');
    await page.getByRole('checkbox', { name: 'Career progression' }).uncheck();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectErrorSummary(page, 'Select at least one area you can help with');
    await expectAccessible(page, 'what you offer with errors');

    await page.goto('/profile/mentor/capacity');
    await page.getByLabel('How many mentees can you mentor at once?').fill('twelve');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectErrorSummary(page, /Capacity must be a whole number/);
    await expectAccessible(page, 'capacity with errors');

    await page.goto('/profile/mentor/contact');
    await page.getByLabel('Email address').fill('not an email');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectErrorSummary(page, /Enter an email address in the correct format/);
    await expectAccessible(page, 'contact details with errors');

    await page.goto('/profile/mentor/training');
    await page.getByRole('link', { name: /^Change/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Change a training record' }).waitFor();
    await expectAccessible(page, 'change a training record');
    const expiry = page.getByRole('group', { name: 'Expiry date (optional)' });
    await expiry.getByLabel('Day').fill('1');
    await expiry.getByLabel('Month').fill('1');
    await expiry.getByLabel('Year').fill('2001');
    await page.getByRole('button', { name: 'Save training record' }).click();
    await expectErrorSummary(page, 'Expiry date must be after the completion date');
    await expectAccessible(page, 'change a training record with errors');
    await page.goto('/profile/mentor/training');
    await page.getByRole('link', { name: /^Remove/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Are you sure you want to remove/ }).waitFor();
    await expectAccessible(page, 'remove a training record');

    // The check page was complete when opened; the training is gone by the time Submit is pressed.
    await page.goto(applicationPath);
    await page.getByRole('button', { name: 'Start your application' }).click();
    await page.getByRole('button', { name: 'Submit application' }).waitFor();
    await env.t.db.deleteFrom('training_records').where('user_id', '=', mentor.id).execute();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expectErrorSummary(page, 'Your application is not complete. Add the missing information listed below');
    await expectAccessible(page, 'submitting an incomplete application');
    await buildTrainingRecord(env.t.db, mentor.id);
    await page.goto(applicationPath);
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expectSuccess(page, 'Application submitted');
    await signOut(page);

    await signIn(page, admin.email, { password: admin.password, name: admin.fullName });
    await page.goto(`/admin/programmes/${programme.id}/mentor-applications`);
    await page.getByLabel('Profession').selectOption({ label: 'Pharmacy' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('There are no applications here that match the filters').waitFor();
    assert.match(page.url(), /profession=[0-9a-f-]{36}/, 'the filter is in the address');
    await expectAccessible(page, 'queue filtered to nothing');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByRole('link', { name: mentor.fullName }).click();
    // Another admin decides while this page is open.
    await env.t.db.updateTable('mentor_applications').set({ status: 'approved', decided_at: new Date(), decided_by: admin.id })
      .where('user_id', '=', mentor.id).execute();
    await page.getByRole('radio', { name: 'Reject' }).check();
    await page.getByLabel('If you reject: the reason').fill('Not this time');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByRole('alert').getByText(/Another admin decided this application at \d{1,2}:\d{2}(am|pm): approved/).waitFor();
    await expectAccessible(page, 'decision conflict');

    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await context.close();
  });
});
