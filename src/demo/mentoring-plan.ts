// The shapes the demo's chemistry meetings and relationships are planned in: the context every
// planner reads and appends rows to, the approved people it draws from, and the relationships
// planned first, which the chemistry meetings then lead up to. Types only.
import type { Insertable } from 'kysely';
import type {
  AgreedActionsTable, BrokerRequestsTable, ClosingReflectionsTable, ConcernActionsTable, ConcernsTable, ContractSignaturesTable, ContractVersionsTable,
  FitReflectionsTable, GoalReviewsTable, GoalsTable, InvitationEventsTable, InvitationsTable, MentoringSessionsTable, MentoringType, MentorProfilesTable,
  PrivateNotesTable, RelationshipEndingsTable, RelationshipEndKind, RelationshipPhaseEventsTable, RelationshipsTable, SeekingPostsTable,
  SessionReflectionsTable, SharedNotesTable, ShortlistEntriesTable,
} from '../db/types.ts';
import type { KeyRing } from '../platform/crypto.ts';
import type { ApplicationPlan, Cast, Person, ProgrammeKey, Terms } from './plan.ts';

/** Someone approved as a mentor or mentee in one programme, and since when. */
export interface Member { person: Person; id: string; approvedAt: Date }

export interface MentoringInput {
  cast: Cast;
  plan: ApplicationPlan;
  mentorProfiles: Insertable<MentorProfilesTable>[];
  idOf: (person: Person) => string;
  programmeId: (key: ProgrammeKey) => string;
  terms: Terms;
  now: Date;
  keys: KeyRing;
}

export interface Pool {
  mentors: Record<ProgrammeKey, Member[]>;
  mentees: Record<ProgrammeKey, Member[]>;
  /** Programme admins' user ids. */
  admins: Record<ProgrammeKey, string[]>;
  /** Printed people: only ever placed on purpose, never drawn at random. */
  printed: Set<string>;
  capacity: Map<string, number>;
  paused: Set<string>;
  /** Active relationships per mentor, across programmes, as capacity counts them. */
  active: Map<string, number>;
}

export interface Ctx extends MentoringInput {
  pool: Pool;
  rows: MentoringRows;
  /** Each programme's limits of confidentiality, which a contract version copies in when saved. */
  confidentiality: Map<string, string>;
}

export interface MentoringRows {
  seekingPosts: Insertable<SeekingPostsTable>[];
  brokerRequests: Insertable<BrokerRequestsTable>[];
  invitations: Insertable<InvitationsTable>[];
  invitationEvents: Insertable<InvitationEventsTable>[];
  fitReflections: Insertable<FitReflectionsTable>[];
  shortlist: Insertable<ShortlistEntriesTable>[];
  relationships: Insertable<RelationshipsTable>[];
  phaseEvents: Insertable<RelationshipPhaseEventsTable>[];
  contracts: Insertable<ContractVersionsTable>[];
  signatures: Insertable<ContractSignaturesTable>[];
  sessions: Insertable<MentoringSessionsTable>[];
  goals: Insertable<GoalsTable>[];
  reviews: Insertable<GoalReviewsTable>[];
  sharedNotes: Insertable<SharedNotesTable>[];
  privateNotes: Insertable<PrivateNotesTable>[];
  actions: Insertable<AgreedActionsTable>[];
  reflections: Insertable<SessionReflectionsTable>[];
  endings: Insertable<RelationshipEndingsTable>[];
  closingReflections: Insertable<ClosingReflectionsTable>[];
  concerns: Insertable<ConcernsTable>[];
  concernActions: Insertable<ConcernActionsTable>[];
  /** Mentors whose capacity the demo raises, so the printed mentor has room for what they are shown. */
  capacity: { userId: string; capacity: number }[];
}

export type Initiator = 'mentee' | 'mentor' | 'admin';
export type Health = 'green' | 'amber' | 'red';

export type ContractKind = 'none' | 'draft' | 'signed_by_one' | 'agreed' | 'v2_signed_by_one' | 'v2_agreed';

export interface PlannedRelationship {
  id: string;
  invitationId: string;
  programme: ProgrammeKey;
  type: MentoringType;
  mentee: Member;
  mentor: Member;
  startedAt: Date;
  /** When each phase reached began (index = phase index). */
  phaseStarts: Date[];
  endKind: RelationshipEndKind | null;
  endedAt: Date | null;
  endedBy: string | null;
  /** The health the sessions are planned to give an active relationship. */
  target: Health;
  contract: ContractKind;
  via: Initiator;
  /** A printed login's relationship: every kind of content, for certain. */
  rich: boolean;
}

/** A session that was held: what its notes, actions, reflections and goal reviews hang off. */
export interface HeldSession { id: string; at: Date; minutes: number }
