// Runs the forward-only migrations in order. They are listed here (not discovered on disk) so the
// same code works from source and from a bundle. Never edit a migration once it has landed.
import { Migrator, type Migration } from 'kysely';
import type { Db } from './connection.ts';
import * as m0001 from './migrations/0001-accounts.ts';
import * as m0002 from './migrations/0002-mentoring-model.ts';
import * as m0003 from './migrations/0003-default-taxonomies.ts';
import * as m0004 from './migrations/0004-mentor-change-notifications.ts';
import * as m0005 from './migrations/0005-chemistry-meetings.ts';
import * as m0006 from './migrations/0006-seeking-posts.ts';
import * as m0007 from './migrations/0007-relationship-life.ts';
import * as m0008 from './migrations/0008-platform-library.ts';
import * as m0009 from './migrations/0009-session-cancellations.ts';
import * as m0010 from './migrations/0010-closing-reflections.ts';
import * as m0011 from './migrations/0011-change-feeds.ts';

const migrations: Record<string, Migration> = {
  '0001-accounts': m0001,
  '0002-mentoring-model': m0002,
  '0003-default-taxonomies': m0003,
  '0004-mentor-change-notifications': m0004,
  '0005-chemistry-meetings': m0005,
  '0006-seeking-posts': m0006,
  '0007-relationship-life': m0007,
  '0008-platform-library': m0008,
  '0009-session-cancellations': m0009,
  '0010-closing-reflections': m0010,
  '0011-change-feeds': m0011,
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
