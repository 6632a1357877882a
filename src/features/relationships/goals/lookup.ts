// A goal of the relationship as stored: finding it (a goal of another relationship is a 404, exactly
// like one that does not exist) and its version, which an edit must carry so a stale one is refused.
import type { Db } from '../../../db/connection.ts';
import type { Goal } from '../../../db/types.ts';
import { NotFoundError } from '../../../errors.ts';
import type { Trx } from '../deps.ts';

export async function findGoal(db: Db | Trx, relationshipId: string, goalId: string): Promise<Goal> {
  const goal = await db.selectFrom('goals').selectAll().where('id', '=', goalId).where('relationship_id', '=', relationshipId).executeTakeFirst();
  if (!goal) throw new NotFoundError();
  return goal;
}

/** A goal's version for the edit form: when it was last saved, to the millisecond. */
export function versionOf(goal: Pick<Goal, 'updated_at'>): string {
  return String(new Date(goal.updated_at).getTime());
}
