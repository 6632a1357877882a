// The admin journey in a real browser, with and without JavaScript: first-run setup of the
// platform admin (JavaScript on; once per installation), then as a platform admin create a
// programme (bad input first), appoint and remove a programme admin (an unknown email first),
// and as that programme admin open the programme from the home page and be refused the admin
// list. Every page and error state is checked with axe when JavaScript is on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { issueSetupCode } from '../src/features/setup/service.ts';
import { buildUser, DEFAULT_PASSWORD } from '../test/support/builders.ts';
import { expectAccessible, newPage, openLatestEmail, startBrowserTestEnv, type BrowserTestEnv, signIn, signOut } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv({ firstRun: true });
});
after(async () => env.close());



/** The success banner's heading, as a screen reader user would hear it announced. */
async function expectSuccess(page: Page, title: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: 'Success' }).getByRole('heading', { name: title }).waitFor();
}

async function expectErrorSummary(page: Page, message: string | RegExp): Promise<void> {
  assert.match(await page.title(), /^Error: /);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.getByRole('link', { name: message }).waitFor();
}

// JavaScript on runs first: it sets the installation up, so the run without JavaScript signs in
// as a platform admin made directly in the database.
for (const javaScript of [true, false]) {
  describe(`admin journey with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test(`${javaScript ? 'set up, ' : ''}create a programme, appoint and remove its admin, sign in as that admin`, async () => {
      const { page, context, problems } = await newPage(env, { javaScript });
      const suffix = javaScript ? 'JS' : 'no JS';
      const check = async (label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };

      // 1. As the platform admin: first-run setup with JavaScript, a made-up admin without.
      let adminName: string;
      if (javaScript) {
        adminName = 'Priya Natarajan';
        await page.goto('/');
        await page.getByRole('heading', { level: 1, name: 'Create the platform admin account' }).waitFor();
        assert.match(new URL(page.url()).pathname, /^\/setup$/);
        await check('setup');
        const setupCode = await issueSetupCode(env.t.db);
        assert.ok(setupCode, 'the installation is not set up yet, so there is a setup code');

        await page.getByLabel('Setup code').fill('AAAA-BBBB-CCCC');
        await page.getByLabel('Full name').fill(adminName);
        await page.getByLabel('Email address').fill('priya.natarajan@example.nhs.uk');
        await page.getByLabel('Create a password').fill('lantern meadow pebble');
        await page.getByRole('button', { name: 'Create account' }).click();
        await expectErrorSummary(page, /The setup code is not right/);
        assert.equal(await page.getByLabel('Full name').inputValue(), adminName, 'what was typed is kept');
        assert.equal(await page.getByLabel('Setup code').inputValue(), '', 'the wrong code is not echoed back');
        await check('setup with a wrong code');

        await page.getByLabel('Setup code').fill(setupCode.toLowerCase());
        await page.getByLabel('Create a password').fill('lantern meadow pebble');
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('heading', { level: 1, name: `Hello, ${adminName}` }).waitFor();
        await expectSuccess(page, 'Your platform admin account is ready');
        await check('home after setup');
      } else {
        const admin = await buildUser(env.t.db, { isPlatformAdmin: true });
        adminName = admin.fullName;
        await signIn(page, admin.email, { password: admin.password });
        await page.getByRole('heading', { level: 1, name: `Hello, ${adminName}` }).waitFor();
      }

      // 2. Programmes: the list, the create form with bad input, then a real programme.
      await page.getByRole('banner').getByRole('link', { name: 'Manage programmes', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor();
      if (javaScript) {
        // The first run of the installation: nothing has been created yet.
        await page.getByText('There are no programmes yet.').waitFor();
      }
      await check('programmes list (empty)');

      await page.getByRole('button', { name: 'Create a programme' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create a programme' }).waitFor();
      await check('create a programme');
      await page.getByRole('checkbox', { name: 'Traditional' }).uncheck();
      await page.getByRole('button', { name: 'Create programme' }).click();
      assert.match(await page.title(), /^Error: Create a programme – /);
      await expectErrorSummary(page, 'Enter the programme name');
      await expectErrorSummary(page, 'Select at least one type of mentoring');
      await check('create a programme with errors');
      if (javaScript) {
        // The error summary takes focus, and its links move focus to the field.
        assert.equal(await page.evaluate('document.activeElement?.closest(".nhsuk-error-summary") !== null'), true);
        await page.getByRole('link', { name: 'Enter the programme name' }).click();
        assert.equal(await page.evaluate('document.activeElement?.id'), 'name');
        await page.getByRole('link', { name: 'Select at least one type of mentoring' }).click();
        assert.equal(await page.evaluate('document.activeElement?.getAttribute("name")'), 'mentoringTypes');
      } else {
        await page.getByRole('link', { name: 'Enter the programme name' }).click();
        assert.match(page.url(), /#name$/);
      }

      const programmeName = `Cumbria nursing leadership mentoring (${suffix})`;
      await page.getByLabel('Programme name').fill(programmeName);
      await page.getByLabel('Description (optional)').fill('For newly qualified nurses in Cumbria.');
      await page.getByRole('checkbox', { name: 'Traditional' }).check();
      await page.getByRole('checkbox', { name: 'Peer' }).check();
      await page.getByRole('button', { name: 'Create programme' }).click();
      await page.getByRole('heading', { level: 1, name: programmeName }).waitFor();
      await expectSuccess(page, 'Programme created');
      await page.getByText('traditional, peer').waitFor();
      await page.getByText('This programme has no admins yet.').waitFor();
      await check('programme page');
      const programmePath = new URL(page.url()).pathname;
      assert.match(programmePath, /^\/admin\/programmes\/[0-9a-f-]{36}$/);

      // Appoint: an unknown email first, then a real account; then remove them again.
      const programmeAdmin = await buildUser(env.t.db);
      await page.getByLabel('Email address of their account').fill('nobody.here@example.nhs.uk');
      await page.getByRole('button', { name: 'Appoint admin' }).click();
      await expectErrorSummary(page, /There is no account with this email address/);
      assert.equal(await page.getByLabel('Email address of their account').inputValue(), 'nobody.here@example.nhs.uk');
      await check('appoint an unknown email');

      await page.getByLabel('Email address of their account').fill(programmeAdmin.email);
      await page.getByRole('button', { name: 'Appoint admin' }).click();
      await expectSuccess(page, 'Programme admin appointed');
      await page.getByRole('listitem').filter({ hasText: `${programmeAdmin.fullName} (${programmeAdmin.email})` }).waitFor();
      await check('programme with an admin');

      await page.getByRole('button', { name: `Remove ${programmeAdmin.fullName} as programme admin` }).click();
      await expectSuccess(page, 'Programme admin removed');
      await page.getByText('This programme has no admins yet.').waitFor();
      await check('programme after removing the admin');

      await page.getByLabel('Email address of their account').fill(programmeAdmin.email);
      await page.getByRole('button', { name: 'Appoint admin' }).click();
      await expectSuccess(page, 'Programme admin appointed');

      await page.getByRole('link', { name: 'Back' }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: programmeName }) });
      await row.getByRole('cell', { name: 'traditional, peer' }).waitFor();
      await row.getByRole('cell', { name: '1', exact: true }).waitFor();
      await check('programmes list');

      // 3. As the programme admin: the programme is on their home page; the admin list is not theirs.
      await signOut(page);
      await signIn(page, programmeAdmin.email, { password: DEFAULT_PASSWORD });
      await page.getByRole('heading', { level: 1, name: `Hello, ${programmeAdmin.fullName}` }).waitFor();
      assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Manage programmes', exact: true }).count(), 0, 'no Manage programmes link in the header');
      await check('programme admin home');
      await page.getByRole('link', { name: programmeName }).click();
      await page.getByRole('heading', { level: 1, name: programmeName }).waitFor();
      assert.equal(new URL(page.url()).pathname, programmePath);
      await page.getByText(`${programmeAdmin.fullName} (${programmeAdmin.email})`).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Appoint admin' }).count(), 0, 'only platform admins appoint');
      await check('programme page as its admin');

      const refused = await page.goto('/admin/programmes');
      assert.equal(refused?.status(), 403);
      await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
      await check('403 page');

      await signOut(page);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
      await context.close();
    });
  });
}

describe('the outbox passes axe', () => {
  test('list and a message', async () => {
    const { page, context, problems } = await newPage(env, { javaScript: true });
    const recipient = await env.t.db
      .selectFrom('email_messages')
      .select('recipient')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    assert.ok(recipient, 'the journeys above sent at least one email');
    await page.goto('/outbox');
    await page.getByRole('heading', { level: 1, name: 'Email outbox' }).waitFor();
    await expectAccessible(page, 'outbox');
    const text = await openLatestEmail(page, recipient.recipient);
    assert.match(text, /programme admin/i);
    await expectAccessible(page, 'outbox message');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
