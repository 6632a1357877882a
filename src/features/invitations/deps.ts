// What the invitations feature's services need, handed in by the handlers and the sweep job (no
// globals), and the feature's addresses in one place.
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Environment } from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/types.ts';
import type { JobQueue } from '../../jobs/queue.ts';

export interface InvitationDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
}

export type Trx = Transaction<Database>;

export function invitationDeps(app: FastifyInstance): InvitationDeps {
  return { db: app.deps.db, jobs: app.deps.jobs, views: app.views, config: app.deps.config };
}

export function mailDeps(deps: InvitationDeps) {
  return { jobs: deps.jobs, views: deps.views, serviceName: deps.config.serviceName };
}

export function absoluteUrl(deps: Pick<InvitationDeps, 'config'>, path: string): string {
  return `${deps.config.baseUrl}${path}`;
}

export const paths = {
  invitation: (id: string) => `/invitations/${id}`,
  invite: (programmeId: string, mentorId: string) => `/programmes/${programmeId}/mentors/${mentorId}/invite`,
  offer: (programmeId: string, postId: string) => `/programmes/${programmeId}/seeking/${postId}/offer`,
  brokerRequest: (programmeId: string) => `/programmes/${programmeId}/broker-request`,
  brokerQueue: (programmeId: string) => `/admin/programmes/${programmeId}/broker-requests`,
  // The search feature's pages (src/features/search), linked from ours.
  findMentor: (programmeId: string) => `/programmes/${programmeId}/find-a-mentor`,
  shortlist: (programmeId: string) => `/programmes/${programmeId}/shortlist`,
};
