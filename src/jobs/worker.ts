// Registers the job handlers. Runs inside the app by default (RUN_WORKER=true) and on its own with
// `npm run worker`; either way pg-boss hands each job to exactly one worker at a time.
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { Mailer } from '../email/mailer.ts';
import type { SessionSettings } from '../auth/sessions.ts';
import { deleteExpiredSessions } from '../auth/sessions.ts';
import { queues, type JobQueue } from './queue.ts';
import { deliverEmail } from './send-email.ts';
import { createViewEnvironment } from '../platform/views.ts';
import { sweepLineManagerRequests } from '../features/mentees/line-manager-sweep.ts';
import { sweepInvitations } from '../features/invitations/sweep.ts';
import { sweepRelationships } from '../features/relationships/sweep/index.ts';

export interface WorkerDeps {
  db: Db;
  jobs: JobQueue;
  mailer: Mailer;
  sessions: SessionSettings;
  /** For emails jobs write themselves (reminders, expiries): links and the service name. */
  config: Config;
}

export async function startWorkers(deps: WorkerDeps, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await deps.jobs.boss.work<{ messageId: string }>(queues.sendEmail, { ...polling, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) await deliverEmail(deps.db, deps.mailer, job.data.messageId);
  });
  await deps.jobs.boss.work(queues.maintenance, polling, async () => {
    await deleteExpiredSessions(deps.db, deps.sessions);
    await deps.db.deleteFrom('sign_in_attempts').where('created_at', '<', new Date(Date.now() - 24 * 3600_000)).execute();
  });
  await deps.jobs.boss.schedule(queues.maintenance, '17 3 * * *', {}, { tz: 'Europe/London' });

  const emailDeps = { db: deps.db, jobs: deps.jobs, config: deps.config, views: createViewEnvironment(deps.config) };
  await deps.jobs.boss.work(queues.lineManagerSweep, polling, async () => {
    await sweepLineManagerRequests(emailDeps, new Date());
  });
  await deps.jobs.boss.schedule(queues.lineManagerSweep, '*/10 * * * *');

  await deps.jobs.boss.work(queues.invitationSweep, polling, async () => {
    await sweepInvitations(emailDeps, new Date());
  });
  await deps.jobs.boss.schedule(queues.invitationSweep, '*/10 * * * *');

  await deps.jobs.boss.work(queues.relationshipSweep, polling, async () => {
    await sweepRelationships(emailDeps, new Date());
  });
  await deps.jobs.boss.schedule(queues.relationshipSweep, '*/10 * * * *');
}
