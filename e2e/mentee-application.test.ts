// The mentee journey in a real browser, with and without JavaScript: a mentee fills their profile
// (bad input first) and applies naming their line manager (their own email first); the line
// manager opens the emailed link in a new browser with no session and supports the application
// ("no" without a reason first); the programme admin approves it from the queue (no decision
// first); the mentee's home page shows it approved; the used link says so. Every page and error
// state is checked with axe when JavaScript is on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addMembership, buildUser } from '../test/support/builders.ts';
import { buildMenteeProfile, buildProgrammeWithSteps, latestLineManagerLink, SECRET_GOALS } from '../src/features/mentees/testing.ts';
import { expectAccessible, newPage, openLatestEmail, startBrowserTestEnv, type BrowserTestEnv, signIn } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());


async function expectErrorSummary(page: Page, message: string | RegExp): Promise<void> {
  assert.match(await page.title(), /^Error: /);
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: message }).waitFor();
}

async function expectBanner(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { name: title }).waitFor();
}

for (const javaScript of [true, false]) {
  describe(`mentee journey with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('profile, application, line manager support, admin approval', async () => {
      const suffix = javaScript ? 'js' : 'nojs';
      const check = async (page: Page, label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const programme = await buildProgrammeWithSteps(env.t.db, { lineManager: true, admin: true });
      const mentee = await buildUser(env.t.db, { fullName: javaScript ? 'Chidi Okafor' : 'Ewa Nowicka', email: `mentee.${suffix}@example.nhs.uk` });
      const admin = await buildUser(env.t.db, { email: `programme.admin.${suffix}@example.nhs.uk` });
      await addMembership(env.t.db, admin.id, programme.id, 'programme_admin');
      const managerEmail = `line.manager.${suffix}@example.nhs.uk`;

      // 1. The mentee fills in their profile, bad input first.
      const { page, context, problems } = await newPage(env, { javaScript });
      await signIn(page, mentee.email);
      await page.getByRole('link', { name: 'Create your mentee profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your mentee profile' }).waitFor();
      await check(page, 'empty mentee profile');
      await page.getByRole('link', { name: 'Enter your job title' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your role' }).waitFor();
      await check(page, 'your role');
      await page.getByLabel('Organisation you work for').fill('Eastbrook Community NHS Trust');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectErrorSummary(page, 'Enter your job title');
      await expectErrorSummary(page, 'Select your profession');
      assert.equal(await page.getByLabel('Organisation you work for').inputValue(), 'Eastbrook Community NHS Trust');
      await check(page, 'your role with errors');
      await page.getByLabel('Job title').fill('Community staff nurse');
      await page.getByLabel('Profession').selectOption({ label: 'Nursing' });
      await page.getByLabel('Band or grade').selectOption({ label: 'Band 5' });
      await page.getByLabel('Region').selectOption({ label: 'North West' });
      await page.getByLabel('Care setting').selectOption({ label: 'Community health' });
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectBanner(page, 'Your mentee profile has been saved');
      await page.getByText('Community staff nurse').waitFor();

      await page.getByRole('link', { name: 'Enter what you want to gain from mentoring' }).click();
      await page.getByRole('heading', { level: 1, name: 'What you want from mentoring' }).waitFor();
      await check(page, 'what you want from mentoring');
      await page.getByRole('checkbox', { name: 'Leading change' }).check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectErrorSummary(page, 'Enter what you want to gain from mentoring');
      await expectErrorSummary(page, 'Select at least one way you would like to meet');
      assert.equal(await page.getByRole('checkbox', { name: 'Leading change' }).isChecked(), true, 'ticked boxes stay ticked');
      await check(page, 'what you want from mentoring with errors');
      await page.getByLabel('What do you want to gain from mentoring?').fill(SECRET_GOALS);
      await page.getByRole('checkbox', { name: 'Video' }).check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectBanner(page, 'Your mentee profile has been saved');

      await page.getByRole('link', { name: 'Change what you are open to' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your preferences for a mentor' }).waitFor();
      await check(page, 'preferences');
      await page.getByRole('checkbox', { name: /open to peer mentoring/ }).check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expectBanner(page, 'Your mentee profile has been saved');
      await check(page, 'complete mentee profile');

      // 2. The application: their own email as the line manager's first.
      await page.goto(`/programmes/${programme.id}/mentee-application`);
      await page.getByRole('heading', { level: 1, name: 'Check your answers before applying' }).waitFor();
      await check(page, 'check your answers');
      await page.getByLabel("Your line manager's full name").fill('Morag Campbell');
      await page.getByLabel("Your line manager's work email address").fill(mentee.email);
      await page.getByRole('button', { name: 'Submit application' }).click();
      await expectErrorSummary(page, 'Your line manager cannot be you');
      assert.equal(await page.getByLabel("Your line manager's full name").inputValue(), 'Morag Campbell');
      await check(page, 'check your answers with errors');
      await page.getByLabel("Your line manager's work email address").fill(managerEmail);
      await page.getByRole('button', { name: 'Submit application' }).click();
      await expectBanner(page, 'We have asked your line manager');
      await page.getByText('Waiting for line manager').first().waitFor();
      await check(page, 'application waiting for the line manager');

      // 3. The line manager: a new browser with no session, the link from the outbox.
      const lm = await newPage(env, { javaScript });
      const email = await openLatestEmail(lm.page, managerEmail);
      assert.ok(!email.includes(SECRET_GOALS), 'the email does not carry the goals');
      const link = /(http:\/\/127\.0\.0\.1:\d+\/line-manager\/respond\?token=[\w-]+)/.exec(email)?.[1];
      assert.ok(link, 'the email has the link');
      await lm.page.goto(link);
      await lm.page.getByRole('heading', { level: 1, name: `${mentee.fullName} has asked for your support for mentoring` }).waitFor();
      await lm.page.getByText(programme.name).first().waitFor();
      assert.ok(!(await lm.page.content()).includes(SECRET_GOALS), 'the line manager never sees the goals');
      await check(lm.page, 'line manager page');
      await lm.page.getByRole('radio', { name: 'No, I do not support it' }).check();
      await lm.page.getByRole('button', { name: 'Send your answer' }).click();
      await expectErrorSummary(lm.page, 'Enter a reason');
      await check(lm.page, 'line manager page with errors');
      await lm.page.getByRole('radio', { name: 'Yes, I support this application and will give them time for it' }).check();
      await lm.page.getByRole('button', { name: 'Send your answer' }).click();
      await lm.page.getByRole('heading', { name: 'Thank you for your answer' }).waitFor();
      await lm.page.getByRole('heading', { name: 'What happens next' }).waitFor();
      await check(lm.page, 'line manager confirmation');
      const cookies = await lm.context.cookies();
      assert.ok(!cookies.some((cookie) => cookie.name === 'mh_session'), 'the line manager has no session');

      // 4. The programme admin approves from the queue, no decision first.
      const ad = await newPage(env, { javaScript });
      await signIn(ad.page, admin.email);
      await ad.page.goto(`/admin/programmes/${programme.id}`);
      await ad.page.getByRole('link', { name: 'Review mentee applications' }).click();
      await ad.page.getByRole('heading', { level: 1, name: 'Mentee applications' }).waitFor();
      await check(ad.page, 'mentee queue');
      await ad.page.getByRole('link', { name: mentee.fullName }).click();
      await ad.page.getByRole('heading', { level: 1, name: `${mentee.fullName}'s application` }).waitFor();
      await ad.page.getByText(SECRET_GOALS).waitFor();
      await check(ad.page, 'applicant');
      await ad.page.getByRole('button', { name: 'Save decision' }).click();
      await expectErrorSummary(ad.page, 'Select a decision');
      await check(ad.page, 'applicant with errors');
      await ad.page.getByRole('radio', { name: 'Approve', exact: true }).check();
      await ad.page.getByRole('button', { name: 'Save decision' }).click();
      await expectBanner(ad.page, 'Application approved');
      await check(ad.page, 'applicant approved');

      // 5. The mentee's home page shows it approved; the used link says so.
      await page.goto('/');
      await page.getByRole('heading', { name: 'Your mentee applications' }).waitFor();
      const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: programme.name }) });
      await item.getByText('Approved', { exact: true }).waitFor();
      await item.getByText('You have a place as a mentee on this programme.').waitFor();
      await check(page, 'mentee home');
      await lm.page.goto(link);
      await lm.page.getByRole('heading', { level: 1, name: 'This link has already been used' }).waitFor();
      await check(lm.page, 'used link');

      for (const [label, found] of [['mentee', problems], ['line manager', lm.problems], ['admin', ad.problems]] as const) {
        assert.deepEqual(found, [], `no console errors or CSP violations (${label})`);
      }
      await Promise.all([context.close(), lm.context.close(), ad.context.close()]);
    });
  });
}

