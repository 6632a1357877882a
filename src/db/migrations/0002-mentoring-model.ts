// The data model of the whole product, designed up front from the state machines in
// docs/data-model.md. Later features fill it in and grow it with further migrations.
// Status columns are CHECK-constrained to the same string unions as src/db/types.ts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Programmes and who plays which part in each -------------------------------------------
    create table programmes (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 120),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      description text not null default '',
      eligibility text not null default '',
      mentoring_types text[] not null default '{traditional}'
        check (mentoring_types <@ array['traditional', 'reverse', 'peer']::text[] and cardinality(mentoring_types) > 0),
      requires_line_manager boolean not null default true,
      requires_admin_approval boolean not null default true,
      max_open_invitations integer not null default 3 check (max_open_invitations between 1 and 10),
      invitation_reminder_days integer not null default 3 check (invitation_reminder_days between 1 and 30),
      invitation_expiry_days integer not null default 7 check (invitation_expiry_days between 1 and 60),
      line_manager_reminder_days integer not null default 7 check (line_manager_reminder_days between 1 and 30),
      line_manager_expiry_days integer not null default 14 check (line_manager_expiry_days between 1 and 60),
      is_open boolean not null default false,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      archived_at timestamptz
    );

    create table programme_memberships (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('programme_admin', 'mentor', 'mentee')),
      created_at timestamptz not null default now(),
      created_by uuid references users (id) on delete set null,
      unique (programme_id, user_id, role)
    );
    create index programme_memberships_user_idx on programme_memberships (user_id);

    -- Taxonomies: one table, one row per term. Retired terms stay on the profiles that use them.
    create table taxonomy_terms (
      id uuid primary key default gen_random_uuid(),
      taxonomy text not null check (taxonomy in ('profession', 'band', 'region', 'ics', 'care_setting',
        'leadership_dimension', 'help_area', 'meeting_mode', 'language')),
      key text not null check (key ~ '^[a-z0-9]+(_[a-z0-9]+)*$'),
      label text not null check (length(label) between 1 and 120),
      parent_id uuid references taxonomy_terms (id),
      sort_order integer not null default 0,
      retired_at timestamptz,
      unique (taxonomy, key)
    );

    -- Profiles (one per person, shared across programmes) -----------------------------------
    create table mentor_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      job_title text not null default '',
      organisation text not null default '',
      town text not null default '',
      profession_id uuid references taxonomy_terms (id),
      band_id uuid references taxonomy_terms (id),
      region_id uuid references taxonomy_terms (id),
      care_setting_id uuid references taxonomy_terms (id),
      years_experience integer check (years_experience between 0 and 60),
      bio text not null default '',
      mentoring_types text[] not null default '{}'
        check (mentoring_types <@ array['traditional', 'reverse', 'peer']::text[]),
      capacity integer not null default 1 check (capacity between 1 and 10),
      is_paused boolean not null default false,
      contact_email text,
      contact_phone text,
      ethics_code_accepted_at timestamptz,
      updated_at timestamptz not null default now()
    );

    create table mentee_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      job_title text not null default '',
      organisation text not null default '',
      profession_id uuid references taxonomy_terms (id),
      band_id uuid references taxonomy_terms (id),
      region_id uuid references taxonomy_terms (id),
      care_setting_id uuid references taxonomy_terms (id),
      goals text not null default '',
      preferences text not null default '',
      prefers_other_profession boolean not null default false,
      prefers_other_setting boolean not null default false,
      open_to_reverse boolean not null default false,
      open_to_peer boolean not null default false,
      contact_phone text,
      updated_at timestamptz not null default now()
    );

    -- Many-valued profile answers (areas, dimensions, modes, languages) for mentors and mentees.
    create table profile_terms (
      user_id uuid not null references users (id) on delete cascade,
      side text not null check (side in ('mentor', 'mentee')),
      term_id uuid not null references taxonomy_terms (id),
      primary key (user_id, side, term_id)
    );
    create index profile_terms_term_idx on profile_terms (term_id, side);

    create table training_records (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      body text not null,
      qualification text not null,
      level text not null default '',
      completed_on date not null,
      expires_on date,
      verified_at timestamptz,
      verified_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index training_records_user_idx on training_records (user_id);

    -- Applications to a programme --------------------------------------------------------------
    create table mentor_applications (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      status text not null default 'draft'
        check (status in ('draft', 'submitted', 'approved', 'rejected', 'more_info_requested')),
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (programme_id, user_id)
    );

    create table mentee_applications (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      status text not null default 'draft'
        check (status in ('draft', 'awaiting_line_manager', 'line_manager_declined', 'line_manager_expired',
          'awaiting_admin', 'more_info_requested', 'approved', 'rejected')),
      line_manager_name text,
      line_manager_email text,
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (programme_id, user_id)
    );

    -- Every transition of either kind of application, with who made it and any reason given.
    create table application_events (
      id bigint generated always as identity primary key,
      application_kind text not null check (application_kind in ('mentor', 'mentee')),
      application_id uuid not null,
      from_status text,
      to_status text not null,
      actor_user_id uuid references users (id) on delete set null,
      reason text,
      occurred_at timestamptz not null default now()
    );
    create index application_events_idx on application_events (application_kind, application_id, occurred_at);

    -- The line manager has no account: a one-time link, stored hashed.
    create table line_manager_requests (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references mentee_applications (id) on delete cascade,
      manager_name text not null,
      manager_email text not null,
      token_hash text not null unique,
      status text not null default 'pending'
        check (status in ('pending', 'supported', 'not_supported', 'expired', 'withdrawn')),
      reason text,
      created_at timestamptz not null default now(),
      reminded_at timestamptz,
      expires_at timestamptz not null,
      responded_at timestamptz
    );
    create unique index line_manager_requests_one_pending on line_manager_requests (application_id) where status = 'pending';

    -- Equality monitoring: apart from profiles, reported only as aggregates of 5 or more.
    create table equality_responses (
      user_id uuid primary key references users (id) on delete cascade,
      answers jsonb not null default '{}',
      updated_at timestamptz not null default now()
    );

    -- Finding a mentor -------------------------------------------------------------------------
    create table shortlist_entries (
      programme_id uuid not null references programmes (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      mentor_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (programme_id, mentee_id, mentor_id)
    );

    create table seeking_posts (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      summary text not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      created_at timestamptz not null default now(),
      closed_at timestamptz
    );

    -- Chemistry invitations: pending -> accepted -> met -> chosen | not_chosen;
    -- pending -> declined | expired | withdrawn; accepted -> withdrawn | cancelled.
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      mentor_id uuid not null references users (id) on delete cascade,
      initiated_by text not null default 'mentee' check (initiated_by in ('mentee', 'mentor', 'admin')),
      seeking_post_id uuid references seeking_posts (id) on delete set null,
      status text not null default 'pending'
        check (status in ('pending', 'accepted', 'met', 'chosen', 'not_chosen', 'declined', 'expired', 'withdrawn', 'cancelled')),
      message text not null default '',
      decline_reason text,
      created_at timestamptz not null default now(),
      responded_at timestamptz,
      reminded_at timestamptz,
      expires_at timestamptz not null,
      closed_at timestamptz,
      ics_sequence integer not null default 0
    );
    create unique index invitations_one_open_per_pair on invitations (programme_id, mentee_id, mentor_id)
      where status in ('pending', 'accepted', 'met');
    create index invitations_mentee_idx on invitations (mentee_id, status);
    create index invitations_mentor_idx on invitations (mentor_id, status);

    create table invitation_events (
      id bigint generated always as identity primary key,
      invitation_id uuid not null references invitations (id) on delete cascade,
      from_status text,
      to_status text not null,
      actor_user_id uuid references users (id) on delete set null,
      occurred_at timestamptz not null default now()
    );

    -- Private reflections: only the author ever reads them; stored encrypted (key id per row).
    create table fit_reflections (
      invitation_id uuid not null references invitations (id) on delete cascade,
      author_id uuid not null references users (id) on delete cascade,
      key_id text not null,
      ciphertext bytea not null,
      updated_at timestamptz not null default now(),
      primary key (invitation_id, author_id)
    );

    create table broker_requests (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      status text not null default 'open' check (status in ('open', 'proposed', 'closed')),
      proposed_mentor_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      closed_at timestamptz
    );

    -- The relationship ---------------------------------------------------------------------------
    create table relationships (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      mentor_id uuid not null references users (id) on delete cascade,
      invitation_id uuid references invitations (id) on delete set null,
      mentoring_type text not null check (mentoring_type in ('traditional', 'reverse', 'peer')),
      status text not null default 'active' check (status in ('active', 'ended')),
      phase text not null default 'building_rapport'
        check (phase in ('building_rapport', 'setting_direction', 'making_progress', 'winding_down', 'moving_on')),
      end_kind text check (end_kind in ('completed', 'ended_early', 'ended_by_admin')),
      started_at timestamptz not null default now(),
      ended_at timestamptz,
      last_session_at timestamptz,
      health text not null default 'green' check (health in ('green', 'amber', 'red')),
      check ((status = 'ended') = (end_kind is not null and ended_at is not null)),
      check (mentee_id <> mentor_id)
    );
    create unique index relationships_one_active_pair on relationships (programme_id, mentee_id, mentor_id) where status = 'active';
    create index relationships_mentor_idx on relationships (mentor_id, status);
    create index relationships_mentee_idx on relationships (mentee_id, status);

    create table relationship_phase_events (
      id bigint generated always as identity primary key,
      relationship_id uuid not null references relationships (id) on delete cascade,
      from_phase text,
      to_phase text not null,
      actor_user_id uuid references users (id) on delete set null,
      note text,
      occurred_at timestamptz not null default now()
    );

    -- Contract versions: draft -> signed_by_one -> agreed; a new version supersedes the last.
    create table contract_versions (
      id uuid primary key default gen_random_uuid(),
      relationship_id uuid not null references relationships (id) on delete cascade,
      version integer not null,
      status text not null default 'draft' check (status in ('draft', 'signed_by_one', 'agreed', 'superseded')),
      terms jsonb not null default '{}',
      review_on date,
      ends_on date,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      unique (relationship_id, version)
    );

    create table contract_signatures (
      contract_version_id uuid not null references contract_versions (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      signed_at timestamptz not null default now(),
      primary key (contract_version_id, user_id)
    );

    create table goals (
      id uuid primary key default gen_random_uuid(),
      relationship_id uuid not null references relationships (id) on delete cascade,
      title text not null,
      reality text not null default '',
      options text not null default '',
      way_forward text not null default '',
      due_on date,
      status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'achieved', 'set_aside')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_reviewed_at timestamptz
    );

    create table mentoring_sessions (
      id uuid primary key default gen_random_uuid(),
      relationship_id uuid not null references relationships (id) on delete cascade,
      starts_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 15 and 180),
      mode text not null,
      location text not null default '',
      agenda text not null default '',
      status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
      ics_sequence integer not null default 0,
      reminded_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index mentoring_sessions_relationship_idx on mentoring_sessions (relationship_id, starts_at);

    create table goal_reviews (
      id uuid primary key default gen_random_uuid(),
      goal_id uuid not null references goals (id) on delete cascade,
      session_id uuid references mentoring_sessions (id) on delete set null,
      progress integer not null check (progress between 1 and 10),
      note text not null default '',
      author_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    );

    create table shared_notes (
      id uuid primary key default gen_random_uuid(),
      session_id uuid not null references mentoring_sessions (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      body text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    -- Only the author ever reads a private note: ciphertext only, with the id of the key used.
    create table private_notes (
      id uuid primary key default gen_random_uuid(),
      session_id uuid not null references mentoring_sessions (id) on delete cascade,
      author_id uuid not null references users (id) on delete cascade,
      key_id text not null,
      ciphertext bytea not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table agreed_actions (
      id uuid primary key default gen_random_uuid(),
      relationship_id uuid not null references relationships (id) on delete cascade,
      session_id uuid references mentoring_sessions (id) on delete set null,
      description text not null,
      owner_id uuid references users (id) on delete set null,
      due_on date,
      done_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table session_reflections (
      session_id uuid primary key references mentoring_sessions (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      takeaway text not null default '',
      usefulness integer not null check (usefulness between 1 and 10),
      emoji text not null default '',
      shared_with_mentor boolean not null default false,
      created_at timestamptz not null default now()
    );

    -- Reasons for ending and concerns go to programme admins only.
    create table relationship_endings (
      relationship_id uuid primary key references relationships (id) on delete cascade,
      ended_by uuid references users (id) on delete set null,
      kind text not null check (kind in ('completed', 'ended_early', 'ended_by_admin')),
      reason text not null default '',
      created_at timestamptz not null default now()
    );

    create table closing_reflections (
      relationship_id uuid not null references relationships (id) on delete cascade,
      author_id uuid not null references users (id) on delete cascade,
      body text not null,
      created_at timestamptz not null default now(),
      primary key (relationship_id, author_id)
    );

    create table concerns (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      relationship_id uuid references relationships (id) on delete set null,
      raised_by uuid references users (id) on delete set null,
      body text not null,
      status text not null default 'open' check (status in ('open', 'in_progress', 'closed')),
      created_at timestamptz not null default now()
    );

    create table concern_actions (
      id uuid primary key default gen_random_uuid(),
      concern_id uuid not null references concerns (id) on delete cascade,
      admin_id uuid references users (id) on delete set null,
      note text not null,
      created_at timestamptz not null default now()
    );

    -- Resources and signposting ----------------------------------------------------------------
    create table resources (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid references programmes (id) on delete cascade,
      title text not null,
      summary text not null default '',
      body text not null default '',
      url text,
      phases text[] not null default '{}',
      topics text[] not null default '{}',
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table support_links (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid references programmes (id) on delete cascade,
      kind text not null check (kind in ('wellbeing', 'occupational_health', 'freedom_to_speak_up', 'employee_assistance', 'other')),
      title text not null,
      url text not null,
      sort_order integer not null default 0
    );

    -- Community ---------------------------------------------------------------------------------
    create table discussion_threads (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      title text not null,
      category text not null default 'general' check (category in ('general', 'success', 'top_tip', 'question')),
      hidden_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table discussion_posts (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references discussion_threads (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      body text not null,
      hidden_at timestamptz,
      hidden_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    );

    create table programme_events (
      id uuid primary key default gen_random_uuid(),
      programme_id uuid not null references programmes (id) on delete cascade,
      title text not null,
      description text not null default '',
      starts_at timestamptz not null,
      duration_minutes integer not null check (duration_minutes between 15 and 480),
      location text not null default '',
      capacity integer check (capacity > 0),
      ics_sequence integer not null default 0,
      cancelled_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table event_registrations (
      event_id uuid not null references programme_events (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (event_id, user_id)
    );

    -- Mentors' own development: attendance only, never content -------------------------------
    create table supervision_records (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      held_on date not null,
      duration_minutes integer not null check (duration_minutes between 15 and 480),
      kind text not null check (kind in ('one_to_one', 'group', 'peer')),
      created_at timestamptz not null default now()
    );

    create table cpd_records (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      completed_on date not null,
      hours numeric(5, 2) not null check (hours > 0 and hours <= 200),
      title text not null,
      created_at timestamptz not null default now()
    );

    alter table audit_events add constraint audit_events_programme_fk
      foreign key (programme_id) references programmes (id) on delete set null;
  `.execute(db);
}
