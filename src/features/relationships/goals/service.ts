// Changing goals and recording reviews. Each change is one transaction that locks the relationship
// row first (access.lockForChange: 404 for non-parties, 409 once ended), checks the rule, writes,
// records an audit row (ids and codes only) and queues any email in the same transaction.
// Goals are set by the mentee (PRODUCT.md, journey 5); both of the pair may record a review, so a
// mentor can note progress they talked through together.
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { ConflictError, ValidationError } from '../../../errors.ts';
import { lockForChange, requireMentee, type RelationshipContext } from '../access.ts';
import { absoluteUrl, mailDeps, type RelationshipDeps, type Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import { goalEmails, goalTemplates } from './emails.ts';
import { findGoal, versionOf } from './lookup.ts';
import { DUE_FIELD, dueInPastMessage, isDueDateAllowed, type GoalInput, type ReviewInput } from './schemas.ts';
import { partField } from '../../../platform/date-fields.ts';

/** The edit was made from a copy older than the stored goal: nothing is saved, and the form shows the goal as it is now. */
export class GoalChangedError extends ConflictError {
  constructor() {
    super('This goal was changed after you opened it. Check it and make your change again', 'goal_stale');
  }
}

function checkDueDate(input: GoalInput, storedDueOn: string | null, now: Date): void {
  if (!isDueDateAllowed(input.dueOn, storedDueOn, now)) throw new ValidationError({ [partField(DUE_FIELD, 'day')]: dueInPastMessage });
}

async function audit(trx: Trx, actor: Actor, context: RelationshipContext, action: string, goalId: string, details: Record<string, string | number | boolean | null> = {}) {
  await recordAudit(trx, {
    actorId: actor.id, action, subjectType: 'goal', subjectId: goalId, programmeId: context.programme.id,
    details: { relationshipId: context.relationship.id, ...details },
  });
}

/** The mentee adds a goal; the mentor is told that there is one (never what it says). Returns its id. */
export async function addGoal(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: GoalInput, now: Date = new Date()): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    requireMentee(actor, context, 'add goals');
    checkDueDate(input, null, now);
    const goal = await trx.insertInto('goals').values({
      relationship_id: context.relationship.id, title: input.title, reality: input.reality, options: input.options,
      way_forward: input.wayForward, due_on: input.dueOn, status: input.status, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, actor, context, 'goal.added', goal.id, { status: input.status });
    await queueEmail(trx, mailDeps(deps), {
      to: context.mentor.email, userId: context.mentor.id, template: goalTemplates.added,
      content: goalEmails.added({ menteeName: context.mentee.fullName, programmeName: context.programme.name, url: absoluteUrl(deps, paths.goals(context.relationship.id)) }),
    });
    return goal.id;
  });
}

/** The mentee changes a goal. An edit made from a copy older than the stored goal is refused (409), not merged. */
export async function changeGoal(deps: RelationshipDeps, actor: Actor, relationshipId: string, goalId: string, input: GoalInput, now: Date = new Date()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const goal = await findGoal(trx, context.relationship.id, goalId);
    requireMentee(actor, context, 'change a goal');
    if (input.version !== versionOf(goal)) throw new GoalChangedError();
    checkDueDate(input, goal.due_on, now);
    await trx.updateTable('goals').set({
      title: input.title, reality: input.reality, options: input.options, way_forward: input.wayForward,
      due_on: input.dueOn, status: input.status, updated_at: now,
    }).where('id', '=', goal.id).execute();
    await audit(trx, actor, context, 'goal.changed', goal.id, { status: input.status, statusChanged: input.status !== goal.status });
  });
}

/** Either of the pair records a review: a rating, a note, and optionally the held session it belongs to. */
export async function addReview(deps: RelationshipDeps, actor: Actor, relationshipId: string, goalId: string, input: ReviewInput, now: Date = new Date()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const goal = await findGoal(trx, context.relationship.id, goalId);
    if (input.session) {
      const session = await trx.selectFrom('mentoring_sessions').select('id').where('id', '=', input.session)
        .where('relationship_id', '=', context.relationship.id).where('status', '=', 'held').executeTakeFirst();
      // Someone else's session looks exactly like one that does not exist.
      if (!session) throw new ValidationError({ session: 'Choose a session from the list' });
    }
    const review = await trx.insertInto('goal_reviews').values({
      goal_id: goal.id, session_id: input.session, progress: input.progress, note: input.note, author_id: actor.id, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('goals').set({ last_reviewed_at: now }).where('id', '=', goal.id).execute();
    await audit(trx, actor, context, 'goal.reviewed', goal.id, { reviewId: review.id, linkedToSession: input.session !== null });
  });
}
