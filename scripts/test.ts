// `npm test`: starts one throwaway PostgreSQL for the whole run, migrates a template database
// (our schema and pg-boss's), then runs every test file with Node's test runner; each file clones
// its own database from the template. The browser suite needs Debian's Chromium: without it the
// run says so and skips only that suite, unless CI is set, where a missing browser is a failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { startEmbeddedPostgres, ensureDatabase } from '../src/db/embedded.ts';
import { createDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { findChromium } from '../e2e/support/chromium.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const withBrowser = !args.includes('--no-browser');
const filters = args.filter((arg) => !arg.startsWith('--'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

async function main() {
  let files = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))];
  const browserFiles = findTests(path.join(root, 'e2e'));
  const chromium = findChromium();
  if (withBrowser) {
    if (chromium) files.push(...browserFiles);
    else if (process.env.CI) {
      console.error('The browser suite needs Chromium and none was found (install Debian\'s "chromium" package). Failing because CI is set.');
      process.exit(1);
    } else {
      console.warn('\n*** Chromium was not found: SKIPPING the browser suite (e2e/). Install Debian\'s "chromium" package to run it. ***\n');
    }
  }
  if (filters.length > 0) files = files.filter((file) => filters.some((filter) => file.includes(filter)));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-hub-test-'));
  const cluster = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    // A throwaway cluster: durability settings off for speed.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  let code: number;
  try {
    await ensureDatabase(cluster.adminUrl, 'mh_template');
    const templateUrl = cluster.adminUrl.replace(/\/postgres$/, '/mh_template');
    const db = createDb(templateUrl, 2);
    await migrateToLatest(db);
    await db.destroy();
    const jobs = await startJobQueue(templateUrl, { supervise: false });
    await jobs.stop();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, TEST_PG_ADMIN_URL: cluster.adminUrl, TEST_TEMPLATE_DB: 'mh_template', ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
      },
    );
    code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  } finally {
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
