// Table types for a relationship's goals (migration 0002): each written in GROW's terms, and the
// reviews of its progress, often made at a session.
import type { Generated, Selectable } from 'kysely';
import type { NullableDateOnly, NullableTimestamp, Timestamp } from './columns.ts';

export const goalStatuses = ['not_started', 'in_progress', 'achieved', 'set_aside'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export interface GoalsTable {
  id: Generated<string>;
  relationship_id: string;
  title: string;
  reality: Generated<string>;
  options: Generated<string>;
  way_forward: Generated<string>;
  due_on: NullableDateOnly;
  status: Generated<GoalStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_reviewed_at: NullableTimestamp;
}

export interface GoalReviewsTable {
  id: Generated<string>;
  goal_id: string;
  session_id: string | null;
  progress: number;
  note: Generated<string>;
  author_id: string | null;
  created_at: Timestamp;
}

export type Goal = Selectable<GoalsTable>;
export type GoalReview = Selectable<GoalReviewsTable>;
