// `npm run bench:search`: the speed bars of PRODUCT.md for finding a mentor, measured in one run on
// this machine with a fictional 100,000-mentor register:
//   (a) index search latency, p50/p95/p99, over a realistic mix of filters and words;
//   (b) requests per second of the real search page (the whole app: session, policy, search,
//       reasons, page) against a Fastify hello-world route, driven the same way, and the ratio;
//   plus the server-side time of each search request (p95) and the server's peak memory.
// Everything listens on 127.0.0.1 only; load runs a fixed time with a fixed number of connections
// from a separate process (bench/load-generator.ts). It prints figures; it asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { createSession } from '../src/auth/sessions.ts';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/connection.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { startJobQueue } from '../src/jobs/queue.ts';
import { MentorSearch } from '../src/matching/search-service.ts';
import { ChangeFeed } from '../src/platform/change-feed.ts';
import type { TermCodes } from '../src/matching/term-codes.ts';
import { buildMenteeProfile } from '../src/features/mentees/testing.ts';
import { addMembership, buildProgramme, buildUser } from '../test/support/builders.ts';
import { randomWords, seededRandom } from '../test/support/mentor-fixtures.ts';
import type { LoadPlan, LoadResult } from './load-generator.ts';
import { buildRegister, measureIndexLatency, percentile } from './search-index.ts';

const REGISTER_SIZE = 100_000;
const SECONDS = 10;
const WARM_UP_SECONDS = 2;
const ALONE_SECONDS = 5;
const CONNECTIONS = 8;
const MAX_REQUESTS = 2_000_000;
const DISTINCT_SEARCHES = 500;

