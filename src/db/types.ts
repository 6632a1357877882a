// The database's table types for Kysely, kept by hand beside the migrations that create them. Each
// area's tables are in their own file under db/types/; this module gathers them into the Database
// interface and is the one place code imports them from. The area files import only each other
// (shared column shapes and unions), never this module.
import type { AuthSessionsTable, AuthTokensTable, SignInAttemptsTable, UsersTable } from './types/accounts.ts';
import type { ApplicationEventsTable, LineManagerRequestsTable, MenteeApplicationsTable, MentorApplicationsTable } from './types/applications.ts';
import type { BrokerRequestsTable, FitReflectionsTable, InvitationEventsTable, InvitationsTable, SeekingPostsTable, ShortlistEntriesTable } from './types/chemistry.ts';
import type { ConcernActionsTable, ConcernsTable } from './types/concerns.ts';
import type { ContractSignaturesTable, ContractVersionsTable } from './types/contracts.ts';
import type { EmailMessagesTable } from './types/email.ts';
import type { EqualityResponsesTable } from './types/equality.ts';
import type { GoalReviewsTable, GoalsTable } from './types/goals.ts';
import type { AuditEventsTable, InstallationTable, PlatformSettingsTable } from './types/platform.ts';
import type { MenteeProfilesTable, MentorProfilesTable, ProfileTermsTable, TrainingRecordsTable } from './types/profiles.ts';
import type { ProgrammeMembershipsTable, ProgrammesTable } from './types/programmes.ts';
import type { ClosingReflectionsTable, RelationshipEndingsTable, RelationshipPhaseEventsTable, RelationshipsTable } from './types/relationships.ts';
import type { ResourcesTable, SupportLinksTable } from './types/resources.ts';
import type { AgreedActionsTable, MentoringSessionsTable, PrivateNotesTable, SessionReflectionsTable, SharedNotesTable } from './types/sessions.ts';
import type { TaxonomyTermsTable } from './types/taxonomies.ts';

export * from './types/accounts.ts';
export * from './types/applications.ts';
export * from './types/chemistry.ts';
export * from './types/concerns.ts';
export * from './types/contracts.ts';
export * from './types/email.ts';
export * from './types/equality.ts';
export * from './types/goals.ts';
export * from './types/platform.ts';
export * from './types/profiles.ts';
export * from './types/programmes.ts';
export * from './types/relationships.ts';
export * from './types/resources.ts';
export * from './types/sessions.ts';
export * from './types/taxonomies.ts';

/** The register: taxonomies, profiles, training, applications, line-manager requests, equality, settings. */
export interface RegisterTables {
  taxonomy_terms: TaxonomyTermsTable;
  mentor_profiles: MentorProfilesTable;
  mentee_profiles: MenteeProfilesTable;
  profile_terms: ProfileTermsTable;
  training_records: TrainingRecordsTable;
  mentor_applications: MentorApplicationsTable;
  mentee_applications: MenteeApplicationsTable;
  application_events: ApplicationEventsTable;
  line_manager_requests: LineManagerRequestsTable;
  equality_responses: EqualityResponsesTable;
  platform_settings: PlatformSettingsTable;
}

/** Finding a mentor, chemistry meetings, and the relationships they lead to. */
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

/** The life of a relationship: contract, goals, sessions and notes, ending, concerns, resources. */
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

export interface Database extends RegisterTables, MatchingTables, RelationshipTables {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  auth_tokens: AuthTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  installation: InstallationTable;
  audit_events: AuditEventsTable;
  email_messages: EmailMessagesTable;
  programmes: ProgrammesTable;
  programme_memberships: ProgrammeMembershipsTable;
}
