// Accounts, sessions, single-use tokens, sign-in throttling, installation state, audit trail and the
// email outbox: what every later feature builds on.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      full_name text not null check (length(full_name) between 1 and 200),
      password_hash text,
      email_verified_at timestamptz,
      password_changed_at timestamptz,
      is_platform_admin boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (email);

    -- Server-side sessions: the cookie holds a random token, we store only its SHA-256.
    create table auth_sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now()
    );
    create index auth_sessions_user_idx on auth_sessions (user_id);

    -- Email verification and password reset links: single use, expiring, stored hashed.
    create table auth_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password')),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index auth_tokens_user_idx on auth_tokens (user_id, purpose);

    -- Attempts to sign in or to ask for a reset, keyed by a hash of the email (never the email
    -- itself) and by client address, for sliding-window throttling across app instances.
    create table sign_in_attempts (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('sign_in', 'password_reset')),
      account_key text not null,
      ip_address text not null,
      succeeded boolean not null,
      created_at timestamptz not null default now()
    );
    create index sign_in_attempts_account_idx on sign_in_attempts (kind, account_key, created_at);
    create index sign_in_attempts_ip_idx on sign_in_attempts (kind, ip_address, created_at);

    -- One row: the first-run setup code (hashed) until the platform admin account exists.
    create table installation (
      id boolean primary key default true check (id),
      setup_code_hash text,
      setup_code_created_at timestamptz,
      set_up_at timestamptz
    );
    insert into installation (id) values (true);

    -- Who did what, when. Ids and codes only: no free text, names or emails in details.
    create table audit_events (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid references users (id) on delete set null,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      programme_id uuid,
      details jsonb not null default '{}'
    );
    create index audit_events_subject_idx on audit_events (subject_type, subject_id, occurred_at);

    -- Every email, written in the same transaction as the change it reports and delivered by a job.
    -- After SMTP delivery the bodies are cleared; with the development outbox they are kept to read.
    create table email_messages (
      id uuid primary key default gen_random_uuid(),
      user_id uuid references users (id) on delete set null,
      recipient text not null,
      template text not null,
      subject text not null,
      text_body text,
      html_body text,
      attachments jsonb not null default '[]',
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index email_messages_created_idx on email_messages (created_at desc);
  `.execute(db);
}

