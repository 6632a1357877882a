// Table types for Kysely, kept by hand beside the migrations that create them.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RegisterTables } from './types-register.ts';
import type { MatchingTables } from './types-matching.ts';
import type { RelationshipTables } from './types-relationship.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  full_name: string;
  password_hash: string | null;
  email_verified_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
  is_platform_admin: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuthSessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export const tokenPurposes = ['verify_email', 'reset_password'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export interface AuthTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: TokenPurpose;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Date | string;
  used_at: NullableTimestamp;
}

export type AttemptKind = 'sign_in' | 'password_reset';

export interface SignInAttemptsTable {
  id: Generated<number>;
  kind: AttemptKind;
  account_key: string;
  ip_address: string;
  succeeded: boolean;
  created_at: Timestamp;
}

export interface InstallationTable {
  id: Generated<boolean>;
  setup_code_hash: string | null;
  setup_code_created_at: NullableTimestamp;
  set_up_at: NullableTimestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  programme_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export const emailStatuses = ['queued', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
  method?: string;
}

export interface EmailMessagesTable {
  id: Generated<string>;
  user_id: string | null;
  recipient: string;
  template: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  attachments: ColumnType<EmailAttachment[], string | undefined, string>;
  status: Generated<EmailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export const mentoringTypes = ['traditional', 'reverse', 'peer'] as const;
export type MentoringType = (typeof mentoringTypes)[number];

export interface ProgrammesTable {
  id: Generated<string>;
  name: string;
  slug: string;
  description: Generated<string>;
  eligibility: Generated<string>;
  mentoring_types: ColumnType<MentoringType[], MentoringType[] | undefined, MentoringType[]>;
  requires_line_manager: Generated<boolean>;
  requires_admin_approval: Generated<boolean>;
  max_open_invitations: Generated<number>;
  invitation_reminder_days: Generated<number>;
  invitation_expiry_days: Generated<number>;
  line_manager_reminder_days: Generated<number>;
  line_manager_expiry_days: Generated<number>;
  is_open: Generated<boolean>;
  /** The limits of confidentiality as this programme words them in every contract (migration 0007). */
  confidentiality_text: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  archived_at: NullableTimestamp;
}

export const programmeRoles = ['programme_admin', 'mentor', 'mentee'] as const;
export type ProgrammeRole = (typeof programmeRoles)[number];

export interface ProgrammeMembershipsTable {
  id: Generated<string>;
  programme_id: string;
  user_id: string;
  role: ProgrammeRole;
  created_at: Timestamp;
  created_by: string | null;
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

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type EmailMessage = Selectable<EmailMessagesTable>;
export type Programme = Selectable<ProgrammesTable>;
