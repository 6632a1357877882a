// What the mentors feature's services need, handed in by the handlers (no globals).
import type { Environment } from 'nunjucks';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { JobQueue } from '../../jobs/queue.ts';

export interface MentorDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
}

export function mailDeps(deps: MentorDeps) {
  return { jobs: deps.jobs, views: deps.views, serviceName: deps.config.serviceName };
}

export function absoluteUrl(deps: MentorDeps, path: string): string {
  return `${deps.config.baseUrl}${path}`;
}

export const paths = {
  profile: '/profile/mentor',
  training: '/profile/mentor/training',
  application: (programmeId: string) => `/programmes/${programmeId}/mentor-application`,
  queue: (programmeId: string) => `/admin/programmes/${programmeId}/mentor-applications`,
  applicant: (programmeId: string, applicationId: string) => `/admin/programmes/${programmeId}/mentor-applications/${applicationId}`,
};
