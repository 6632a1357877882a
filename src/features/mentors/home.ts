// What the home page shows a mentor: their applications to each programme, with the status and
// what to do next, and a link to their mentor profile when they have one.
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { MentorApplicationStatus } from '../../db/types.ts';
import type { StatusTag } from '../../platform/status-machine.ts';
import { paths } from './deps.ts';
import { mentorApplicationMachine } from './statuses.ts';

export interface MentorHomeSummary {
  applications: { programmeId: string; programmeName: string; status: MentorApplicationStatus; href: string; nextStep: string }[];
  hasProfile: boolean;
  statusTags: Record<MentorApplicationStatus, StatusTag>;
}

export async function getMentorHomeSummary(db: Db, actor: Actor): Promise<MentorHomeSummary> {
  const [applications, profile] = await Promise.all([
    db
      .selectFrom('mentor_applications as a')
      .innerJoin('programmes as p', 'p.id', 'a.programme_id')
      .select(['p.id as programmeId', 'p.name as programmeName', 'a.status'])
      .where('a.user_id', '=', actor.id)
      .where('p.archived_at', 'is', null)
      .orderBy('p.name')
      .execute(),
    db.selectFrom('mentor_profiles').select('user_id').where('user_id', '=', actor.id).executeTakeFirst(),
  ]);
  return {
    applications: applications.map((row) => ({ ...row, href: paths.application(row.programmeId), nextStep: mentorApplicationMachine.label(row.status, 'nextStep') })),
    hasProfile: profile !== undefined,
    statusTags: mentorApplicationMachine.labels.applicant,
  };
}
