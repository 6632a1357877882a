// Table types for finding a mentor and chemistry meetings (migrations 0002, 0005 and 0006):
// shortlists, "seeking a mentor" posts, invitations and their history, private fit reflections and
// requests for an admin to broker a match.
import type { Generated, Selectable } from 'kysely';
import type { ArrayWithDefault, NullableTimestamp, Timestamp } from './columns.ts';
import type { MentoringType } from './programmes.ts';

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
  meeting_mode_ids: ArrayWithDefault<string>;
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
  preferred_mode_ids: ArrayWithDefault<string>;
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

export type Invitation = Selectable<InvitationsTable>;
