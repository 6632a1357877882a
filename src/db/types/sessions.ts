// Table types for mentoring sessions and what follows them (migrations 0002, 0007 and 0009): the
// sessions, shared notes, private notes (ciphertext only), agreed actions and the mentee's
// reflection on each session.
import type { Generated, Selectable } from 'kysely';
import type { NullableDateOnly, NullableTimestamp, Timestamp } from './columns.ts';

export const sessionStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export interface MentoringSessionsTable {
  id: Generated<string>;
  relationship_id: string;
  starts_at: Timestamp;
  duration_minutes: number;
  /** A meeting-mode taxonomy term id. */
  mode: string;
  location: Generated<string>;
  agenda: Generated<string>;
  status: Generated<SessionStatus>;
  ics_sequence: Generated<number>;
  reminded_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Held outside the platform and recorded afterwards (no invitation was sent). */
  logged: Generated<boolean>;
  cancelled_at: NullableTimestamp;
  reflection_prompted_at: NullableTimestamp;
  cancelled_by: string | null;
  /** Left for the other party when cancelling; shown on the session page only, never emailed. */
  cancel_message: Generated<string>;
}

export interface SharedNotesTable {
  id: Generated<string>;
  session_id: string;
  author_id: string | null;
  body: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Only the author ever reads a private note: the row holds ciphertext and the id of its key. */
export interface PrivateNotesTable {
  id: Generated<string>;
  session_id: string;
  author_id: string;
  key_id: string;
  ciphertext: Buffer;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgreedActionsTable {
  id: Generated<string>;
  relationship_id: string;
  session_id: string | null;
  description: string;
  owner_id: string | null;
  due_on: NullableDateOnly;
  done_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string | null;
}

export interface SessionReflectionsTable {
  session_id: string;
  mentee_id: string;
  takeaway: Generated<string>;
  usefulness: number;
  emoji: Generated<string>;
  shared_with_mentor: Generated<boolean>;
  created_at: Timestamp;
}

export type MentoringSession = Selectable<MentoringSessionsTable>;
export type AgreedAction = Selectable<AgreedActionsTable>;
