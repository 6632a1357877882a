// Table types for the life of a mentoring relationship (migrations 0002 and 0007): contract
// versions and signatures, goals and their reviews, sessions, shared and private notes, agreed
// actions, session reflections, endings and closing reflections, concerns, resources and the
// "support beyond mentoring" links. The relationships table itself is in types-matching.ts.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RelationshipEndKind } from './types-matching.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: read as 'YYYY-MM-DD' (the pg type parser is set so in db/connection.ts). */
type NullableDateOnly = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export const contractStatuses = ['draft', 'signed_by_one', 'agreed', 'superseded'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export interface ContractVersionsTable {
  id: Generated<string>;
  relationship_id: string;
  version: number;
  status: Generated<ContractStatus>;
  /** The contract's fields as the form holds them (see features/relationships contract schema). */
  terms: Json<Record<string, unknown>>;
  review_on: NullableDateOnly;
  ends_on: NullableDateOnly;
  created_by: string | null;
  created_at: Timestamp;
  /** Rises with every saved edit; a save naming an older revision is refused, never merged silently. */
  revision: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
  review_reminded_at: NullableTimestamp;
}

export interface ContractSignaturesTable {
  contract_version_id: string;
  user_id: string;
  signed_at: Timestamp;
}

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

export type ConcernStatus = 'open' | 'in_progress' | 'closed';

export interface ConcernsTable {
  id: Generated<string>;
  programme_id: string;
  relationship_id: string | null;
  raised_by: string | null;
  body: string;
  status: Generated<ConcernStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConcernActionsTable {
  id: Generated<string>;
  concern_id: string;
  admin_id: string | null;
  note: string;
  created_at: Timestamp;
}

export interface ResourcesTable {
  id: Generated<string>;
  /** Null: the platform's own library, offered in every programme. */
  programme_id: string | null;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  url: string | null;
  phases: ColumnType<string[], string[] | undefined, string[]>;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: NullableTimestamp;
}

export const supportLinkKinds = ['wellbeing', 'occupational_health', 'freedom_to_speak_up', 'employee_assistance', 'other'] as const;
export type SupportLinkKind = (typeof supportLinkKinds)[number];

export interface SupportLinksTable {
  id: Generated<string>;
  programme_id: string | null;
  kind: SupportLinkKind;
  title: string;
  url: string;
  sort_order: Generated<number>;
}

export interface RelationshipTables {
  contract_versions: ContractVersionsTable;
  contract_signatures: ContractSignaturesTable;
  goals: GoalsTable;
  goal_reviews: GoalReviewsTable;
  mentoring_sessions: MentoringSessionsTable;
  shared_notes: SharedNotesTable;
  private_notes: PrivateNotesTable;
  agreed_actions: AgreedActionsTable;
  session_reflections: SessionReflectionsTable;
  relationship_endings: RelationshipEndingsTable;
  closing_reflections: ClosingReflectionsTable;
  concerns: ConcernsTable;
  concern_actions: ConcernActionsTable;
  resources: ResourcesTable;
  support_links: SupportLinksTable;
}

export type ContractVersion = Selectable<ContractVersionsTable>;
export type Goal = Selectable<GoalsTable>;
export type GoalReview = Selectable<GoalReviewsTable>;
export type MentoringSession = Selectable<MentoringSessionsTable>;
export type AgreedAction = Selectable<AgreedActionsTable>;
export type Concern = Selectable<ConcernsTable>;
export type Resource = Selectable<ResourcesTable>;
export type SupportLink = Selectable<SupportLinksTable>;
