// Opens the database the configuration asks for: DATABASE_URL if set, otherwise the embedded
// PostgreSQL under DATA_DIR, started here. Migrations run before anything else uses it.
import type { Config } from '../config.ts';
import { createDb, type Db } from './connection.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';

export interface OpenDatabase {
  db: Db;
  url: string;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: (message: string) => void): Promise<OpenDatabase> {
  const embedded = config.database.url
    ? null
    : await startEmbeddedPostgres({ dataDir: config.database.dataDir, port: config.database.embeddedPort, log });
  const url = config.database.url ?? embedded?.url ?? '';
  const db = createDb(url, config.database.poolSize);
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
