// "Time to review your goals", every 6 weeks (PRODUCT.md, journey 5). A relationship is due when it
// is active, has a goal still open (not achieved, not set aside), nothing has been reviewed and no
// reminder sent in the last 42 days, and there is something to look back on: its oldest open goal is
// 42 days old, or its last review was (42 days or more ago, as nothing is newer).
// Each due relationship is handled in its own transaction that locks its row with SKIP LOCKED,
// re-checks that it is still due under the lock, and claims goals_reminded_at before queueing the
// two emails, so a sweep run twice, or on two instances at once, reminds once.
import { sql, type Expression, type SqlBool } from 'kysely';
import { recordAudit } from '../../../db/audit.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { absoluteUrl, mailDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { goalEmails, goalTemplates } from './emails.ts';
import type { SweepDeps } from '../sweep-types.ts';

const REVIEW_DAYS = 42;
/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

/** Is relationship `r` due a reminder at `now`? One rule, used to find candidates and to re-check under the lock. */
function isDue(now: Date): Expression<SqlBool> {
  const cutoff = new Date(now.getTime() - REVIEW_DAYS * 86_400_000);
  return sql<SqlBool>`
    r.status = 'active'
    and (r.goals_reminded_at is null or r.goals_reminded_at <= ${cutoff})
    and exists (select 1 from goals g where g.relationship_id = r.id and g.status in ('not_started', 'in_progress'))
    and not exists (select 1 from goal_reviews gr join goals g on g.id = gr.goal_id where g.relationship_id = r.id and gr.created_at > ${cutoff})
    and (
      (select min(g.created_at) from goals g where g.relationship_id = r.id and g.status in ('not_started', 'in_progress')) <= ${cutoff}
      or exists (select 1 from goal_reviews gr join goals g on g.id = gr.goal_id where g.relationship_id = r.id)
    )`;
}

async function remindOne(deps: SweepDeps, relationshipId: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    // Lock first, then re-check in a new statement, so the check sees anything committed before the lock.
    const locked = await trx.selectFrom('relationships').select('id').where('id', '=', relationshipId).forUpdate().skipLocked().executeTakeFirst();
    if (!locked) return false;
    const due = await trx.selectFrom('relationships as r')
      .innerJoin('programmes as p', 'p.id', 'r.programme_id')
      .innerJoin('users as mentee', 'mentee.id', 'r.mentee_id')
      .innerJoin('users as mentor', 'mentor.id', 'r.mentor_id')
      .select(['r.id', 'r.programme_id', 'p.name as programmeName', 'mentee.id as menteeId', 'mentee.full_name as menteeName', 'mentee.email as menteeEmail',
        'mentor.id as mentorId', 'mentor.full_name as mentorName', 'mentor.email as mentorEmail'])
      .where('r.id', '=', relationshipId).where(isDue(now)).executeTakeFirst();
    if (!due) return false;

    await trx.updateTable('relationships').set({ goals_reminded_at: now }).where('id', '=', due.id).execute();
    const url = absoluteUrl(deps, paths.goals(due.id));
    const mail = mailDeps(deps);
    await queueEmail(trx, mail, {
      to: due.menteeEmail, userId: due.menteeId, template: goalTemplates.reminder,
      content: goalEmails.reminder({ url, programmeName: due.programmeName, otherName: due.mentorName, forMentee: true }),
    });
    await queueEmail(trx, mail, {
      to: due.mentorEmail, userId: due.mentorId, template: goalTemplates.reminder,
      content: goalEmails.reminder({ url, programmeName: due.programmeName, otherName: due.menteeName, forMentee: false }),
    });
    await recordAudit(trx, { actorId: null, action: 'relationship.goals_reminded', subjectType: 'relationship', subjectId: due.id, programmeId: due.programme_id });
    return true;
  });
}

export async function sweepGoalReminders(deps: SweepDeps, now: Date): Promise<Record<string, number>> {
  const due = await deps.db.selectFrom('relationships as r').select('r.id').where(isDue(now)).orderBy('r.started_at').limit(BATCH).execute();
  let reminded = 0;
  for (const { id } of due) {
    if (await remindOne(deps, id, now)) reminded += 1;
  }
  return { reminded };
}
