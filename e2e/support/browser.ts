// Browser tests: the real app listening on loopback, driven by Debian's Chromium through
// playwright-core, with axe-core (WCAG 2.2 AA rules) run on every page we visit.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { DEFAULT_PASSWORD } from '../../test/support/builders.ts';
import { findChromium } from './chromium.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface BrowserTestEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserTestEnv(options: { firstRun?: boolean } = {}): Promise<BrowserTestEnv> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await buildTestApp({ firstRun: options.firstRun, env: { BASE_URL: baseUrl } });
  await t.app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    t,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A new browser context; collects Content Security Policy violations and page errors. */
export async function newPage(env: BrowserTestEnv, options: { javaScript: boolean }): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await env.browser.newContext({ javaScriptEnabled: options.javaScript, baseURL: env.baseUrl });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium logs the 4xx status of invalid-form pages as an error; those statuses are intended.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, context, problems };
}

/** Runs axe on the current page and fails with a readable list of any WCAG 2.2 AA violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const hasAxe = await page.evaluate('typeof window.axe !== "undefined"');
  if (!hasAxe) await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } })`)) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[];
  };
  const report = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(report, [], `axe found violations on ${label}`);
}

/** The newest email to an address, read from the development outbox as a person would. */
export async function openLatestEmail(page: Page, recipient: string): Promise<string> {
  await page.goto('/outbox');
  const row = page.getByRole('row').filter({ hasText: recipient }).first();
  await row.getByRole('link').click();
  return (await page.getByTestId('email-text').textContent()) ?? '';
}

/**
 * Signs in through the sign-in page as a person would and waits for the home page ("Hello, …",
 * or "Hello, <name>" when the name is given). Builders' accounts use DEFAULT_PASSWORD.
 */
export async function signIn(page: Page, email: string, options: { password?: string; name?: string } = {}): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(options.password ?? DEFAULT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: options.name ? `Hello, ${options.name}` : /^Hello, / }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out').waitFor();
}
