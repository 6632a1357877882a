// Table types for the register: taxonomies, profiles, training, applications, line-manager
// requests, equality monitoring and installation settings (migrations 0002 and 0003).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MentoringType } from './types.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** PostgreSQL `date`, read as 'YYYY-MM-DD' (see db/connection.ts). */
type CalendarDate = string;

export const taxonomyNames = ['profession', 'band', 'region', 'ics', 'care_setting', 'leadership_dimension', 'help_area', 'meeting_mode', 'language'] as const;
export type TaxonomyName = (typeof taxonomyNames)[number];

export interface TaxonomyTermsTable {
  id: Generated<string>;
  taxonomy: TaxonomyName;
  key: string;
  label: string;
  parent_id: string | null;
  sort_order: Generated<number>;
  retired_at: NullableTimestamp;
}

export interface MentorProfilesTable {
  user_id: string;
  job_title: Generated<string>;
  organisation: Generated<string>;
  town: Generated<string>;
  profession_id: string | null;
  band_id: string | null;
  region_id: string | null;
  care_setting_id: string | null;
  years_experience: number | null;
  bio: Generated<string>;
  mentoring_types: ColumnType<MentoringType[], MentoringType[] | undefined, MentoringType[]>;
  capacity: Generated<number>;
  is_paused: Generated<boolean>;
  contact_email: string | null;
  contact_phone: string | null;
  ethics_code_accepted_at: NullableTimestamp;
  ethics_code_name: string | null;
  updated_at: Timestamp;
}

export interface MenteeProfilesTable {
  user_id: string;
  job_title: Generated<string>;
  organisation: Generated<string>;
  profession_id: string | null;
  band_id: string | null;
  region_id: string | null;
  care_setting_id: string | null;
  goals: Generated<string>;
  preferences: Generated<string>;
  prefers_other_profession: Generated<boolean>;
  prefers_other_setting: Generated<boolean>;
  open_to_reverse: Generated<boolean>;
  open_to_peer: Generated<boolean>;
  contact_phone: string | null;
  updated_at: Timestamp;
}

export type ProfileSide = 'mentor' | 'mentee';

export interface ProfileTermsTable {
  user_id: string;
  side: ProfileSide;
  term_id: string;
}

export interface TrainingRecordsTable {
  id: Generated<string>;
  user_id: string;
  body: string;
  qualification: string;
  level: Generated<string>;
  completed_on: CalendarDate;
  expires_on: CalendarDate | null;
  verified_at: NullableTimestamp;
  verified_by: string | null;
  created_at: Timestamp;
}

export const mentorApplicationStatuses = ['draft', 'submitted', 'approved', 'rejected', 'more_info_requested'] as const;
export type MentorApplicationStatus = (typeof mentorApplicationStatuses)[number];

export const menteeApplicationStatuses = [
  'draft', 'awaiting_line_manager', 'line_manager_declined', 'line_manager_expired', 'awaiting_admin', 'more_info_requested', 'approved', 'rejected',
] as const;
export type MenteeApplicationStatus = (typeof menteeApplicationStatuses)[number];

export interface MentorApplicationsTable {
  id: Generated<string>;
  programme_id: string;
  user_id: string;
  status: Generated<MentorApplicationStatus>;
  admin_message: string | null;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MenteeApplicationsTable {
  id: Generated<string>;
  programme_id: string;
  user_id: string;
  status: Generated<MenteeApplicationStatus>;
  line_manager_name: string | null;
  line_manager_email: string | null;
  admin_message: string | null;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_kind: ProfileSide;
  application_id: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: string | null;
  reason: string | null;
  occurred_at: Timestamp;
}

export const lineManagerRequestStatuses = ['pending', 'supported', 'not_supported', 'expired', 'withdrawn'] as const;
export type LineManagerRequestStatus = (typeof lineManagerRequestStatuses)[number];

export interface LineManagerRequestsTable {
  id: Generated<string>;
  application_id: string;
  manager_name: string;
  manager_email: string;
  token_hash: string;
  status: Generated<LineManagerRequestStatus>;
  reason: string | null;
  created_at: Timestamp;
  reminded_at: NullableTimestamp;
  expires_at: Date | string;
  responded_at: NullableTimestamp;
}

export interface EqualityResponsesTable {
  user_id: string;
  answers: ColumnType<Record<string, string>, string, string>;
  updated_at: Timestamp;
}

export interface PlatformSettingsTable {
  id: Generated<boolean>;
  ethics_code_name: string;
  ethics_code_url: string;
  ethics_code_summary: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

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

export type TaxonomyTerm = Selectable<TaxonomyTermsTable>;
export type MentorProfile = Selectable<MentorProfilesTable>;
export type MenteeProfile = Selectable<MenteeProfilesTable>;
export type MentorApplication = Selectable<MentorApplicationsTable>;
export type MenteeApplication = Selectable<MenteeApplicationsTable>;
export type LineManagerRequest = Selectable<LineManagerRequestsTable>;
