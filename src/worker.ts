// `npm run worker`: the job worker on its own (emails, reminders, expiries), for installations
// that run web instances with RUN_WORKER=false. With no DATABASE_URL it joins the embedded
// database that `npm start` runs.
import { loadConfig, ConfigError } from './config.ts';
import { createDb } from './db/connection.ts';
import { embeddedUrl } from './db/embedded.ts';
import { createMailer } from './email/mailer.ts';
import { startJobQueue } from './jobs/queue.ts';
import { startWorkers } from './jobs/worker.ts';

async function main() {
  const config = loadConfig();
  const url = config.database.url ?? embeddedUrl(config.database.dataDir, config.database.embeddedPort);
  const db = createDb(url, 4);
  const jobs = await startJobQueue(url, { supervise: true });
  const mailer = createMailer(config);
  await startWorkers({ db, jobs, mailer, sessions: config.session, config });
  console.log('worker started');
  const stop = async () => {
    await jobs.stop().catch(() => undefined);
    mailer.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
