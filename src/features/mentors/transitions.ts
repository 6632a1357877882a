// Writing one step of a mentor application's state machine (ARCHITECTURE.md, statuses.ts): the
// history row that the applicant page shows, and the audit row (ids and codes only). Always called
// inside the transaction that locked the application row and changed its status, so a step the
// machine has no place for is refused with the whole change.
import type { Transaction } from 'kysely';
import type { Database, MentorApplicationStatus } from '../../db/types.ts';
import { recordAudit } from '../../db/audit.ts';
import { mentorApplicationMachine } from './statuses.ts';

export interface Transition {
  applicationId: string;
  programmeId: string;
  from: MentorApplicationStatus | null;
  to: MentorApplicationStatus;
  actorId: string;
  /** A rejection reason or a request for more information; kept in the history, never emailed. */
  reason?: string | null;
}

export async function recordTransition(trx: Transaction<Database>, step: Transition): Promise<void> {
  // A new application starts as a draft, from nothing; every later step is one of the machine's moves.
  if (step.from !== null) mentorApplicationMachine.assertMove(step.from, step.to);
  await trx
    .insertInto('application_events')
    .values({
      application_kind: 'mentor',
      application_id: step.applicationId,
      from_status: step.from,
      to_status: step.to,
      actor_user_id: step.actorId,
      reason: step.reason ?? null,
    })
    .execute();
  await recordAudit(trx, {
    actorId: step.actorId,
    action: `mentor_application.${step.to}`,
    subjectType: 'mentor_application',
    subjectId: step.applicationId,
    programmeId: step.programmeId,
    details: { from: step.from, to: step.to },
  });
}
