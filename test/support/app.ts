// buildTestApp(): the real application on a fresh real database, with its job queue, for route
// tests through app.inject. Nothing is mocked.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createDb, type Db } from '../../src/db/connection.ts';
import { startJobQueue, type JobQueue } from '../../src/jobs/queue.ts';
import { MentorSearch } from '../../src/matching/search-service.ts';
import { ChangeFeed } from '../../src/platform/change-feed.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  jobs: JobQueue;
  config: Config;
  url: string;
  /** Every log line the app wrote, when built with `captureLogs` (at trace level, the most it ever says). */
  logs(): string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Leave the installation in its first-run state (no platform admin yet). */
  firstRun?: boolean;
  env?: Record<string, string>;
  rateLimitPerMinute?: number;
  captureLogs?: boolean;
  /**
   * Start the change feed, so sessions and search contexts are held in memory as in production
   * (ADR 0004). Off by default: other tests change the database directly and read the result at
   * once, which must not depend on a notification's arrival; the caches have tests of their own.
   */
  changeFeed?: boolean;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', BASE_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', ...env });
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: database.url, ...(options.captureLogs ? { LOG_LEVEL: 'trace' } : {}), ...options.env });
  const lines: string[] = [];
  const db = createDb(database.url, 5);
  const jobs = await startJobQueue(database.url, { supervise: false });
  if (!options.firstRun) await db.updateTable('installation').set({ set_up_at: new Date() }).execute();
  const search = new MentorSearch(db);
  const stopListening = await search.listen(database.url);
  const feed = options.changeFeed ? new ChangeFeed() : undefined;
  const stopFeed = feed ? await feed.start(database.url) : async () => undefined;
  const app = await buildApp({ config, db, jobs, search, ...(feed ? { feed } : {}) }, {
    logger: options.captureLogs === true, logStream: { write: (line) => void lines.push(line) }, rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
  });
  await app.ready();
  return {
    app,
    db,
    jobs,
    config,
    url: database.url,
    logs: () => lines.join(''),
    async close() {
      await app.close();
      await stopListening();
      await stopFeed();
      await jobs.stop();
      await db.destroy();
      await database.drop();
    },
  };
}
