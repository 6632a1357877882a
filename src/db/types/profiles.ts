// Table types for mentors' and mentees' profiles (migration 0002): their answers, the taxonomy
// terms they chose, and mentors' training records.
import type { Generated, Selectable } from 'kysely';
import type { ArrayWithDefault, CalendarDate, NullableTimestamp, Timestamp } from './columns.ts';
import type { MentoringType } from './programmes.ts';

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
  mentoring_types: ArrayWithDefault<MentoringType>;
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

export type MentorProfile = Selectable<MentorProfilesTable>;
export type MenteeProfile = Selectable<MenteeProfilesTable>;
