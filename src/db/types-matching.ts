// Table types for finding a mentor and the relationship's core rows (migration 0002): shortlists,
// "seeking a mentor" posts, chemistry invitations and their history, private fit reflections,
// brokering requests and relationships.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MentoringType } from './types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ShortlistEntriesTable {
  programme_id: string;
  mentee_id: string;
  mentor_id: string;
  created_at: Timestamp;
}

export interface SeekingPostsTable {
  id: Generated<string>;
  programme_id: string;
  mentee_id: string;
  summary: string;
  status: Generated<'open' | 'closed'>;
  created_at: Timestamp;
  closed_at: NullableTimestamp;
  /** Migration 0006: the mentee's preferred meeting modes (taxonomy term ids). */
  meeting_mode_ids: ColumnType<string[], string[] | undefined, string[]>;
}

export const invitationStatuses = ['pending', 'accepted', 'met', 'chosen', 'not_chosen', 'declined', 'expired', 'withdrawn', 'cancelled'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];
/** Open invitations count against the mentee's limit (ARCHITECTURE.md). */
export const openInvitationStatuses = ['pending', 'accepted', 'met'] as const satisfies readonly InvitationStatus[];

export interface InvitationsTable {
  id: Generated<string>;
  programme_id: string;
  mentee_id: string;
  mentor_id: string;
  initiated_by: Generated<'mentee' | 'mentor' | 'admin'>;
  seeking_post_id: string | null;
  status: Generated<InvitationStatus>;
  message: Generated<string>;
  decline_reason: string | null;
  created_at: Timestamp;
  responded_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  expires_at: Date | string;
  closed_at: NullableTimestamp;
  ics_sequence: Generated<number>;
  // Migration 0005: what chemistry meetings need beyond the 0002 model.
  mentoring_type: Generated<MentoringType>;
  preferred_mode_ids: ColumnType<string[], string[] | undefined, string[]>;
  preferred_times: Generated<string>;
  meeting_starts_at: NullableTimestamp;
  meeting_minutes: number | null;
  meeting_mode_id: string | null;
  closing_message: string | null;
  chosen_at: NullableTimestamp;
}

export interface InvitationEventsTable {
  id: Generated<number>;
  invitation_id: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  occurred_at: Timestamp;
}

export interface FitReflectionsTable {
  invitation_id: string;
  author_id: string;
  key_id: string;
  ciphertext: Buffer;
  updated_at: Timestamp;
}

export interface BrokerRequestsTable {
  id: Generated<string>;
  programme_id: string;
  mentee_id: string;
  status: Generated<'open' | 'proposed' | 'closed'>;
  proposed_mentor_id: string | null;
  created_at: Timestamp;
  closed_at: NullableTimestamp;
}

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

export interface MatchingTables {
  shortlist_entries: ShortlistEntriesTable;
  seeking_posts: SeekingPostsTable;
  invitations: InvitationsTable;
  invitation_events: InvitationEventsTable;
  fit_reflections: FitReflectionsTable;
  broker_requests: BrokerRequestsTable;
  relationships: RelationshipsTable;
  relationship_phase_events: RelationshipPhaseEventsTable;
}

export type Invitation = Selectable<InvitationsTable>;
export type Relationship = Selectable<RelationshipsTable>;
