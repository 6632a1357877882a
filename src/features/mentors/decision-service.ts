// A programme admin's decision on a mentor application: approve, reject (with a reason) or ask for
// more information (with a message). One transaction locks the application row and decides only
// if it is still the submission the admin read, so two admins deciding at the same moment make
// exactly one decision; the other is told who got there first. Approval puts the mentor on the
// programme's register (a 'mentor' membership) in the same transaction.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { MentorApplicationStatus } from '../../db/types.ts';
import { queueEmail } from '../../email/outbox.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Decision, DecisionInput } from './application-schemas.ts';
import { absoluteUrl, mailDeps, paths, type MentorDeps } from './deps.ts';
import { mentorEmails, mentorEmailTemplates } from './emails.ts';
import { mentorApplicationMachine } from './statuses.ts';
import { recordTransition } from './transitions.ts';

const outcome: Record<Decision, MentorApplicationStatus> = { approve: 'approved', reject: 'rejected', more_info: 'more_info_requested' };

/** Someone decided first (or the applicant sent the application again since the page was opened). */
export class DecisionConflictError extends ConflictError {
  constructor(
    message: string,
    readonly applicationStatus: MentorApplicationStatus,
    readonly decidedAt: Date | null,
  ) {
    super(message, 'already_decided');
  }
}

export async function decideApplication(deps: MentorDeps, actor: Actor, programmeId: string, applicationId: string, input: DecisionInput): Promise<MentorApplicationStatus> {
  return deps.db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('mentor_applications as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.user_id', 'a.programme_id', 'a.status', 'a.submitted_at', 'a.decided_at', 'u.email'])
      .where('a.id', '=', applicationId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!application || application.programme_id !== programmeId || application.submitted_at === null) throw new NotFoundError();
    if (!policies.canDecideApplication(actor, { userId: application.user_id, programmeId })) throw new ForbiddenError('You cannot decide on your own application');
    const to = outcome[input.decision];
    mentorApplicationMachine.assertMove(application.status, to, 'admin', () => new DecisionConflictError('Another admin decided this application first', application.status, application.decided_at));
    if (input.submittedAt !== '' && new Date(input.submittedAt).getTime() !== application.submitted_at.getTime()) {
      throw new DecisionConflictError('The applicant sent their application again since you opened this page. Read it again before you decide', application.status, null);
    }

    const reason = input.decision === 'reject' ? input.reason : input.decision === 'more_info' ? input.message : null;
    await trx
      .updateTable('mentor_applications')
      .set({ status: to, decided_at: sql`now()`, decided_by: actor.id, admin_message: reason, updated_at: sql`now()` })
      .where('id', '=', application.id)
      .execute();
    await recordTransition(trx, { applicationId: application.id, programmeId, from: application.status, to, actorId: actor.id, reason });
    if (to === 'approved') {
      await trx
        .insertInto('programme_memberships')
        .values({ programme_id: programmeId, user_id: application.user_id, role: 'mentor', created_by: actor.id })
        .onConflict((oc) => oc.columns(['programme_id', 'user_id', 'role']).doNothing())
        .execute();
    }
    // The email says only that there is a decision; the reason or message is on the page.
    await queueEmail(trx, mailDeps(deps), {
      to: application.email,
      userId: application.user_id,
      template: mentorEmailTemplates.applicationReviewed,
      content: mentorEmails.applicationReviewed({ url: absoluteUrl(deps, paths.application(programmeId)), serviceName: deps.config.serviceName }),
    });
    return to;
  });
}
