// What "seeking a mentor" posts need beyond the 0002 model (issue 4, part 5): the mentee's
// preferred ways to meet (taxonomy term ids, as mentors filter on them), the 600-character limit
// the form promises, and at most one open post per mentee per programme, held by the database so
// two submissions at the same instant cannot both open one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table seeking_posts
      add column meeting_mode_ids uuid[] not null default '{}',
      add constraint seeking_posts_summary_length check (length(summary) between 1 and 600),
      add constraint seeking_posts_closed_when_closed check ((status = 'closed') = (closed_at is not null));

    create unique index seeking_posts_one_open on seeking_posts (programme_id, mentee_id) where status = 'open';
    create index seeking_posts_open_idx on seeking_posts (programme_id, created_at desc) where status = 'open';
  `.execute(db);
}
