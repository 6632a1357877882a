// Table types for applications to programmes (migration 0002): mentors' and mentees' applications,
// the history of their status changes, and the line-manager requests a mentee's may need.
import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';
import type { ProfileSide } from './profiles.ts';

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

export type MentorApplication = Selectable<MentorApplicationsTable>;
export type MenteeApplication = Selectable<MenteeApplicationsTable>;
export type LineManagerRequest = Selectable<LineManagerRequestsTable>;
