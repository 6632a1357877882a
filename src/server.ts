// Process entry: configuration → database (embedded unless DATABASE_URL is set) → migrations →
// jobs → app → listen. SIGINT/SIGTERM stop taking requests, finish the ones in flight, stop the
// workers, close the pool and stop the embedded database, in that order.
import { loadConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './app.ts';
import { createMailer } from './email/mailer.ts';
import { startJobQueue } from './jobs/queue.ts';
import { startWorkers } from './jobs/worker.ts';
import { issueSetupCode } from './features/setup/service.ts';
import { MentorSearch } from './matching/search-service.ts';
import { ChangeFeed } from './platform/change-feed.ts';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.log(`[database] ${message}`));
  const jobs = await startJobQueue(database.url, { supervise: config.runWorker });
  const mailer = createMailer(config);
  if (config.runWorker) await startWorkers({ db: database.db, jobs, mailer, sessions: config.session, config });
  const search = new MentorSearch(database.db);
  const stopListening = await search.listen(database.url);
  const feed = new ChangeFeed();
  const stopFeed = await feed.start(database.url);
  const app = await buildApp({ config, db: database.db, jobs, search, feed });

  const setupCode = await issueSetupCode(database.db);
  if (setupCode) {
    app.log.warn(`First run: open ${config.baseUrl}/setup and enter the setup code ${setupCode} to create the platform admin account`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close();
    await stopListening();
    await stopFeed();
    await jobs.stop().catch(() => undefined);
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  if (config.mail.useOutbox) app.log.info(`No SMTP server is set: emails are kept in the outbox at ${config.baseUrl}/outbox`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
