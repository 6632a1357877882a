// What the goal pages show: the list of goals, and one goal with its reviews as a history and a
// small progress trend. Only the pair reach them (access.loadForParty answers 404 to anyone else);
// a goal id must belong to the relationship in the address, or it is a 404 too (lookup.ts).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { loadForParty } from '../access.ts';
import type { Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';
import { findGoal } from './lookup.ts';
import { statusTag, type StatusTag } from './status.ts';
import { progressTrend, type Trend } from './trend.ts';

/** The goal pages' own addresses, below paths.goals and paths.goal. */
export const goalPaths = {
  add: (id: string) => `${paths.goals(id)}/new`,
  edit: (id: string, goalId: string) => `${paths.goal(id, goalId)}/edit`,
  reviews: (id: string, goalId: string) => `${paths.goal(id, goalId)}/reviews`,
};

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
