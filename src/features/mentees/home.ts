// What the home page shows a mentee: their applications to each programme and what to do next.
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';

export interface MenteeHomeSummary {
  applications: { programmeId: string; programmeName: string; status: string }[];
}

export async function getMenteeHomeSummary(db: Db, actor: Actor): Promise<MenteeHomeSummary> {
  const applications = await db
    .selectFrom('mentee_applications as a')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select(['p.id as programmeId', 'p.name as programmeName', 'a.status'])
    .where('a.user_id', '=', actor.id)
    .orderBy('p.name')
    .execute();
  return { applications };
}
