// A demo relationship's goals: one to three from setting direction on, with statuses that fit how
// far the relationship got, reviewed at held sessions with progress to match, and the sweep's
// reminder when open goals went six weeks without a review.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { GoalStatus } from '../../db/types.ts';
import { between, chance, dateOnly, daysAgo, earliest, pick, plusDays, uuid } from '../helpers.ts';
import type { Ctx, HeldSession, PlannedRelationship } from '../mentoring-plan.ts';
import { GOALS, REVIEW_NOTES } from './goal-text.ts';

/** goal-sweep.ts reminds the pair to review open goals every 6 weeks. */
const GOAL_REVIEW_DAYS = 42;

/** Statuses of the goals, by how far the relationship got and how it ended. */
function goalStatuses(r: PlannedRelationship): GoalStatus[] {
  const reached = r.phaseStarts.length - 1;
  if (r.endKind === 'ended_early' || r.endKind === 'ended_by_admin') return ['in_progress', 'set_aside', 'not_started'];
  if (r.endKind === 'completed' || reached >= 3) return ['achieved', pick(['achieved', 'in_progress'] as const), 'set_aside'];
  if (reached === 2) return r.rich ? ['in_progress', 'achieved', 'set_aside'] : ['in_progress', pick(['in_progress', 'achieved'] as const), 'not_started'];
  return ['in_progress', 'not_started', 'not_started'];
}

/** One to three goals from setting direction on, reviewed at held sessions with progress that fits their status. */
export function planGoals(ctx: Ctx, r: PlannedRelationship, held: HeldSession[]): Date | null {
  const { rows, now } = ctx;
  const directionFrom = r.phaseStarts[1];
  if (!directionFrom) return null;
  const until = r.endedAt ?? now;
  const texts = faker.helpers.arrayElements(GOALS[r.type], r.rich ? 3 : pick([1, 2, 2, 3]));
  const statuses = goalStatuses(r);
  let firstOpen: Date | null = null;
  let lastReview: Date | null = null;
  for (const [index, text] of texts.entries()) {
    const status = statuses[index] ?? 'in_progress';
    const createdAt = earliest(plusDays(directionFrom, between(0, 6) + index * between(0, 12)), plusDays(until, -0.1));
    const id = uuid();
    let progress = faker.number.int({ min: 2, max: 4 });
    let reviewedAt: Date | null = null;
    const sessions = status === 'not_started' ? [] : held.filter((s) => s.at > createdAt);
    for (const [n, session] of sessions.entries()) {
      if (!r.rich && !chance(0.7)) continue;
      if (status === 'achieved') progress = n === sessions.length - 1 ? faker.number.int({ min: 9, max: 10 }) : Math.min(8, progress + faker.number.int({ min: 1, max: 2 }));
      else if (status === 'in_progress') progress = Math.min(7, progress + faker.number.int({ min: 0, max: 2 }));
      const level = progress <= 4 ? 'low' : progress <= 7 ? 'middle' : 'high';
      reviewedAt = earliest(plusDays(session.at, between(0.05, 1.5)), now);
      rows.reviews.push({
        goal_id: id, session_id: chance(0.85) ? session.id : null, progress, note: pick(REVIEW_NOTES[level]),
        author_id: chance(0.75) ? r.mentee.id : r.mentor.id, created_at: reviewedAt,
      });
    }
    if ((status === 'not_started' || status === 'in_progress') && (!firstOpen || createdAt < firstOpen)) firstOpen = createdAt;
    if (reviewedAt && (!lastReview || reviewedAt > lastReview)) lastReview = reviewedAt;
    rows.goals.push({
      id, relationship_id: r.id, title: text.title, reality: text.reality, options: text.options, way_forward: text.wayForward,
      due_on: dateOnly(plusDays(createdAt, between(60, 180))), status, created_at: createdAt, updated_at: reviewedAt ?? createdAt, last_reviewed_at: reviewedAt,
    });
  }
  // Open goals with nothing reviewed for six weeks: the sweep has already sent its reminder (goal-sweep.ts's rule).
  const cutoff = plusDays(now, -GOAL_REVIEW_DAYS);
  const due = !r.endedAt && firstOpen !== null && !(lastReview && lastReview > cutoff) && (firstOpen <= cutoff || lastReview !== null);
  return due ? daysAgo(now, 1, 20) : null;
}
