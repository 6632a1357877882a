// Table types for programmes and who belongs to them (migration 0002), and the kinds of mentoring
// a programme, a mentor or an invitation can offer.
import type { Generated, Selectable } from 'kysely';
import type { ArrayWithDefault, NullableTimestamp, Timestamp } from './columns.ts';

export const mentoringTypes = ['traditional', 'reverse', 'peer'] as const;
export type MentoringType = (typeof mentoringTypes)[number];

export interface ProgrammesTable {
  id: Generated<string>;
  name: string;
  slug: string;
  description: Generated<string>;
  eligibility: Generated<string>;
  mentoring_types: ArrayWithDefault<MentoringType>;
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

export type Programme = Selectable<ProgrammesTable>;
