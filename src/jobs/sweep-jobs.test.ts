// The worker runs each sweep — line-manager requests, chemistry invitations, the relationship's
// reminders and nudges — as a pg-boss job, scheduled every 10 minutes on a queue that never runs
// two sweeps at once, and a job sent to the queue really does the sweep's work.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { TestClient } from '../../test/support/client.ts';
import { buildUser, sessionCookie } from '../../test/support/builders.ts';
import { createMailer, type Mailer } from '../email/mailer.ts';
import { buildChemistryProgramme, buildMentee, buildMentor, inviteOrFail } from '../features/invitations/testing.ts';
import { buildMenteeProfile, buildProgrammeWithSteps } from '../features/mentees/testing.ts';
import { insertSession } from '../features/relationships/notes/testing.ts';
import { sessionTemplate } from '../features/relationships/sessions/testing.ts';
import { buildRelationship } from '../features/relationships/testing.ts';
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

/** Waits (up to 15 seconds) for the job to have queued this email. */
async function untilEmailed(recipient: string, template: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await t.db.selectFrom('email_messages').select('id').where('recipient', '=', recipient).where('template', '=', template).execute();
    if (found.length > 0) return;
    assert.ok(Date.now() < deadline, `the job sent ${template} to ${recipient}`);
    await delay(100);
  }
}

for (const name of [queues.lineManagerSweep, queues.invitationSweep, queues.relationshipSweep]) {
  test(`${name} is scheduled every 10 minutes on a stately queue`, async () => {
    const schedule = await sql<{ cron: string }>`select cron from pgboss.schedule where name = ${name}`.execute(t.db);
    assert.deepEqual(schedule.rows.map((row) => row.cron), ['*/10 * * * *']);
    const queue = await sql<{ policy: string }>`select policy from pgboss.queue where name = ${name}`.execute(t.db);
    assert.equal(queue.rows[0]?.policy, 'stately');
  });
}

test('a line-manager sweep job sends the reminders that are due', async () => {
  const programme = await buildProgrammeWithSteps(t.db, { lineManager: true, admin: true });
  const mentee = await buildUser(t.db);
  await buildMenteeProfile(t.db, mentee.id);
  const client = new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, mentee.id));
  const managerEmail = 'job.line.manager@example.nhs.uk';
  await client.post(`/programmes/${programme.id}/mentee-application`, { from: 'draft', lineManagerName: 'Jo Lindqvist', lineManagerEmail: managerEmail });
  await t.db.updateTable('line_manager_requests').set({ created_at: sql<Date>`now() - interval '8 days'` as unknown as Date }).execute();
  await t.jobs.send(queues.lineManagerSweep, {});
  await untilEmailed(managerEmail, 'lineManagerReminder');
});

test('an invitation sweep job sends the reminders that are due', async () => {
  const programme = await buildChemistryProgramme(t);
  const mentor = await buildMentor(t, programme.id);
  const mentee = await buildMentee(t, programme.id);
  await inviteOrFail(t, mentee, programme.id, mentor.user.id);
  await t.db.updateTable('invitations').set({ created_at: sql<Date>`now() - interval '4 days'` as unknown as Date }).execute();
  await t.jobs.send(queues.invitationSweep, {});
  await untilEmailed(mentor.user.email, 'chemistryReminder');
});

test('a relationship sweep job sends the session reminders that are due', async () => {
  const pair = await buildRelationship(t);
  await insertSession(t, pair.relationshipId, { status: 'scheduled', daysFromNow: 0.5 });
  await t.jobs.send(queues.relationshipSweep, {});
  await untilEmailed(pair.mentee.user.email, sessionTemplate('reminder'));
});
