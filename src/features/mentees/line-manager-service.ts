// The line manager's one-time link. They have no account and never get a session: the link's
// token (stored hashed) is the only thing that lets them answer, and the page shows only the
// mentee's name, the programme and the time it needs — never the mentee's goals or profile.
import { sql } from 'kysely';
import type { LineManagerRequestStatus, MenteeApplicationStatus } from '../../db/types.ts';
import { hashToken } from '../../auth/sessions.ts';
import { NotFoundError } from '../../errors.ts';
import type { LineManagerInput } from './schemas.ts';
import { menteeApplicationMachine } from './statuses.ts';
import { emailMentee, lockApplication, moveApplication, stepAfterLineManager, type MenteeDeps, type Reader } from './transitions.ts';

export type LinkProblem = 'unknown' | 'used' | 'expired';

export interface LineManagerPage {
  menteeName: string;
  programmeName: string;
  managerName: string;
  expiresAt: Date;
}

export type LinkLookup = { ok: true; page: LineManagerPage } | { ok: false; problem: LinkProblem };

/**
 * Used once answered; expired when past its date, superseded (the mentee named someone else) or no
 * longer needed. A superseded link reads as expired, as a superseded password-reset link does.
 */
function problemOf(request: { status: LineManagerRequestStatus; is_expired: boolean }, applicationStatus: MenteeApplicationStatus): LinkProblem | null {
  if (request.status === 'supported' || request.status === 'not_supported') return 'used';
  const awaitsManager = menteeApplicationMachine.targets(applicationStatus, 'line_manager').length > 0;
  if (request.status !== 'pending' || request.is_expired || !awaitsManager) return 'expired';
  return null;
}

export async function viewLineManagerRequest(db: Reader, token: string): Promise<LinkLookup> {
  const row = await db
    .selectFrom('line_manager_requests as r')
    .innerJoin('mentee_applications as a', 'a.id', 'r.application_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select([
      'r.status', 'r.manager_name', 'r.expires_at', sql<boolean>`r.expires_at <= now()`.as('is_expired'),
      'a.status as application_status', 'u.full_name as mentee_name', 'p.name as programme_name',
    ])
    .where('r.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { ok: false, problem: 'unknown' };
  const problem = problemOf(row, row.application_status);
  if (problem) return { ok: false, problem };
  return { ok: true, page: { menteeName: row.mentee_name, programmeName: row.programme_name, managerName: row.manager_name, expiresAt: new Date(row.expires_at) } };
}

export type ResponseOutcome = { ok: true; decision: LineManagerInput['decision'] } | { ok: false; problem: LinkProblem };

/**
 * Records the manager's answer and moves the application on, in one transaction that locks the
 * application and then the request. A link already used or expired changes nothing.
 */
export async function respondAsLineManager(deps: MenteeDeps, input: LineManagerInput): Promise<ResponseOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<ResponseOutcome> => {
    const found = await trx.selectFrom('line_manager_requests').select(['id', 'application_id']).where('token_hash', '=', hashToken(input.token)).executeTakeFirst();
    if (!found) return { ok: false, problem: 'unknown' };
    const application = await lockApplication(trx, { id: found.application_id });
    const request = await trx
      .selectFrom('line_manager_requests')
      .select(['id', 'status', sql<boolean>`expires_at <= now()`.as('is_expired')])
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirst();
    if (!application || !request) throw new NotFoundError();
    const problem = problemOf(request, application.status);
    if (problem) return { ok: false, problem };

    const supported = input.decision === 'supported';
    const reason = supported ? null : input.reason;
    await trx.updateTable('line_manager_requests').set({ status: input.decision, reason, responded_at: sql`now()` }).where('id', '=', request.id).execute();
    const programme = await trx.selectFrom('programmes').select('requires_admin_approval').where('id', '=', application.programme_id).executeTakeFirstOrThrow();
    await moveApplication(trx, application, supported ? stepAfterLineManager(programme) : 'line_manager_declined', {
      actorId: null,
      action: supported ? 'line_manager_supported' : 'line_manager_declined',
      reason,
      details: { requestId: request.id },
    });
    await emailMentee(trx, deps, application, 'menteeLineManagerResponded');
    return { ok: true, decision: input.decision };
  });
}