const here = path.dirname(fileURLToPath(import.meta.url));
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs the load generator in its own process and reads its one line of JSON. */
function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'load-generator.ts'), JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load generator exited ${code}`))));
  });
}

/**
 * Search addresses like real use: a filter or two, some words, now and then a later page. Distinct
 * addresses, cycled, so the page is not answering one query over and over.
 */
function searchPaths(programmeId: string, codes: TermCodes, count: number): string[] {
  const random = seededRandom(4242);
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const keys = (taxonomy: Parameters<TermCodes['activeTerms']>[0]) => codes.activeTerms(taxonomy).map((term) => term.key);
  return Array.from({ length: count }, (_, n) => {
    const params = new URLSearchParams();
    if (n % 2 === 1) params.append('q', randomWords(random, 1 + (n % 3)));
    if (n % 2 === 0) params.append('region', pick(keys('region')) ?? '');
    if (n % 3 === 0) params.append('area', pick(keys('help_area')) ?? '');
    if (n % 5 === 0) params.append('room', 'yes');
    if (n % 7 === 0) params.append('mode', pick(keys('meeting_mode')) ?? '');
    if (n % 11 === 0) params.append('profession', pick(keys('profession')) ?? '');
    if (n % 4 === 3) params.append('page', String(2 + (n % 3)));
    return `/programmes/${programmeId}/find-a-mentor?${params.toString()}`;
  });
}

async function main() {
  const peak = { rss: 0 };
  const sample = () => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss));
  const sampler = setInterval(sample, 50);

  console.log(`Mentor search benchmark — ${os.cpus().length} CPUs, Node ${process.version}`);
  let started = performance.now();
  const index = buildRegister(REGISTER_SIZE);
  console.log(`register: ${REGISTER_SIZE.toLocaleString('en-GB')} fictional mentors, index built in ${(performance.now() - started).toFixed(0)} ms`);

  const latency = measureIndexLatency(index);
  console.log(`(a) index search latency over ${latency.count} searches: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-hub-bench-'));
  const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  const db = createDb(cluster.url, 10);
  const jobs = await startJobQueue(cluster.url, { supervise: false });
  const servers: { close(): Promise<unknown> }[] = [];
  try {
    await migrateToLatest(db);
    await db.updateTable('installation').set({ set_up_at: new Date() }).execute();
    const programme = await buildProgramme(db, { name: 'Benchmark leadership mentoring' });
    const mentee = await buildUser(db);
    await buildMenteeProfile(db, mentee.id);
    await addMembership(db, mentee.id, programme.id, 'mentee');
    const sessionCookie = `mh_session=${await createSession(db, mentee.id)}`;

    const search = new MentorSearch(db);
    // As server.ts runs it: sessions and the mentee's search context held in memory (ADR 0004).
    const feed = new ChangeFeed();
    const stopFeed = await feed.start(cluster.url);
    servers.push({ close: stopFeed });
    search.useIndex(programme.id, index);
    // Search time inside the index, for every search the page makes.
    const searchTimes: number[] = [];
    const searchIndex = index.search.bind(index);
    index.search = (request) => {
      const t0 = performance.now();
      const result = searchIndex(request);
      searchTimes.push(performance.now() - t0);
      return result;
    };

    const port = await freePort();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: cluster.url, BASE_URL: `http://127.0.0.1:${port}` });
    // No request log and no per-address rate limit: one address sending thousands of requests a
    // second is what the limit exists to stop, and logging is not what is being measured.
    const app = await buildApp({ config, db, jobs, search, feed }, { logger: false, rateLimitPerMinute: 0 });
    const requestTimes: number[] = [];
    const startedAt = new WeakMap<object, number>();
    app.addHook('onRequest', async (request) => void startedAt.set(request, performance.now()));
    app.addHook('onResponse', async (request) => {
      const t0 = startedAt.get(request);
      if (t0 !== undefined && request.routeOptions.url === '/programmes/:programmeId/find-a-mentor') requestTimes.push(performance.now() - t0);
    });
    await app.listen({ host: '127.0.0.1', port });
    servers.push(app);

    const hello = Fastify({ logger: false });
    hello.get('/', async () => 'hello world');
    const helloPort = await freePort();
    await hello.listen({ host: '127.0.0.1', port: helloPort });
    servers.push(hello);

    const paths = searchPaths(programme.id, await search.termCodes(), DISTINCT_SEARCHES);
    const check = await app.inject({ method: 'GET', url: paths[0] ?? '/', headers: { cookie: sessionCookie } });
    const matches = /([\d,]+) mentors? match/.exec(check.body)?.[1];
    if (check.statusCode !== 200 || !matches) throw new Error(`the search page answered ${check.statusCode}`);
    console.log(`search page check: ${check.statusCode}, "${matches} mentors match" for ${paths[0]}`);
    // Like a browser, keep the CSRF cookie the first page set, and send it with every request.
    const csrf = (check.cookies as { name: string; value: string }[]).find((c) => c.name === 'mh_csrf');
    if (!csrf) throw new Error('the search page set no CSRF cookie');
    const cookie = `${sessionCookie}; mh_csrf=${csrf.value}`;

    const plan = (portNumber: number, routePaths: string[], seconds: number, connections = CONNECTIONS): LoadPlan => ({
      port: portNumber, paths: routePaths, cookie, seconds, connections, maxRequests: MAX_REQUESTS,
    });
    await load(plan(helloPort, ['/'], WARM_UP_SECONDS));
    const helloResult = await load(plan(helloPort, ['/'], SECONDS));
    await load(plan(port, paths, WARM_UP_SECONDS));
    searchTimes.length = 0;
    requestTimes.length = 0;
    started = performance.now();
    const pageResult = await load(plan(port, paths, SECONDS));
    sample();
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const request = sorted(requestTimes);
    const inIndex = sorted(searchTimes);
    // The same searches one at a time: the time a request takes when it is not queued behind others.
    requestTimes.length = 0;
    searchTimes.length = 0;
    const alone = await load(plan(port, paths, ALONE_SECONDS, 1));
    const aloneRequest = sorted(requestTimes);
    const aloneIndex = sorted(searchTimes);
    // The same mix of searches with every address new (an ignored parameter counting up): nothing is served twice.
    await load({ ...plan(port, paths, WARM_UP_SECONDS), fresh: { from: 10_000_000 } });
    const freshResult = await load({ ...plan(port, paths, SECONDS), fresh: { from: 0 } });
    console.log(`(b) HTTP, ${CONNECTIONS} keep-alive connections for ${SECONDS} s each, load from a separate process:`);
    console.log(`    Fastify hello-world route: ${helloResult.rps.toFixed(0)} requests/s (${helloResult.requests} requests, statuses ${JSON.stringify(helloResult.statuses)})`);
    console.log(`    search page (${DISTINCT_SEARCHES} distinct searches, cycled): ${pageResult.rps.toFixed(0)} requests/s (${pageResult.requests} requests, statuses ${JSON.stringify(pageResult.statuses)})`);
    console.log(`    ratio search page / hello world: ${(pageResult.rps / helloResult.rps).toFixed(2)} (target ≥ 0.25)`);
    console.log(`    without the page cache's help (every address new, so every request searches and renders): ${freshResult.rps.toFixed(0)} requests/s, ratio ${(freshResult.rps / helloResult.rps).toFixed(2)}`);
    const figures = (values: number[]) => `p50 ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms, p99 ${percentile(values, 99).toFixed(2)} ms`;
    console.log('(c) server-side time of the search page (onRequest → onResponse, measured in the server with performance.now()):');
    console.log(`    under the load above (${request.length} requests, ${CONNECTIONS} at a time, so queueing included): ${figures(request)}`);
    console.log(`      of which the index search: ${figures(inIndex)}`);
    console.log(`    one request at a time (${aloneRequest.length} requests in ${ALONE_SECONDS} s, ${alone.rps.toFixed(0)} requests/s): ${figures(aloneRequest)}`);
    console.log(`      of which the index search: ${figures(aloneIndex)} (target p95 < 10 ms)`);
    console.log(`peak memory (server process rss): ${mib(peak.rss)}`);
  } finally {
    clearInterval(sampler);
    for (const server of servers.reverse()) await server.close();
    await jobs.stop();
    await db.destroy();
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
