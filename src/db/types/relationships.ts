// Table types for the mentoring relationship itself (migrations 0002, 0007 and 0010): the pair,
// the phases it moves through and their history, and how it ended, with each party's sealed
// closing reflection.
import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';
import type { MentoringType } from './programmes.ts';

export const relationshipPhases = ['building_rapport', 'setting_direction', 'making_progress', 'winding_down', 'moving_on'] as const;
export type RelationshipPhase = (typeof relationshipPhases)[number];
export type RelationshipEndKind = 'completed' | 'ended_early' | 'ended_by_admin';

export interface RelationshipsTable {
  id: Generated<string>;
  programme_id: string;
  mentee_id: string;
  mentor_id: string;
  invitation_id: string | null;
  mentoring_type: MentoringType;
  status: Generated<'active' | 'ended'>;
  phase: Generated<RelationshipPhase>;
  end_kind: RelationshipEndKind | null;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  last_session_at: NullableTimestamp;
  health: Generated<'green' | 'amber' | 'red'>;
  /** Migration 0007: when the pair was last reminded to review their goals (every 6 weeks). */
  goals_reminded_at: NullableTimestamp;
  /** Migration 0007: the health level the pair was last nudged about, so each level nudges once. */
  health_nudged: 'amber' | 'red' | null;
  health_nudged_at: NullableTimestamp;
}

export interface RelationshipPhaseEventsTable {
  id: Generated<number>;
  relationship_id: string;
  from_phase: RelationshipPhase | null;
  to_phase: RelationshipPhase;
  actor_user_id: string | null;
  note: string | null;
  occurred_at: Timestamp;
}

export interface RelationshipEndingsTable {
  relationship_id: string;
  ended_by: string | null;
  kind: RelationshipEndKind;
  /** Programme admins only (PRODUCT.md, "who sees what"). */
  reason: Generated<string>;
  created_at: Timestamp;
}

/** Only its author ever reads it: ciphertext only, with the id of the key used (migration 0010). */
export interface ClosingReflectionsTable {
  relationship_id: string;
  author_id: string;
  key_id: string;
  ciphertext: Buffer;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type Relationship = Selectable<RelationshipsTable>;