describe('the other mentee pages pass axe', () => {
  test('closed programme, declined and more-information applications, a 409, preferences errors, expired and unknown links', async () => {
    const t = env.t;
    const mentee = await buildUser(t.db, { email: 'other.pages.mentee@example.nhs.uk' });
    await buildMenteeProfile(t.db, mentee.id);
    const closed = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true, isOpen: false });
    await addMembership(t.db, mentee.id, closed.id, 'mentor');
    const declined = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
    const moreInfo = await buildProgrammeWithSteps(t.db, { lineManager: false, admin: true });
    const expired = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });

    const { page, context, problems } = await newPage(env, { javaScript: true });
    await signIn(page, mentee.email);
    const apply = async (programmeId: string, managerEmail?: string) => {
      await page.goto(`/programmes/${programmeId}/mentee-application`);
      if (managerEmail) {
        await page.getByLabel("Your line manager's full name").fill('Alex Morgan');
        await page.getByLabel("Your line manager's work email address").fill(managerEmail);
      }
      await page.getByRole('button', { name: 'Submit application' }).click();
    };

    await page.goto(`/programmes/${closed.id}/mentee-application`);
    await page.getByRole('heading', { level: 1, name: 'This programme is not taking applications' }).waitFor();
    await expectAccessible(page, 'closed programme');

    await apply(declined.id, 'declining.manager@example.nhs.uk');
    const declineLink = await latestLineManagerLink(t.db, 'declining.manager@example.nhs.uk');
    const lm = await newPage(env, { javaScript: true });
    await lm.page.goto(declineLink);
    await lm.page.getByRole('radio', { name: 'No, I do not support it' }).check();
    await lm.page.getByLabel('If you do not support it, tell us why').fill('Not this quarter');
    await lm.page.getByRole('button', { name: 'Send your answer' }).click();
    await lm.page.getByRole('heading', { name: 'Thank you for your answer' }).waitFor();
    await expectAccessible(lm.page, 'line manager confirmation (not supported)');
    await page.goto(`/programmes/${declined.id}/mentee-application`);
    await page.getByText('Not this quarter').waitFor();
    await expectAccessible(page, 'declined application');
    await page.getByRole('button', { name: 'Send to this line manager' }).click();
    await expectErrorSummary(page, "Enter your line manager's name");
    await expectAccessible(page, 'declined application with errors');

    await apply(moreInfo.id);
    const admin = await buildUser(t.db, { email: 'other.pages.admin@example.nhs.uk' });
    await addMembership(t.db, admin.id, moreInfo.id, 'programme_admin');
    const ad = await newPage(env, { javaScript: true });
    await signIn(ad.page, admin.email);
    await ad.page.goto(`/admin/programmes/${moreInfo.id}/mentee-applications`);
    await ad.page.getByRole('link', { name: mentee.fullName }).click();
    const applicantUrl = ad.page.url();
    await ad.page.getByRole('radio', { name: 'Ask for more information' }).check();
    await ad.page.getByLabel('If you ask for more information, what you need').fill('Which course did you finish?');
    await ad.page.getByRole('button', { name: 'Save decision' }).click();
    await ad.page.getByRole('heading', { name: 'Request for more information sent' }).waitFor();
    await page.goto(`/programmes/${moreInfo.id}/mentee-application`);
    await page.getByText('Which course did you finish?').waitFor();
    await expectAccessible(page, 'more information requested');
    // A second admin's stale page: the decision is refused with a 409 and a clear message.
    await page.getByRole('button', { name: 'Send your application again' }).click();
    await page.getByRole('heading', { name: 'Your application has been sent' }).waitFor();
    await ad.page.goto(applicantUrl);
    const second = await newPage(env, { javaScript: true });
    const otherAdmin = await buildUser(t.db, { email: 'other.pages.admin2@example.nhs.uk' });
    await addMembership(t.db, otherAdmin.id, moreInfo.id, 'programme_admin');
    await signIn(second.page, otherAdmin.email);
    await second.page.goto(applicantUrl);
    await ad.page.getByRole('radio', { name: 'Approve', exact: true }).check();
    await ad.page.getByRole('button', { name: 'Save decision' }).click();
    await ad.page.getByRole('heading', { name: 'Application approved' }).waitFor();
    await second.page.getByRole('radio', { name: 'Approve', exact: true }).check();
    await second.page.getByRole('button', { name: 'Save decision' }).click();
    await second.page.getByRole('heading', { name: /Another admin decided this application/ }).waitFor();
    await expectAccessible(second.page, 'decision refused: another admin decided');

    await page.goto('/profile/mentee/preferences');
    await page.getByLabel('Anything else you would like in a mentor (optional)').fill('x'.repeat(1001));
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectErrorSummary(page, /1,000 characters or fewer/);
    await expectAccessible(page, 'preferences with errors');

    await apply(expired.id, 'slow.manager@example.nhs.uk');
    const slowLink = await latestLineManagerLink(t.db, 'slow.manager@example.nhs.uk');
    await t.db.updateTable('line_manager_requests').set({ expires_at: new Date(Date.now() - 60_000) }).where('manager_email', '=', 'slow.manager@example.nhs.uk').execute();
    await lm.page.goto(slowLink);
    await lm.page.getByRole('heading', { level: 1, name: 'This link has expired' }).waitFor();
    await expectAccessible(lm.page, 'expired link');
    await lm.page.goto('/line-manager/respond?token=not-a-real-token');
    await lm.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    await expectAccessible(lm.page, 'unknown link');

    for (const found of [problems, lm.problems, ad.problems, second.problems]) assert.deepEqual(found, []);
    await Promise.all([context.close(), lm.context.close(), ad.context.close(), second.context.close()]);
  });
});
