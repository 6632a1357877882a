// Table types for the installation's own rows: the first-run setup code (migration 0001), the
// platform-wide settings such as the code of ethics (migration 0003) and the audit trail.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './columns.ts';

export interface InstallationTable {
  id: Generated<boolean>;
  setup_code_hash: string | null;
  setup_code_created_at: NullableTimestamp;
  set_up_at: NullableTimestamp;
}

export interface PlatformSettingsTable {
  id: Generated<boolean>;
  ethics_code_name: string;
  ethics_code_url: string;
  ethics_code_summary: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  programme_id: string | null;
  details: Json<Record<string, unknown>>;
}
