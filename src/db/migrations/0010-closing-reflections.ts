// Closing reflections are read only by their author (PRODUCT.md, "who sees what": like private notes
// and fit reflections), so they are stored as ciphertext with the id of the key used, and can be
// edited. The 0002 table held plain text; nothing wrote to it before this migration, so the plain
// column is replaced rather than migrated. An index for the admins' list of endings by programme.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table closing_reflections
      drop column body,
      add column key_id text not null,
      add column ciphertext bytea not null,
      add column updated_at timestamptz not null default now();

    create index relationships_ended_idx on relationships (programme_id, ended_at) where status = 'ended';
  `.execute(db);
}
