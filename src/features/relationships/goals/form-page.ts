// The goal form, for adding a goal or editing one: the mentee's alone (the mentor is told so, 409),
// and only while the relationship is active. Only the pair reach it (access.loadForParty).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { GoalStatus } from '../../../db/types.ts';
import { dateFieldValues } from '../../../platform/date-fields.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { loadForParty, RelationshipEndedError, requireMentee, type RelationshipContext } from '../access.ts';
import { frameOf, type Frame } from '../frame.ts';
import { paths } from '../paths.ts';
import { findGoal, versionOf } from './lookup.ts';
import { goalPaths } from './pages.ts';
import { DUE_FIELD } from './schemas.ts';
import { goalStatusLabels } from './status.ts';

export interface GoalFormPage {
  frame: Frame;
  isEdit: boolean;
  action: string;
  cancelHref: string;
  /** What the form starts with: the stored goal when editing, or what was typed. */
  values: Record<string, unknown>;
  /** After a refused stale edit: the goal as it is now, shown beside what was typed. */
  current: { title: string; reality: string; options: string; wayForward: string; due: string | null; status: string } | null;
  statuses: { value: GoalStatus; text: string }[];
}

/** Setting goals is the mentee's: the mentor is told so (409), and an ended relationship says it has ended. */
function requireGoalSetter(actor: Actor, context: RelationshipContext, what: string): void {
  if (!context.isActive) throw new RelationshipEndedError();
  requireMentee(actor, context, what);
}

/**
 * The add or edit form. `typed` replaces the stored values with what the person sent; after an
 * invalid save it keeps the version the form was loaded from, so the staleness check still applies.
 * After a refused stale edit (`adoptCurrent`) it carries the stored goal's version and shows that
 * goal beside the form, so once the person has compared them a deliberate save goes through.
 */
export async function getGoalFormPage(db: Db, actor: Actor, relationshipId: string, goalId: string | null, typed?: Record<string, unknown>, adoptCurrent = false): Promise<GoalFormPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const id = context.relationship.id;
  const goal = goalId ? await findGoal(db, id, goalId) : null;
  requireGoalSetter(actor, context, goal ? 'change a goal' : 'add goals');
  const stored = goal
    ? { title: goal.title, reality: goal.reality, options: goal.options, wayForward: goal.way_forward, status: goal.status, version: versionOf(goal), ...dateFieldValues(DUE_FIELD, goal.due_on) }
    : { status: 'not_started' };
  const isStale = adoptCurrent && goal !== null;
  return {
    frame: frameOf(context),
    isEdit: goal !== null,
    action: goal ? goalPaths.edit(id, goal.id) : paths.goals(id),
    cancelHref: goal ? paths.goal(id, goal.id) : paths.goals(id),
    values: typed ? { ...typed, ...(isStale ? { version: versionOf(goal) } : {}) } : stored,
    current: isStale
      ? { title: goal.title, reality: goal.reality, options: goal.options, wayForward: goal.way_forward, due: goal.due_on ? formatDate(goal.due_on) : null, status: goalStatusLabels[goal.status] }
      : null,
    statuses: Object.entries(goalStatusLabels).map(([value, text]) => ({ value: value as GoalStatus, text })),
  };
}
