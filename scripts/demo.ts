// `npm run demo`: a separate installation under ./data-demo, filled once with fictional programmes
// and people, then served by the ordinary server process. We seed here and then start src/server.ts
// as a child rather than in this process, so the demo runs exactly the code `npm start` runs.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open.ts';
import { KeyRing } from '../src/platform/crypto.ts';
import { seedDemo, type DemoLineManagerLink, type DemoLogin, type DemoLogins, type DemoRole } from '../src/demo/seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The settings of the demo installation. Where the data lives and which database port it uses are
 * fixed, not defaults: the demo's accounts share a published password, so it must never land in
 * the real installation's data directory or database, and it can run beside `npm start`.
 */
function demoEnvironment(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...source,
    NODE_ENV: 'development',
    DATA_DIR: path.join(root, 'data-demo'),
    EMBEDDED_DB_PORT: '54321',
    PORT: source.PORT ?? '3000',
  };
  delete env.DATABASE_URL; // always the demo's own embedded PostgreSQL
  delete env.SMTP_URL; // fictional addresses: emails stay in the local outbox
  delete env.BASE_URL; // links must point at this demo, on whatever PORT it uses
  return env;
}

const ROLE_NAMES: Record<DemoRole, string> = {
  platform_admin: 'Platform admin',
  programme_admin: 'Programme admin',
  mentor: 'Mentor',
  mentee: 'Mentee',
  mentor_and_mentee: 'Mentor and mentee',
};

// What each printed login finds in the demo, one line each.
const ROLE_ABILITIES: Record<DemoRole, string> = {
  platform_admin: 'Creates programmes, appoints their programme admins and can see every programme.',
  programme_admin: 'Approves applications, brokers matches, follows amber and red relationships and handles concerns.',
  mentor: 'Has mentees in three phases, an invitation to answer and a mentee waiting for them to confirm.',
  mentee: 'Has a mentor: an agreed contract, goals, sessions, notes and reflections. Applies elsewhere with line-manager support.',
  mentor_and_mentee: 'Mentors in one programme and is mentored in another, switching between the two.',
};
const LINE_MANAGER_ABILITY = 'Open this link to support or decline the waiting application — no account needed.';

function describeMemberships(login: DemoLogin, link: DemoLineManagerLink | null): string {
  const parts = login.memberships.map(({ role, programme }) => `${role === 'programme_admin' ? 'programme admin' : role} in ${programme}`);
  // The printed mentee's second application has no membership yet: say where it is waiting.
  if (login.role === 'mentee' && link) parts.push(`waiting for their line manager in ${link.programme}`);
  const text = parts.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
}

/** The line manager has no account, so they get a link instead of a row in the table. */
function lineManagerLines(link: DemoLineManagerLink | null, baseUrl: string): string[] {
  if (!link) {
    return ["  Line manager: the printed mentee's line-manager link has been answered or has expired. Delete ./data-demo for a new one."];
  }
  return [
    `  Line manager: ${link.managerName}, asked by ${link.menteeName} to support their application to ${link.programme}`,
    `      ${baseUrl}${link.path}`,
    `      ${LINE_MANAGER_ABILITY}`,
  ];
}

/** A plain-text table that reads well in any terminal and survives being pasted into a ticket. */
function loginTable(logins: DemoLogins, baseUrl: string): string {
  const header = ['Role', 'Email', 'Name'];
  const rows = logins.accounts.map((login) => [ROLE_NAMES[login.role], login.email, login.name]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('   ')}`.trimEnd();
  const out = [
    '',
    `  Mentoring Hub demo is ready. Sign in at ${baseUrl}/sign-in`,
    `  Every demo account has the same password:  ${logins.password}`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
  ];
  logins.accounts.forEach((login, index) => {
    out.push(line(rows[index] ?? []));
    for (const detail of [describeMemberships(login, logins.lineManagerLink), ROLE_ABILITIES[login.role]]) if (detail) out.push(`      ${detail}`);
  });
  out.push(
    '',
    ...lineManagerLines(logins.lineManagerLink, baseUrl),
    '',
    `  Emails the app sends are kept at ${baseUrl}/outbox. Everyone else in the demo has the same password too.`,
    `  The data lives in ./data-demo: delete that folder to start again from scratch. Press Ctrl+C to stop.`,
    '',
  );
  return out.join('\n');
}

/** Polls /health, so the table is printed after the server's start-up logs rather than lost among them. */
async function waitUntilServing(baseUrl: string, child: ChildProcess, timeoutMs = 90_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (os.constants.signals[signal] ?? 0) : 1;
}

async function main() {
  const env = demoEnvironment(process.env);
  const config = loadConfig(env);

  // Ctrl+C reaches the server child directly too (same process group); forwarding as well covers a
  // `kill` aimed at this process, and the server ignores a second signal while it is stopping.
  const state: { server?: ChildProcess; interrupted?: NodeJS.Signals } = {};
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (state.server) state.server.kill(signal);
      // While seeding, stop only after the embedded PostgreSQL has been shut down cleanly.
      else state.interrupted = signal;
    });
  }

  console.log(`[demo] preparing the demo installation in ${config.database.dataDir}`);
  const database = await openDatabase(config, (message) => console.log(`[database] ${message}`));
  let logins: DemoLogins;
  try {
    logins = await seedDemo(database.db, { keys: new KeyRing(config.encryptionKeys) });
  } finally {
    // The server starts its own embedded PostgreSQL on the same data directory, so ours must stop.
    await database.close();
  }
  if (state.interrupted) process.exit(exitCodeOf(null, state.interrupted));
  console.log(`[demo] ${logins.accounts.length} demo logins ready; starting the app on ${config.baseUrl}`);

  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: root, env, stdio: 'inherit' });
  state.server = server;
  server.on('error', (error) => {
    console.error(`[demo] could not start the server: ${error.message}`);
    process.exit(1);
  });
  server.on('exit', (code, signal) => process.exit(exitCodeOf(code, signal)));

  if (await waitUntilServing(config.baseUrl, server)) console.log(loginTable(logins, config.baseUrl));
  else if (server.exitCode === null) console.log(`[demo] the server has not answered yet.${loginTable(logins, config.baseUrl)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
