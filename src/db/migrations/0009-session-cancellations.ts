// Sessions (issue 5, part 5): who cancelled a session and the optional message they left for the
// other party, shown on the session page only (never emailed); and an index for the sweep that
// prompts mentees to reflect after a session.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mentoring_sessions
      add column cancelled_by uuid references users (id) on delete set null,
      add column cancel_message text not null default '';
    create index mentoring_sessions_reflection_due_idx on mentoring_sessions (starts_at)
      where reflection_prompted_at is null and status <> 'cancelled';
  `.execute(db);
}
