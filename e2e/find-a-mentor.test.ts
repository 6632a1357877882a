// Finding a mentor in a real browser, with and without JavaScript: an approved mentee searches,
// filters (the choice kept in the address), reads why each mentor fits, meets the empty state and
// its "remove this filter" links, shortlists a mentor and comes back to the same page, opens a
// profile (no contact details) and posts that they are seeking a mentor (bad input first); a mentor
// of the programme browses and filters the posts. Every page and state is checked with axe when
// JavaScript is on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildProgramme } from '../test/support/builders.ts';
import { approvedMentee, approvedMentor, indexed } from '../src/features/search/testing.ts';
import { expectAccessible, newPage, startBrowserTestEnv, type BrowserTestEnv, signIn } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());


for (const javaScript of [true, false]) {
  describe(`finding a mentor with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('search, filter, reasons, empty results, shortlist, profile, a seeking post; a mentor browses posts', async () => {
      const check = async (page: Page, label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const t = env.t;
      const suffix = javaScript ? 'Js' : 'Plain';
      const programme = await buildProgramme(t.db, { name: `Find a mentor ${suffix} programme`, mentoringTypes: ['traditional', 'peer'] });
      const welsh = await approvedMentor(t, programme.id, {
        fullName: `Carys Evans ${suffix}`, jobTitle: 'Head of nursing', region: 'wales', helpAreas: ['career_progression', 'confidence_resilience'],
        bio: 'I help nurses into their first leadership roles.', contactEmail: `carys.${suffix.toLowerCase()}@example.nhs.uk`,
      });
      const london = await approvedMentor(t, programme.id, { fullName: `Dev Patel ${suffix}`, jobTitle: 'Consultant pharmacist', profession: 'pharmacy', region: 'london' });
      const mentorWhoBrowses = await approvedMentor(t, programme.id, { fullName: `Morag Reid ${suffix}`, region: 'scotland' });
      await indexed(t, welsh, london, mentorWhoBrowses);
      const { user: mentee } = await approvedMentee(t, programme.id, { fullName: `Ama Mensah ${suffix}` });
      const search = `/programmes/${programme.id}/find-a-mentor`;

      // 1. Search with the mentee's profile, then filter.
      const { page, context, problems } = await newPage(env, { javaScript });
      await signIn(page, mentee.email);
      await page.goto(search);
      await page.getByRole('heading', { level: 1, name: 'Find a mentor' }).waitFor();
      await page.getByRole('heading', { name: '3 mentors match' }).waitFor();
      await page.getByText('helps with career progression — your area').first().waitFor();
      await check(page, 'search results');
      await page.getByLabel('Region').selectOption({ label: 'Wales' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('heading', { name: '1 mentor matches' }).waitFor();
      assert.match(page.url(), /region=wales/);
      assert.equal(await page.getByLabel('Region').inputValue(), 'wales', 'the filter stays chosen');
      await page.getByRole('link', { name: welsh.fullName }).waitFor();
      await page.getByText('also in nursing').waitFor();
      await check(page, 'filtered results');

      // 2. Nothing matches: say so and offer to drop one filter.
      await page.getByLabel('Search by keyword').fill('orthoptics');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('heading', { name: '0 mentors match' }).waitFor();
      await page.getByText('No mentors match your search and filters').waitFor();
      await check(page, 'no results');
      await page.getByRole('link', { name: /^Remove the search words filter — 1 mentor$/ }).click();
      await page.getByRole('heading', { name: '1 mentor matches' }).waitFor();

      // 3. Shortlist from the results and come back to the same page.
      const here = page.url();
      await page.getByRole('button', { name: `Shortlist ${welsh.fullName}` }).click();
      await page.getByRole('button', { name: `Remove from shortlist ${welsh.fullName}` }).waitFor();
      assert.equal(page.url(), here, 'back on the same search');
      await check(page, 'results with a shortlisted mentor');
      await page.getByRole('link', { name: 'Your shortlist' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your shortlist' }).waitFor();
      await page.getByText('Has room for 2 more mentees').waitFor();
      await check(page, 'shortlist');

      // 4. The profile: what they offer, no contact details, the way to invite.
      await page.getByRole('link', { name: welsh.fullName }).click();
      await page.getByRole('heading', { level: 1, name: welsh.fullName }).waitFor();
      await page.getByText('I help nurses into their first leadership roles.').waitFor();
      assert.ok(!(await page.content()).includes(`carys.${suffix.toLowerCase()}@example.nhs.uk`), 'no contact details');
      const invite = page.getByRole('button', { name: 'Invite to a chemistry meeting' }).or(page.getByRole('link', { name: 'Invite to a chemistry meeting' }));
      assert.equal(await invite.getAttribute('href'), `/programmes/${programme.id}/mentors/${welsh.id}/invite`);
      await check(page, 'mentor profile');

      // 5. A "seeking a mentor" post, bad input first.
      await page.goto(search);
      await page.getByRole('link', { name: 'Post that you are seeking a mentor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Post that you are seeking a mentor' }).waitFor();
      await check(page, 'seeking post form');
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      assert.match(await page.title(), /^Error: /);
      await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: 'Enter what you are looking for in a mentor' }).waitFor();
      await check(page, 'seeking post form with errors');
      await page.getByLabel('What are you looking for in a mentor?').fill(`A mentor who moved from ward nursing into management (${suffix}).`);
      await page.getByRole('checkbox', { name: 'Video' }).check();
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page.getByRole('heading', { name: 'Your post is up' }).waitFor();
      await check(page, 'open seeking post');

      // 6. A mentor of the programme browses and filters the posts.
      const mentor = await newPage(env, { javaScript });
      await signIn(mentor.page, mentorWhoBrowses.email);
      await mentor.page.goto(`/programmes/${programme.id}/seeking?mode=video`);
      await mentor.page.getByRole('heading', { level: 1, name: 'Mentees seeking a mentor' }).waitFor();
      await mentor.page.getByText(`A mentor who moved from ward nursing into management (${suffix}).`).waitFor();
      await mentor.page.getByRole('heading', { name: 'Ama, Ward sister' }).waitFor();
      assert.equal(await mentor.page.getByLabel('Meeting mode').inputValue(), 'video');
      await mentor.page.getByRole('button', { name: /^Offer a chemistry meeting to Ama/ }).waitFor();
      await check(mentor.page, 'seeking posts');

      for (const [label, found] of [['mentee', problems], ['mentor', mentor.problems]] as const) {
        assert.deepEqual(found, [], `no console errors or CSP violations (${label})`);
      }
      await Promise.all([context.close(), mentor.context.close()]);
    });
  });
}
