// What each part of the relationship sweep is given and what it answers (sweep/), in a leaf of its
// own so the parts (contract reviews, goals, sessions, health) and the sweep that runs them in turn
// import the same types without importing each other.
import type { Environment } from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { JobQueue } from '../../jobs/queue.ts';

export interface SweepDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
}

/** One part of the sweep: what it did, counted by kind (e.g. { reminded: 2 }). */
export type Sweep = (deps: SweepDeps, now: Date) => Promise<Record<string, number>>;
