// Process-level crash safety: the real server (src/server.ts) in a child process, killed with
// SIGKILL mid-work, then started again. Nothing acknowledged may be lost, and a start after a
// crash must recover by itself, including the embedded PostgreSQL a killed process leaves behind.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase } from './support/database.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  exited(): boolean;
}

const started: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startServer(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  return { child, port, output: () => output, exited: () => exited };
}

async function waitForHealth(server: ServerProcess, timeoutMs: number): Promise<number> {
  const begun = Date.now();
  while (Date.now() - begun < timeoutMs) {
    if (server.exited()) throw new Error(`The server exited before it was healthy (code ${server.child.exitCode}):\n${server.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/health`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 200) return Date.now() - begun;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error(`/health was not 200 within ${timeoutMs} ms:\n${server.output()}`);
}

function waitForExit(server: ServerProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not exit within ${timeoutMs} ms:\n${server.output()}`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

async function kill(server: ServerProcess, signal: NodeJS.Signals, timeoutMs = 10_000) {
  const exit = waitForExit(server, timeoutMs);
  server.child.kill(signal);
  return exit;
}

/** Running (a zombie waiting to be reaped by an init that may never do it counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

after(() => {
  // Whatever happened, leave no server running.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** One registration as a browser does it; resolves to true only when the server acknowledged it. */
async function registerOverHttp(port: number, email: string): Promise<boolean> {
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/register`, { redirect: 'manual' });
  const html = await page.text();
  const cookies = page.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? '');
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !token || !cookies.some((cookie) => cookie.startsWith('mh_csrf='))) {
    throw new Error(`GET /register gave ${page.status} without a form token and mh_csrf cookie`);
  }
  const body = new URLSearchParams({ fullName: 'Crash Test', email, password: 'lantern meadow pebble', _csrf: token });
  const response = await fetch(`${base}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: body.toString(),
  });
  await response.body?.cancel();
  return response.status === 302 && response.headers.get('location') === '/register/check-email';
}

describe('crash safety', () => {
  test('no acknowledged registration is lost when the app is SIGKILLed', { timeout: 120_000 }, async (t) => {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('update installation set set_up_at = now()');
      const port = await freePort();
      const env = {
        DATABASE_URL: database.url,
        HOST: '127.0.0.1',
        BASE_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
        RUN_WORKER: 'false',
        NODE_ENV: 'test',
      };
      const first = startServer(env, port);
      await waitForHealth(first, 30_000);

      const acknowledged: string[] = [];
      let attempted = 0;
      let killed = false;
      const unexpected: string[] = [];
      const loop = async () => {
        while (!killed) {
          const email = `crash-${attempted++}@example.nhs.uk`;
          try {
            if (await registerOverHttp(port, email)) acknowledged.push(email);
            else if (!killed) unexpected.push(email);
          } catch (error) {
            if (!killed) unexpected.push(`${email}: ${String(error)}`);
          }
        }
      };
      const loops = Array.from({ length: 4 }, () => loop());
      const begun = Date.now();
      while ((Date.now() - begun < 2000 || acknowledged.length < 10) && Date.now() - begun < 30_000 && unexpected.length === 0) await delay(50);
      killed = true;
      const exit = await kill(first, 'SIGKILL');
      await Promise.all(loops);
      assert.equal(exit.signal, 'SIGKILL');
      assert.deepEqual(unexpected, [], 'every registration before the kill was acknowledged');
      assert.ok(acknowledged.length >= 10, `at least 10 registrations were acknowledged before the kill (got ${acknowledged.length})`);

      const users = await client.query<{ email: string; messages: number }>(
        `select u.email, (select count(*)::int from email_messages m where m.user_id = u.id and m.template = 'verifyEmail') as messages
         from users u where u.email like 'crash-%'`,
      );
      const stored = new Map(users.rows.map((row) => [row.email, row.messages]));
      const lost = acknowledged.filter((email) => !stored.has(email));
      assert.deepEqual(lost, [], 'every acknowledged registration has its account');
      const withoutEmail = acknowledged.filter((email) => stored.get(email) !== 1);
      assert.deepEqual(withoutEmail, [], 'every acknowledged registration has its one confirmation email');
      // In-flight registrations are all or nothing: no account exists without its email.
      assert.deepEqual(users.rows.filter((row) => row.messages !== 1), [], 'no account without exactly one confirmation email');
      const jobs = await client.query<{ count: number }>(`select count(*)::int as count from pgboss.job where name = 'email.send'`);
      assert.equal(jobs.rows[0]?.count, users.rows.length, 'every stored confirmation email has its delivery job');

      t.diagnostic(`${attempted} registrations started, ${acknowledged.length} acknowledged, ${users.rows.length} stored when killed`);

      const second = startServer(env, port);
      t.diagnostic(`restart healthy in ${await waitForHealth(second, 30_000)} ms`);
      const stop = await kill(second, 'SIGTERM', 20_000);
      assert.deepEqual(stop, { code: 0, signal: null }, `a clean exit after SIGTERM:\n${second.output()}`);
    } finally {
      await client.end();
      await database.drop();
    }
  });

  test('a start after a crash recovers the embedded database', { timeout: 120_000 }, async (t) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-hub-crash-'));
    const orphans = new Set<number>();
    try {
      const env = {
        DATA_DIR: dataDir,
        EMBEDDED_DB_PORT: String(await freePort()),
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
      };
      const port = await freePort();
      const first = startServer(env, port);
      await waitForHealth(first, 90_000); // the first start runs initdb
      const firstPostgres = postmasterPid(dataDir);
      assert.ok(firstPostgres, 'the embedded PostgreSQL wrote its pid file');
      orphans.add(firstPostgres);

      const exit = await kill(first, 'SIGKILL');
      assert.equal(exit.signal, 'SIGKILL');
      assert.ok(isAlive(firstPostgres), 'the embedded PostgreSQL outlives the killed app (its own process group)');

      const second = startServer(env, port);
      const took = await waitForHealth(second, 40_000);
      const secondPostgres = postmasterPid(dataDir);
      assert.ok(secondPostgres, 'the restarted app runs its own PostgreSQL');
      orphans.add(secondPostgres);
      assert.notEqual(secondPostgres, firstPostgres);
      assert.ok(!isAlive(firstPostgres), 'the orphaned PostgreSQL was stopped');
      t.diagnostic(`restart after the crash healthy in ${took} ms`);

      const stop = await kill(second, 'SIGTERM', 20_000);
      assert.deepEqual(stop, { code: 0, signal: null }, `a clean exit after SIGTERM:\n${second.output()}`);
      const deadline = Date.now() + 15_000;
      while ((fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')) || isAlive(secondPostgres)) && Date.now() < deadline) await delay(100);
      assert.ok(!fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), 'postmaster.pid is gone: PostgreSQL shut down cleanly');
      assert.ok(!isAlive(secondPostgres), 'no PostgreSQL for this data directory is left running');
    } finally {
      const pid = postmasterPid(dataDir);
      if (pid) orphans.add(pid);
      for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const pid of orphans) {
        if (!isAlive(pid)) continue;
        process.kill(pid, 'SIGQUIT');
        const deadline = Date.now() + 10_000;
        while (isAlive(pid) && Date.now() < deadline) await delay(100);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
