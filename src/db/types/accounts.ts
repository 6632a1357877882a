// Table types for accounts (migration 0001): users, their sessions, one-time email tokens and the
// sign-in attempts that throttling counts.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

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

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
