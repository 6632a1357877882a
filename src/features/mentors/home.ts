// What the home page shows a mentor: their applications to each programme and what to do next.
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';

export interface MentorHomeSummary {
  applications: { programmeId: string; programmeName: string; status: string }[];
}

export async function getMentorHomeSummary(db: Db, actor: Actor): Promise<MentorHomeSummary> {
  const applications = await db
    .selectFrom('mentor_applications as a')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select(['p.id as programmeId', 'p.name as programmeName', 'a.status'])
    .where('a.user_id', '=', actor.id)
    .orderBy('p.name')
    .execute();
  return { applications };
}
