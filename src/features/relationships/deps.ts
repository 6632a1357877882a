// What the relationship feature's services need, handed in by handlers and jobs (no globals): the
// database, the job queue for email, the views, the configuration and the encryption keys.
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Environment } from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { KeyRing } from '../../platform/crypto.ts';

export interface RelationshipDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
  keys: KeyRing;
}

export type Trx = Transaction<Database>;

export function relationshipDeps(app: FastifyInstance): RelationshipDeps {
  return { db: app.deps.db, jobs: app.deps.jobs, views: app.views, config: app.deps.config, keys: app.deps.keys };
}

export function mailDeps(deps: Pick<RelationshipDeps, 'jobs' | 'views' | 'config'>) {
  return { jobs: deps.jobs, views: deps.views, serviceName: deps.config.serviceName };
}

export function absoluteUrl(deps: Pick<RelationshipDeps, 'config'>, path: string): string {
  return `${deps.config.baseUrl}${path}`;
}
