// Chemistry meetings in a real browser, with and without JavaScript: the mentee invites a mentor
// from their profile page (an empty form first), invites a second, and is told they have none
// left; the second mentor declines (no reason first); the first accepts with a proposed time (bad
// date first); both see each other's contact details; each writes a private reflection; the mentee
// chooses and the mentor confirms (no answer first), and the relationship exists. Every page and
// error state is checked with axe when JavaScript is on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SECRET_DECLINE, SECRET_MESSAGE, SECRET_REFLECTION, buildChemistryProgramme, buildMentee, buildMentor } from '../src/features/invitations/testing.ts';
import { expectAccessible, newPage, startBrowserTestEnv, type BrowserTestEnv } from './support/browser.ts';
import { dateParts, expectBanner, expectErrorSummary } from './support/chemistry.ts';
import { signIn } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());

for (const javaScript of [true, false]) {
  describe(`chemistry meetings with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('invite, decline, accept, contact details, reflections, choose and confirm; the limit', async () => {
      const check = async (page: Page, label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const t = env.t;
      const programme = await buildChemistryProgramme(t, { maxOpen: 2 });
      const sam = await buildMentor(t, programme.id, { fullName: 'Sam Patel', contactEmail: `sam.contact.${javaScript}@example.nhs.uk`, contactPhone: '01632 960 001' });
      const priya = await buildMentor(t, programme.id, { fullName: 'Priya Shah' });
      const third = await buildMentor(t, programme.id, { fullName: 'Tom Baker' });
      const alex = await buildMentee(t, programme.id, { fullName: 'Alex Morgan', phone: '07700 900 982' });
      await t.app.deps.search.refreshMentors([sam.user.id, priya.user.id, third.user.id]);

      // 1. The mentee invites Sam from his profile page, an empty form first.
      const { page, context, problems } = await newPage(env, { javaScript });
      await signIn(page, alex.user.email);
      await page.goto(`/programmes/${programme.id}/mentors/${sam.user.id}`);
      await page.getByRole('button', { name: 'Invite to a chemistry meeting' }).click();
      await page.getByRole('heading', { level: 1, name: 'Invite Sam Patel to a chemistry meeting' }).waitFor();
      await page.getByText('You can have 2 open invitations at a time. You have 2 left.').waitFor();
      await check(page, 'invite');
      await page.getByLabel('When suits you (optional)').fill('Tuesday afternoons');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expectErrorSummary(page, 'Enter a message');
      await expectErrorSummary(page, 'Choose at least one meeting mode');
      assert.equal(await page.getByLabel('When suits you (optional)').inputValue(), 'Tuesday afternoons', 'what was typed is kept');
      await check(page, 'invite with errors');
      await page.getByLabel('Your message to Sam Patel').fill(SECRET_MESSAGE);
      await page.getByRole('checkbox', { name: 'Video' }).check();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expectBanner(page, 'Invitation sent');
      await page.getByRole('heading', { level: 1, name: 'Chemistry meeting with Sam Patel' }).waitFor();
      await check(page, 'invitation sent');

      // 2. A second invitation uses the last place; a third mentor cannot be invited.
      await page.goto(`/programmes/${programme.id}/mentors/${priya.user.id}/invite`);
      await page.getByLabel('Your message to Priya Shah').fill('I would value your view on moving into management');
      await page.getByRole('checkbox', { name: 'Phone' }).check();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expectBanner(page, 'Invitation sent');
      await page.goto(`/programmes/${programme.id}/mentors/${third.user.id}/invite`);
      await page.getByText('You can have 2 open invitations at a time. You have none left.').waitFor();
      await page.getByRole('heading', { name: 'You cannot invite anyone else yet' }).waitFor();
      await check(page, 'invite at the limit');

      // 3. Priya declines: no reason first, then a reason and a kind message.
      const pr = await newPage(env, { javaScript });
      await signIn(pr.page, priya.user.email);
      await pr.page.getByRole('link', { name: 'Alex Morgan' }).click();
      await pr.page.getByRole('heading', { level: 1, name: 'Chemistry meeting with Alex Morgan' }).waitFor();
      await check(pr.page, 'invitation to answer');
      await pr.page.getByRole('button', { name: 'Decline' }).click();
      await pr.page.getByRole('heading', { level: 1, name: 'Decline the invitation from Alex Morgan' }).waitFor();
      await check(pr.page, 'decline');
      await pr.page.getByLabel('A message to Alex Morgan (optional)').fill(SECRET_DECLINE);
      await pr.page.getByRole('button', { name: 'Decline' }).click();
      await expectErrorSummary(pr.page, 'Choose a reason');
      await check(pr.page, 'decline with errors');
      await pr.page.getByRole('radio', { name: 'I have no capacity at the moment' }).check();
      await pr.page.getByRole('button', { name: 'Decline' }).click();
      await expectBanner(pr.page, 'Declined');
      await check(pr.page, 'declined');

      // 4. Sam accepts with a proposed time: a date in the past first.
      const sm = await newPage(env, { javaScript });
      await signIn(sm.page, sam.user.email);
      await sm.page.getByRole('link', { name: 'Alex Morgan' }).click();
      await sm.page.getByText(SECRET_MESSAGE).waitFor();
      await sm.page.getByRole('button', { name: 'Accept and propose a time' }).click();
      await sm.page.getByRole('heading', { level: 1, name: 'Accept and propose a time' }).waitFor();
      await check(sm.page, 'accept');
      const [pastDay, pastMonth, pastYear] = dateParts(-3);
      await sm.page.getByLabel('Day').fill(pastDay);
      await sm.page.getByLabel('Month').fill(pastMonth);
      await sm.page.getByLabel('Year').fill(pastYear);
      await sm.page.getByLabel('Time', { exact: true }).fill('2:30pm');
      await sm.page.getByRole('radio', { name: 'Video' }).check();
      await sm.page.getByRole('button', { name: 'Accept' }).click();
      await expectErrorSummary(sm.page, 'Date of the meeting must be today or in the future');
      assert.equal(await sm.page.getByLabel('Time', { exact: true }).inputValue(), '2:30pm');
      await check(sm.page, 'accept with errors');
      const [day, month, year] = dateParts(7);
      await sm.page.getByLabel('Day').fill(day);
      await sm.page.getByLabel('Month').fill(month);
      await sm.page.getByLabel('Year').fill(year);
      await sm.page.getByRole('button', { name: 'Accept' }).click();
      await expectBanner(sm.page, 'You have accepted');
      await sm.page.getByText(alex.user.email).waitFor();
      await sm.page.getByText('07700 900 982').waitFor();
      await check(sm.page, 'accepted, with contact details');

      // 5. The mentee sees Sam's contact details and Priya's kind message (never her reason).
      await page.goto('/');
      await page.getByRole('link', { name: 'Priya Shah' }).click();
      await page.getByText(SECRET_DECLINE).waitFor();
      assert.ok(!(await page.content()).includes('no capacity'), 'the reason is for admins only');
      await check(page, 'declined invitation');
      await page.goto('/');
      await check(page, 'mentee home');
      await page.getByRole('link', { name: 'Sam Patel' }).click();
      await page.getByText(`sam.contact.${javaScript}@example.nhs.uk`).waitFor();
      await page.getByText('01632 960 001').waitFor();
      await check(page, 'accepted invitation');

      // 6. They meet; each writes a private reflection (the mentee submits an empty one first).
      await page.getByRole('button', { name: 'We have met' }).click();
      await expectBanner(page, 'Meeting marked as held');
      await page.getByRole('link', { name: 'Write your private reflection' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your private reflection' }).waitFor();
      await check(page, 'reflection');
      await page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectErrorSummary(page, 'Enter your reflection');
      await check(page, 'reflection with errors');
      await page.getByLabel('Your reflection').fill(SECRET_REFLECTION);
      await page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectBanner(page, 'Your reflection has been saved');
      await sm.page.reload();
      await sm.page.getByRole('link', { name: 'Write your private reflection' }).click();
      assert.equal(await sm.page.getByLabel('Your reflection').inputValue(), '', 'Sam never sees Alex\'s reflection');
      await sm.page.getByLabel('Your reflection').fill('Thoughtful and clear about what they want');
      await sm.page.getByRole('button', { name: 'Save your reflection' }).click();
      await expectBanner(sm.page, 'Your reflection has been saved');
      await check(sm.page, 'met, mentor side');

      // 7. The mentee chooses Sam; Sam confirms (no answer first).
      await page.getByRole('button', { name: 'Continue with Sam Patel', exact: true }).click();
      await expectBanner(page, 'We have asked Sam Patel to confirm');
      await page.getByText('Waiting for them to confirm').waitFor();
      await check(page, 'chosen, waiting for the mentor');
      await sm.page.goto('/');
      await sm.page.getByRole('link', { name: 'Alex Morgan' }).first().click();
      await sm.page.getByRole('button', { name: 'Answer Alex Morgan' }).click();
      await sm.page.getByRole('heading', { level: 1, name: "Will you be Alex Morgan's mentor?" }).waitFor();
      await check(sm.page, 'confirm');
      await sm.page.getByRole('button', { name: 'Send your answer' }).click();
      await expectErrorSummary(sm.page, 'Choose whether you will be their mentor');
      await check(sm.page, 'confirm with errors');
      await sm.page.getByRole('radio', { name: 'Yes, I will be their mentor' }).check();
      await sm.page.getByRole('button', { name: 'Send your answer' }).click();
      await expectBanner(sm.page, 'Mentoring has started');
      await check(sm.page, 'mentoring started');

      const relationships = await t.db.selectFrom('relationships').select(['mentor_id', 'status', 'phase']).where('mentee_id', '=', alex.user.id).execute();
      assert.deepEqual(relationships, [{ mentor_id: sam.user.id, status: 'active', phase: 'building_rapport' }]);
      await page.goto('/');
      await page.getByText('Your mentor is').waitFor();
      await check(page, 'mentee home with a mentor');
      await sm.page.goto('/');
      await sm.page.getByRole('list', { name: `Your mentees on ${programme.name}` }).getByRole('link', { name: 'Alex Morgan' }).waitFor();
      await check(sm.page, 'mentor home with a mentee');

      for (const [label, found] of [['mentee', problems], ['Priya', pr.problems], ['Sam', sm.problems]] as const) {
        assert.deepEqual(found, [], `no console errors or CSP violations (${label})`);
      }
      await Promise.all([context.close(), pr.context.close(), sm.context.close()]);
    });
  });
}
