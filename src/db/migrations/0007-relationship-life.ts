// What the relationship's life needs beyond the 0002 model (issue 5): the programme's own wording of
// the limits of confidentiality; a revision counter on contract drafts so two people editing at
// once cannot silently overwrite each other; one current contract version per relationship; the
// "sent once" marks of every reminder and nudge (reminders are idempotent because the job claims
// the mark in the same statement that finds the row); sessions logged after the fact; one private
// note per author per session; resources that can be retired rather than deleted.
import { sql, type Kysely } from 'kysely';

export const defaultConfidentialityText =
  'What we talk about stays between us. There are three exceptions: if either of us believes there ' +
  'is a risk of harm to you or to someone else; if something we discuss is a serious breach of ' +
  'organisational policy or of a professional code of conduct; or if it involves illegal activity. ' +
  'In those cases the mentor will, wherever they can, talk with you first about what needs to ' +
  'happen and who needs to know.';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table programmes
      add column confidentiality_text text not null default ${sql.lit(defaultConfidentialityText)};

    alter table contract_versions
      add column revision integer not null default 0,
      add column updated_at timestamptz not null default now(),
      add column updated_by uuid references users (id) on delete set null,
      add column review_reminded_at timestamptz;
    create unique index contract_versions_one_current on contract_versions (relationship_id) where status <> 'superseded';

    alter table relationships
      add column goals_reminded_at timestamptz,
      add column health_nudged text check (health_nudged in ('amber', 'red')),
      add column health_nudged_at timestamptz;

    alter table mentoring_sessions
      add column logged boolean not null default false,
      add column cancelled_at timestamptz,
      add column reflection_prompted_at timestamptz;
    create index mentoring_sessions_due_idx on mentoring_sessions (starts_at) where status = 'scheduled';

    create unique index private_notes_one_per_author on private_notes (session_id, author_id);
    create index shared_notes_session_idx on shared_notes (session_id, created_at);
    create index agreed_actions_relationship_idx on agreed_actions (relationship_id, done_at);
    create index goals_relationship_idx on goals (relationship_id);
    create index goal_reviews_goal_idx on goal_reviews (goal_id, created_at);

    alter table agreed_actions
      add column created_by uuid references users (id) on delete set null;

    alter table resources
      add column retired_at timestamptz;

    alter table concerns
      add column updated_at timestamptz not null default now();
    create index concerns_programme_idx on concerns (programme_id, status, created_at);
  `.execute(db);
}
