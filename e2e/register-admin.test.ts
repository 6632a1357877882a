// The register's administration and the pages around it, in a real browser with and without
// JavaScript: as a platform admin, edit a programme's settings (bad input first), add a language
// (a duplicate first), rename, retire and restore it, add an ICS without a region, change the code
// of ethics (bad input first); as a signed-in person, browse the programmes, open one, and answer,
// change and clear the equality monitoring questions. axe checks every page and error state when
// JavaScript is on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { buildProgramme, buildUser } from '../test/support/builders.ts';
import { expectAccessible, newPage, startBrowserTestEnv, type BrowserTestEnv, signIn } from './support/browser.ts';

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

function radioIn(page: Page, question: string, answer: string) {
  return page.getByRole('group', { name: question, exact: true }).getByRole('radio', { name: answer, exact: true });
}

for (const javaScript of [true, false]) {
  const suffix = javaScript ? 'JS' : 'no JS';

  describe(`register administration with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('programme settings, taxonomies and the code of ethics', async () => {
      const { page, context, problems } = await newPage(env, { javaScript });
      const check = async (label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const admin = await buildUser(env.t.db, { isPlatformAdmin: true });
      const programme = await buildProgramme(env.t.db, { name: `Sheffield reverse mentoring (${suffix})`, isOpen: false });
      await signIn(page, admin.email, { password: admin.password });

      // 1. Programme settings: a reminder later than the expiry and no name, then valid settings.
      await page.getByRole('banner').getByRole('link', { name: 'Manage programmes', exact: true }).click();
      await page.getByRole('link', { name: programme.name }).click();
      await page.getByRole('heading', { level: 1, name: programme.name }).waitFor();
      await page.getByRole('link', { name: 'Change settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Programme settings' }).waitFor();
      await check('programme settings');

      await page.getByLabel('Programme name').fill('');
      await page.getByLabel('Remind a mentor about an unanswered invitation after').fill('9');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectErrorSummary(page, 'Enter the programme name');
      await expectErrorSummary(page, 'Reminder must be sooner than expiry for chemistry invitations');
      assert.equal(await page.getByLabel('Remind a mentor about an unanswered invitation after').inputValue(), '9', 'what was typed is kept');
      await check('programme settings with errors');

      const newName = `Sheffield reverse and peer mentoring (${suffix})`;
      await page.getByLabel('Programme name').fill(newName);
      await page.getByLabel('Who can apply (optional)').fill('Anyone working in health or care in South Yorkshire.');
      await page.getByRole('checkbox', { name: 'Peer' }).check();
      await radioIn(page, 'Is the programme open for applications?', 'Yes').check();
      await radioIn(page, 'Do mentees need their line manager’s support?', 'No').check();
      await page.getByLabel('Open chemistry invitations per mentee').fill('2');
      await page.getByLabel('Remind a mentor about an unanswered invitation after').fill('2');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectSuccess(page, 'Programme settings saved');
      await page.getByRole('heading', { level: 1, name: newName }).waitFor();
      await page.getByText('Anyone working in health or care in South Yorkshire.').waitFor();
      await page.getByText('traditional, peer').waitFor();
      await check('programme page after saving settings');

      // 2. Taxonomies: add a language (a duplicate first), rename, retire and restore it.
      await page.getByRole('banner').getByRole('link', { name: 'Taxonomies', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Taxonomies' }).waitFor();
      await check('taxonomies');
      await page.getByRole('link', { name: 'Languages' }).click();
      await page.getByRole('heading', { level: 1, name: 'Languages' }).waitFor();
      await check('languages');

      await page.getByLabel('Name of the new language').fill('english');
      await page.getByRole('button', { name: 'Add language' }).click();
      await expectErrorSummary(page, 'A term with this name already exists');
      assert.equal(await page.getByLabel('Name of the new language').inputValue(), 'english');
      await check('add a duplicate language');

      const language = javaScript ? 'Cornish' : 'Manx';
      const renamed = javaScript ? 'Kernewek' : 'Gaelg';
      await page.getByLabel('Name of the new language').fill(language);
      await page.getByRole('button', { name: 'Add language' }).click();
      await expectSuccess(page, `${language} added`);
      await page.getByRole('row', { name: new RegExp(`^${language} `) }).getByText('Active').waitFor();
      await check('languages after adding');

      await page.getByRole('link', { name: `Rename ${language}` }).click();
      await page.getByRole('heading', { level: 1, name: `Rename ${language}` }).waitFor();
      await check('rename a language');
      await page.getByLabel('New name').fill('');
      await page.getByRole('button', { name: 'Save name' }).click();
      await expectErrorSummary(page, 'Enter the name of the language');
      await check('rename with errors');
      await page.getByLabel('New name').fill(renamed);
      await page.getByRole('button', { name: 'Save name' }).click();
      await expectSuccess(page, `${language} renamed to ${renamed}`);

      await page.getByRole('button', { name: `Retire ${renamed}` }).click();
      await expectSuccess(page, `${renamed} retired`);
      await page.getByRole('row', { name: new RegExp(`^${renamed} `) }).getByText('Retired').waitFor();
      await check('languages with a retired term');
      await page.getByRole('button', { name: `Restore ${renamed}` }).click();
      await expectSuccess(page, `${renamed} restored`);
      await page.getByRole('row', { name: new RegExp(`^${renamed} `) }).getByText('Active').waitFor();

      // An ICS needs its region.
      await page.goto('/admin/taxonomies/ics');
      await page.getByRole('heading', { level: 1, name: 'Integrated care systems' }).waitFor();
      await check('integrated care systems');
      const ics = `South Yorkshire (${suffix})`;
      await page.getByLabel('Name of the new integrated care system').fill(ics);
      await page.getByRole('button', { name: 'Add integrated care system' }).click();
      await expectErrorSummary(page, 'Select the region this integrated care system is in');
      await check('add an ICS without a region');
      await page.getByLabel('Region').selectOption({ label: 'North East and Yorkshire' });
      await page.getByRole('button', { name: 'Add integrated care system' }).click();
      await expectSuccess(page, `${ics} added`);
      await page.getByRole('row', { name: new RegExp(`^${ics.replace(/[()]/g, '\\$&')} North East and Yorkshire`) }).waitFor();

      // 3. The code of ethics.
      await page.getByRole('banner').getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await check('settings');
      await page.getByLabel('Name of the code of ethics').fill('');
      await page.getByLabel('Link to the full code').fill('not a link');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectErrorSummary(page, 'Enter the name of the code of ethics');
      await expectErrorSummary(page, /Enter a full web address/);
      assert.equal(await page.getByLabel('Link to the full code').inputValue(), 'not a link');
      await check('settings with errors');
      await page.getByLabel('Name of the code of ethics').fill(`Global Code of Ethics (${suffix})`);
      await page.getByLabel('Link to the full code').fill('https://www.example.org/code-of-ethics');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectSuccess(page, 'Settings saved');
      assert.equal(await page.getByLabel('Name of the code of ethics').inputValue(), `Global Code of Ethics (${suffix})`);

      assert.deepEqual(problems, [], 'no console errors or CSP violations');
      await context.close();
    });

    test('programmes and equality monitoring for a signed-in person', async () => {
      const { page, context, problems } = await newPage(env, { javaScript });
      const check = async (label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };
      const person = await buildUser(env.t.db);
      const open = await buildProgramme(env.t.db, { name: `Derby peer support mentoring (${suffix})`, mentoringTypes: ['traditional', 'reverse'], isOpen: true });
      const closed = await buildProgramme(env.t.db, { name: `Closed pilot (${suffix})`, isOpen: false });
      await signIn(page, person.email, { password: person.password });

      // 1. Programmes: the list has the open one only; its page explains it and links to applying.
      await page.getByRole('banner').getByRole('link', { name: 'Programmes', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
      assert.equal(await page.getByRole('link', { name: closed.name }).count(), 0, 'a programme that is not open is not listed');
      await check('programmes');
      await page.getByRole('link', { name: open.name }).click();
      await page.getByRole('heading', { level: 1, name: open.name }).waitFor();
      await page.getByText('A more junior colleague mentors a senior one', { exact: false }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Join the register as a mentor' }).getAttribute('href'), `/programmes/${open.id}/mentor-application`);
      assert.equal(await page.getByRole('button', { name: 'Apply for mentoring' }).getAttribute('href'), `/programmes/${open.id}/mentee-application`);
      await check('a programme');

      // 2. Equality monitoring, from the account page: save, change, clear.
      await page.getByRole('link', { name: person.fullName }).click();
      await page.getByRole('link', { name: 'Answer or change the equality monitoring questions' }).click();
      await page.getByRole('heading', { level: 1, name: 'Equality monitoring' }).waitFor();
      await page.getByText('Nobody sees your individual answers', { exact: false }).waitFor();
      await check('equality monitoring');

      if (javaScript) {
        // The only bad input is a forged answer: make one, to check the error state too.
        await page.evaluate('document.getElementById("age").value = "99_plus"');
        await radioIn(page, 'What is your age?', '16 to 24').check();
        await page.getByRole('button', { name: 'Save my answers' }).click();
        await expectErrorSummary(page, 'Select your age group from the list');
        await check('equality monitoring with errors');
      }

      await radioIn(page, 'What is your age?', '25 to 34').check();
      await page.getByRole('radio', { name: 'Indian', exact: true }).check();
      await radioIn(page, 'What is your religion?', 'Prefer not to say').check();
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await expectSuccess(page, 'Your answers have been saved');
      assert.equal(await radioIn(page, 'What is your age?', '25 to 34').isChecked(), true);
      assert.equal(await page.getByRole('radio', { name: 'Indian', exact: true }).isChecked(), true);
      await check('equality monitoring with answers');

      await radioIn(page, 'What is your age?', '35 to 44').check();
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await expectSuccess(page, 'Your answers have been saved');
      assert.equal(await radioIn(page, 'What is your age?', '35 to 44').isChecked(), true);
      const stored = await env.t.db.selectFrom('equality_responses').select('answers').where('user_id', '=', person.id).executeTakeFirstOrThrow();
      assert.deepEqual(stored.answers, { age: '35_44', ethnicity: 'asian_indian', religion: 'prefer_not_to_say' });

      await page.getByRole('button', { name: 'Clear my answers' }).click();
      await expectSuccess(page, 'Your answers have been cleared');
      assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Clear my answers' }).count(), 0);
      await check('equality monitoring after clearing');
      const none = await env.t.db.selectFrom('equality_responses').select('user_id').where('user_id', '=', person.id).execute();
      assert.equal(none.length, 0);

      assert.deepEqual(problems, [], 'no console errors or CSP violations');
      await context.close();
    });
  });
}
