// The account journey in a real browser, with and without JavaScript: register (with bad input
// first), confirm the email from the outbox, sign in, visit the account page, sign out. Every
// page and error state is checked with axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectAccessible, newPage, openLatestEmail, startBrowserTestEnv, type BrowserTestEnv } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());

for (const javaScript of [true, false]) {
  describe(`account journey with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test('register, confirm email, sign in, sign out', async () => {
      const { page, context, problems } = await newPage(env, { javaScript });
      const email = `journey.${javaScript ? 'js' : 'nojs'}@example.nhs.uk`;
      const check = async (label: string) => {
        if (javaScript) await expectAccessible(page, label);
      };

      await page.goto('/');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Find a mentor, or become one' }).waitFor());
      await check('start page');
      await page.getByRole('button', { name: 'Create an account' }).click();
      await check('register');

      // Bad input first: the error summary, inline messages, and what was typed is kept.
      await page.getByLabel('Full name').fill('Aisha Rahman');
      await page.getByLabel('Email address').fill('aisha at nhs');
      await page.getByRole('button', { name: 'Create account' }).click();
      assert.match(await page.title(), /^Error: Create an account – Mentoring Hub – NHS$/);
      await page.getByRole('alert').getByText('There is a problem').waitFor();
      assert.equal(await page.getByLabel('Full name').inputValue(), 'Aisha Rahman');
      await check('register with errors');
      if (javaScript) {
        // The error summary takes focus so screen reader users hear it first.
        assert.equal(await page.evaluate('document.activeElement?.closest(".nhsuk-error-summary") !== null'), true);
      }
      await page.getByRole('link', { name: /Enter an email address in the correct format/ }).click();

      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Create a password').fill('lantern meadow pebble');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      await check('check your email');

      const text = await openLatestEmail(page, email);
      await check('outbox message');
      const link = /(http:\/\/127\.0\.0\.1:\d+\/verify-email\?token=[\w-]+)/.exec(text)?.[1];
      assert.ok(link, 'the email has a confirmation link');
      await page.goto(link);
      await page.getByRole('heading', { name: 'Your email address is confirmed' }).waitFor();
      await check('email confirmed');

      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('not my password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      assert.match(await page.title(), /^Error: Sign in/);
      await check('sign in with errors');
      await page.getByLabel('Password', { exact: true }).fill('lantern meadow pebble');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Hello, Aisha Rahman' }).waitFor();
      await check('home');

      await page.getByRole('link', { name: 'Aisha Rahman' }).click();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await check('account');
      await page.getByRole('link', { name: /Change/ }).click();
      await page.getByRole('button', { name: 'Change password' }).click();
      await check('change password with errors');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByText('You have signed out').waitFor();
      await page.goto('/account');
      assert.match(page.url(), /\/sign-in\?returnTo=%2Faccount$/);

      assert.deepEqual(problems, [], 'no console errors or CSP violations');
      await context.close();
    });
  });
}

describe('other public pages pass axe', () => {
  for (const path of ['/sign-in', '/forgot-password', '/privacy', '/accessibility', '/cookies', '/signed-out', '/no-such-page', '/verify-email?token=nonsense', '/reset-password?token=nonsense', '/register/check-email', '/forgot-password/check-email']) {
    test(path, async () => {
      const { page, context, problems } = await newPage(env, { javaScript: true });
      await page.goto(path);
      await expectAccessible(page, path);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('forgot password with bad input', async () => {
    const { page, context } = await newPage(env, { javaScript: true });
    await page.goto('/forgot-password');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    assert.match(await page.title(), /^Error: /);
    await expectAccessible(page, 'forgot password with errors');
    await context.close();
  });
});
