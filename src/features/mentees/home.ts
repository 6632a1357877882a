// What the home page shows a mentee: their applications to each programme, where each one is and
// what to do next, and a link to their mentee profile.
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { MenteeApplicationStatus } from '../../db/types.ts';
import type { StatusTag } from '../../platform/status-machine.ts';
import { menteeApplicationMachine } from './statuses.ts';
import { applicationPath } from './transitions.ts';

export interface MenteeHomeApplication {
  programmeId: string;
  programmeName: string;
  status: MenteeApplicationStatus;
  tag: StatusTag;
  href: string;
  lineManagerName: string | null;
  /** When the pending request's reminder went, for "we sent a reminder on …". */
  remindedAt: Date | null;
}

export interface MenteeHomeSummary {
  hasProfile: boolean;
  applications: MenteeHomeApplication[];
}

export async function getMenteeHomeSummary(db: Db, actor: Actor): Promise<MenteeHomeSummary> {
  const [applications, profile] = await Promise.all([
    db
      .selectFrom('mentee_applications as a')
      .innerJoin('programmes as p', 'p.id', 'a.programme_id')
      .select((eb) => [
        'p.id as programmeId', 'p.name as programmeName', 'a.status', 'a.line_manager_name as lineManagerName',
        eb.selectFrom('line_manager_requests as r').select('r.reminded_at').whereRef('r.application_id', '=', 'a.id').where('r.status', '=', 'pending').limit(1).as('remindedAt'),
      ])
      .where('a.user_id', '=', actor.id)
      .where('a.status', '<>', 'draft')
      .where('p.archived_at', 'is', null)
      .orderBy('p.name')
      .execute(),
    db.selectFrom('mentee_profiles').select('user_id').where('user_id', '=', actor.id).executeTakeFirst(),
  ]);
  return {
    hasProfile: profile !== undefined,
    applications: applications.map((row) => ({ ...row, tag: menteeApplicationMachine.label(row.status, 'tag'), href: applicationPath(row.programmeId) })),
  };
}
