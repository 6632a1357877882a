// What the relationship feature's services need, handed in by handlers and jobs (no globals), and
// every address of the feature in one place so pages link to each other through `paths`.
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

const base = (id: string) => `/relationships/${id}`;

export const paths = {
  relationship: base,
  phase: (id: string) => `${base(id)}/phase`,
  contract: (id: string) => `${base(id)}/contract`,
  contractEdit: (id: string) => `${base(id)}/contract/edit`,
  contractVersions: (id: string) => `${base(id)}/contract/versions`,
  contractVersion: (id: string, versionId: string) => `${base(id)}/contract/versions/${versionId}`,
  contractSign: (id: string) => `${base(id)}/contract/sign`,
  goals: (id: string) => `${base(id)}/goals`,
  goal: (id: string, goalId: string) => `${base(id)}/goals/${goalId}`,
  sessions: (id: string) => `${base(id)}/sessions`,
  session: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}`,
  sessionNotes: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/notes`,
  sessionReflection: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/reflection`,
  sessionNew: (id: string) => `${base(id)}/sessions/new`,
  sessionLog: (id: string) => `${base(id)}/sessions/log`,
  sessionReschedule: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/reschedule`,
  sessionCancel: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/cancel`,
  sessionHeld: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/held`,
  sharedNote: (id: string, sessionId: string, noteId: string) => `${base(id)}/sessions/${sessionId}/notes/shared/${noteId}`,
  privateNote: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/notes/private`,
  sessionActions: (id: string, sessionId: string) => `${base(id)}/sessions/${sessionId}/actions`,
  reflections: (id: string) => `${base(id)}/reflections`,
  actions: (id: string) => `${base(id)}/actions`,
  action: (id: string, actionId: string) => `${base(id)}/actions/${actionId}`,
  resources: (id: string) => `${base(id)}/resources`,
  concern: (id: string) => `${base(id)}/concern`,
  end: (id: string) => `${base(id)}/end`,
  closingReflection: (id: string) => `${base(id)}/closing-reflection`,
  // Programme admins' pages.
  adminRelationships: (programmeId: string) => `/admin/programmes/${programmeId}/relationships`,
  adminRelationship: (programmeId: string, id: string) => `/admin/programmes/${programmeId}/relationships/${id}`,
  adminConcerns: (programmeId: string) => `/admin/programmes/${programmeId}/concerns`,
  adminConcern: (programmeId: string, concernId: string) => `/admin/programmes/${programmeId}/concerns/${concernId}`,
  adminResources: (programmeId: string) => `/admin/programmes/${programmeId}/resources`,
  adminSupportLinks: (programmeId: string) => `/admin/programmes/${programmeId}/support-links`,
  adminEnd: (programmeId: string, id: string) => `/admin/programmes/${programmeId}/relationships/${id}/end`,
  adminEndings: (programmeId: string) => `/admin/programmes/${programmeId}/endings`,
  platformResources: () => '/admin/resources',
  // Other features' pages, linked from ours.
  findMentor: (programmeId: string) => `/programmes/${programmeId}/find-a-mentor`,
  brokerRequest: (programmeId: string) => `/programmes/${programmeId}/broker-request`,
};
