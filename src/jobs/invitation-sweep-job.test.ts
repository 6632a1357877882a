// The worker runs the invitation sweep as a pg-boss job, scheduled every 10 minutes on a queue that
// never runs two sweeps at once (the same pattern as the line-manager sweep).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { createMailer, type Mailer } from '../email/mailer.ts';
import { buildChemistryProgramme, buildMentee, buildMentor, inviteOrFail } from '../features/invitations/testing.ts';
import { queues } from './queue.ts';
import { startWorkers } from './worker.ts';

let t: TestApp;
let mailer: Mailer;
before(async () => {
  t = await buildTestApp();
  mailer = createMailer(t.config);
  await startWorkers({ db: t.db, jobs: t.jobs, mailer, sessions: t.config.session, config: t.config }, { pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await t.close();
  mailer.close();
});

test('the sweep is scheduled every 10 minutes on a stately queue', async () => {
  const schedule = await sql<{ cron: string }>`select cron from pgboss.schedule where name = ${queues.invitationSweep}`.execute(t.db);
  assert.deepEqual(schedule.rows.map((row) => row.cron), ['*/10 * * * *']);
  const queue = await sql<{ policy: string }>`select policy from pgboss.queue where name = ${queues.invitationSweep}`.execute(t.db);
  assert.equal(queue.rows[0]?.policy, 'stately');
});

test('a sweep job sends the reminders that are due', async () => {
  const programme = await buildChemistryProgramme(t);
  const mentor = await buildMentor(t, programme.id);
  const mentee = await buildMentee(t, programme.id);
  await inviteOrFail(t, mentee, programme.id, mentor.user.id);
  await t.db.updateTable('invitations').set({ created_at: sql<Date>`now() - interval '4 days'` as unknown as Date }).execute();

  await t.jobs.send(queues.invitationSweep, {});
  const deadline = Date.now() + 15_000;
  for (;;) {
    const reminders = await t.db.selectFrom('email_messages').select('template').where('recipient', '=', mentor.user.email).where('template', '=', 'chemistryReminder').execute();
    if (reminders.length > 0) break;
    assert.ok(Date.now() < deadline, 'the reminder was sent by the job');
    await delay(100);
  }
});
