// What the goal pages show: the list of goals, one goal with its reviews as a history and a small
// progress trend, and the add/edit form. Only the pair reach them (access.loadForParty answers 404 to
// anyone else); a goal id must belong to the relationship in the address, or it is a 404 too.
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Goal, GoalStatus } from '../../db/types.ts';
import { NotFoundError } from '../../errors.ts';
import { dateFieldValues } from '../../platform/date-fields.ts';
import { formatDate } from '../../platform/formatting.ts';
import { loadForParty, RelationshipEndedError, requireMentee, type RelationshipContext } from './access.ts';
import { paths, type Trx } from './deps.ts';
import { frameOf, type Frame } from './frame.ts';
import { DUE_FIELD } from './goal-schemas.ts';
import { progressTrend, type Trend } from './goal-trend.ts';
import { goalStatusLabels } from './overview-service.ts';

/** The goal pages' own addresses, below paths.goals and paths.goal. */
export const goalPaths = {
  add: (id: string) => `${paths.goals(id)}/new`,
  edit: (id: string, goalId: string) => `${paths.goal(id, goalId)}/edit`,
  reviews: (id: string, goalId: string) => `${paths.goal(id, goalId)}/reviews`,
};

const statusColours: Record<GoalStatus, string> = { not_started: 'grey', in_progress: 'blue', achieved: 'green', set_aside: 'white' };

export interface StatusTag {
  text: string;
  colour: string;
}

function statusTag(status: GoalStatus): StatusTag {
  return { text: goalStatusLabels[status], colour: statusColours[status] };
}

export async function findGoal(db: Db | Trx, relationshipId: string, goalId: string): Promise<Goal> {
  const goal = await db.selectFrom('goals').selectAll().where('id', '=', goalId).where('relationship_id', '=', relationshipId).executeTakeFirst();
  if (!goal) throw new NotFoundError();
  return goal;
}

export interface GoalsPage {
  frame: Frame;
  canSetGoals: boolean;
  addHref: string;
  goals: { title: string; href: string; tag: StatusTag; due: string | null; latest: string | null }[];
}

export async function getGoalsPage(db: Db, actor: Actor, relationshipId: string): Promise<GoalsPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const id = context.relationship.id;
  const goals = await db.selectFrom('goals').selectAll().where('relationship_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const latest = goals.length === 0 ? [] : await db.selectFrom('goal_reviews').select(['goal_id', 'progress', 'created_at'])
    .distinctOn('goal_id').where('goal_id', 'in', goals.map((g) => g.id)).orderBy('goal_id').orderBy('created_at', 'desc').execute();
  return {
    frame: frameOf(context),
    canSetGoals: context.isActive && context.role === 'mentee',
    addHref: goalPaths.add(id),
    goals: goals.map((goal) => {
      const review = latest.find((r) => r.goal_id === goal.id);
      return {
        title: goal.title, href: paths.goal(id, goal.id), tag: statusTag(goal.status), due: goal.due_on ? formatDate(goal.due_on) : null,
        latest: review ? `${review.progress} out of 10 on ${formatDate(review.created_at)}` : null,
      };
    }),
  };
}

export interface GoalPage {
  frame: Frame;
  goal: { title: string; reality: string; options: string; wayForward: string; due: string | null; tag: StatusTag; addedOn: string };
  goalsHref: string;
  editHref: string | null;
  canReview: boolean;
  reviewAction: string;
  sessions: { value: string; text: string }[];
  reviews: { date: string; by: string; progress: number; note: string; session: string | null }[];
  trend: Trend | null;
}

export async function getGoalPage(db: Db, actor: Actor, relationshipId: string, goalId: string): Promise<GoalPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const id = context.relationship.id;
  const goal = await findGoal(db, id, goalId);
  const [reviews, sessions] = await Promise.all([
    db.selectFrom('goal_reviews as r').leftJoin('mentoring_sessions as s', 's.id', 'r.session_id')
      .select(['r.progress', 'r.note', 'r.author_id', 'r.created_at', 's.starts_at as sessionStartsAt'])
      .where('r.goal_id', '=', goal.id).orderBy('r.created_at', 'desc').orderBy('r.id').execute(),
    heldSessions(db, id),
  ]);
  const nameOf = (authorId: string | null): string =>
    authorId === actor.id ? 'You' : authorId === context.mentee.id ? context.mentee.fullName : authorId === context.mentor.id ? context.mentor.fullName : 'Someone no longer registered';
  return {
    frame: frameOf(context),
    goal: {
      title: goal.title, reality: goal.reality, options: goal.options, wayForward: goal.way_forward,
      due: goal.due_on ? formatDate(goal.due_on) : null, tag: statusTag(goal.status), addedOn: formatDate(goal.created_at),
    },
    goalsHref: paths.goals(id),
    editHref: context.isActive && context.role === 'mentee' ? goalPaths.edit(id, goal.id) : null,
    canReview: context.isActive,
    reviewAction: goalPaths.reviews(id, goal.id),
    sessions,
    reviews: reviews.map((r) => ({
      date: formatDate(r.created_at), by: nameOf(r.author_id), progress: r.progress, note: r.note,
      session: r.sessionStartsAt ? formatDate(r.sessionStartsAt) : null,
    })),
    trend: progressTrend([...reviews].reverse().map((r) => ({ progress: r.progress, date: formatDate(r.created_at) }))),
  };
}

/** The sessions a review may belong to: those this relationship has held, newest first. */
export async function heldSessions(db: Db | Trx, relationshipId: string): Promise<{ value: string; text: string }[]> {
  const rows = await db.selectFrom('mentoring_sessions').select(['id', 'starts_at']).where('relationship_id', '=', relationshipId)
    .where('status', '=', 'held').orderBy('starts_at', 'desc').execute();
  return rows.map((s) => ({ value: s.id, text: `Session on ${formatDate(s.starts_at)}` }));
}

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

/** A goal's version for the edit form: when it was last saved, to the millisecond. */
export function versionOf(goal: Pick<Goal, 'updated_at'>): string {
  return String(new Date(goal.updated_at).getTime());
}
