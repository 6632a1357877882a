// The programme's endings with their reasons, which only its programme admins see (PRODUCT.md, "who
// sees what"): when, the pair, the type, how it ended and who ended it — never anything the pair
// wrote. An admin's own relationships are left out, as in the concerns queue.
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { RelationshipEndKind } from '../../../db/types.ts';
import { NotFoundError } from '../../../errors.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { paths } from '../paths.ts';
import { typeWording } from '../wording.ts';
import { requireOverseer } from './admin-service.ts';

export const endKindForAdmins: Record<RelationshipEndKind, string> = {
  completed: 'Completed',
  ended_early: 'Ended early',
  ended_by_admin: 'Ended by a programme admin',
};

export interface EndingRow {
  endedOn: string;
  menteeName: string;
  mentorName: string;
  typeLabel: string;
  kind: string;
  endedBy: string;
  reason: string;
  href: string;
}

/** Who ended it, as admins read it: the mentee, the mentor or a programme admin. */
function endedByOf(row: { kind: RelationshipEndKind; ended_by: string | null; mentee_id: string; mentor_id: string }): string {
  if (row.kind === 'ended_by_admin') return 'Programme admin';
  if (row.ended_by === row.mentee_id) return 'Mentee';
  if (row.ended_by === row.mentor_id) return 'Mentor';
  return 'Someone no longer registered';
}

export async function listEndings(db: Db, actor: Actor, programmeId: string): Promise<{ programme: { id: string; name: string }; endings: EndingRow[] }> {
  requireOverseer(actor, programmeId);
  const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  const rows = await db.selectFrom('relationship_endings as e')
    .innerJoin('relationships as r', 'r.id', 'e.relationship_id')
    .leftJoin('users as mentee', 'mentee.id', 'r.mentee_id')
    .leftJoin('users as mentor', 'mentor.id', 'r.mentor_id')
    .select(['e.kind', 'e.ended_by', 'e.reason', 'e.created_at', 'r.id', 'r.mentee_id', 'r.mentor_id', 'r.mentoring_type', 'mentee.full_name as menteeName', 'mentor.full_name as mentorName'])
    .where('r.programme_id', '=', programmeId)
    .where('r.mentee_id', '<>', actor.id).where('r.mentor_id', '<>', actor.id)
    .orderBy('e.created_at', 'desc')
    .limit(500)
    .execute();
  return {
    programme,
    endings: rows.map((row) => ({
      endedOn: formatDate(row.created_at), menteeName: row.menteeName ?? 'Someone no longer registered', mentorName: row.mentorName ?? 'Someone no longer registered',
      typeLabel: typeWording[row.mentoring_type].label, kind: endKindForAdmins[row.kind], endedBy: endedByOf(row), reason: row.reason,
      href: paths.adminRelationship(programmeId, row.id),
    })),
  };
}
