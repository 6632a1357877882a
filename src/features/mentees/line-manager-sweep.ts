// Reminders and expiries of line-manager requests, run every 10 minutes by the 'line-manager.sweep'
// job (src/jobs/worker.ts). Each due request is handled in its own transaction that locks the
// application and the request with SKIP LOCKED and re-checks what is due under the lock, so a
// sweep running twice, or on two instances at once, sends one reminder and expires once.
import { sql } from 'kysely';
import { recordAudit } from '../../db/audit.ts';
import { hashToken, newToken } from '../../auth/sessions.ts';
import { queueEmail } from '../../email/outbox.ts';
import { lineManagerEmails } from './emails.ts';
import { formatDate } from '../../platform/formatting.ts';
import { menteeApplicationMachine } from './statuses.ts';
import { absoluteUrl, emailMentee, lockApplication, mailDeps, moveApplication, type MenteeDeps } from './transitions.ts';

/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

export interface SweepResult {
  reminded: number;
  expired: number;
}

type Outcome = 'reminded' | 'expired' | 'skipped';

async function sweepOne(deps: MenteeDeps, due: { id: string; application_id: string }, now: Date): Promise<Outcome> {
  return deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const application = await lockApplication(trx, { id: due.application_id }, { skipLocked: true });
    if (!application) return 'skipped';
    const request = await trx
      .selectFrom('line_manager_requests as r')
      .innerJoin('programmes as p', (join) => join.on('p.id', '=', application.programme_id))
      .select([
        'r.id', 'r.manager_name', 'r.manager_email', 'r.created_at', 'r.expires_at', 'p.name as programme_name',
        sql<boolean>`r.expires_at <= ${now}`.as('is_expired'),
        sql<boolean>`r.reminded_at is null and r.created_at + make_interval(days => p.line_manager_reminder_days) <= ${now}`.as('reminder_due'),
      ])
      .where('r.id', '=', due.id)
      .where('r.status', '=', 'pending')
      .forUpdate('r')
      .skipLocked()
      .executeTakeFirst();
    if (!request) return 'skipped';

    if (request.is_expired) {
      await trx.updateTable('line_manager_requests').set({ status: 'expired' }).where('id', '=', request.id).execute();
      if (menteeApplicationMachine.canMove(application.status, 'line_manager_expired', 'system')) {
        await moveApplication(trx, application, 'line_manager_expired', { actorId: null, action: 'line_manager_expired', details: { requestId: request.id } });
        await emailMentee(trx, deps, application, 'menteeLineManagerExpired');
      }
      return 'expired';
    }
    if (!request.reminder_due) return 'skipped';

    // The first link's token exists only as a hash, so the reminder carries a new link (and the
    // old one stops working); reminded_at is set in the same transaction, so it is sent once.
    const token = newToken();
    await trx.updateTable('line_manager_requests').set({ token_hash: hashToken(token), reminded_at: now }).where('id', '=', request.id).execute();
    const mentee = await trx.selectFrom('users').select('full_name').where('id', '=', application.user_id).executeTakeFirstOrThrow();
    await queueEmail(trx, mailDeps(deps), {
      to: request.manager_email,
      template: 'lineManagerReminder',
      content: lineManagerEmails.lineManagerReminder({
        menteeName: mentee.full_name, programmeName: request.programme_name, url: absoluteUrl(deps, `/line-manager/respond?token=${token}`),
        sentOn: formatDate(request.created_at), expiresOn: formatDate(new Date(request.expires_at)), serviceName: deps.config.serviceName,
      }),
    });
    await recordAudit(trx, {
      actorId: null, action: 'mentee_application.line_manager_reminded', subjectType: 'mentee_application', subjectId: application.id,
      programmeId: application.programme_id, details: { requestId: request.id },
    });
    return 'reminded';
  });
}

export async function sweepLineManagerRequests(deps: MenteeDeps, now: Date = new Date()): Promise<SweepResult> {
  const due = await deps.db
    .selectFrom('line_manager_requests as r')
    .innerJoin('mentee_applications as a', 'a.id', 'r.application_id')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select(['r.id', 'r.application_id'])
    .where('r.status', '=', 'pending')
    .where(sql<boolean>`r.expires_at <= ${now} or (r.reminded_at is null and r.created_at + make_interval(days => p.line_manager_reminder_days) <= ${now})`)
    .orderBy('r.created_at')
    .limit(BATCH)
    .execute();
  const result: SweepResult = { reminded: 0, expired: 0 };
  for (const request of due) {
    const outcome = await sweepOne(deps, request, now);
    if (outcome !== 'skipped') result[outcome] += 1;
  }
  return result;
}
