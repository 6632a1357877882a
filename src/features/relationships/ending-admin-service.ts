// The programme admins' side of endings: ending a relationship for conduct reasons (the reason is
// theirs alone; both parties are told neutrally that the programme has closed it and whom to ask),
// and the list of the programme's endings with their reasons, which only programme admins see
// (PRODUCT.md, "who sees what"). Admins never see a relationship's content here. An admin who is
// the mentee or mentor of a relationship neither sees its ending nor ends it as an admin: for them it
// is a 404, as in the concerns queue.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import type { MentoringType, RelationshipEndKind } from '../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { formatDate } from '../../platform/formatting.ts';
import type { Person } from './access.ts';
import { paths, type RelationshipDeps, type Trx } from './deps.ts';
import { AlreadyEndedError, closeRelationship } from './ending-close.ts';
import type { AdminEndInput } from './ending-schemas.ts';
import { phaseInfo } from './phases.ts';
import { typeWording } from './wording.ts';

export const endKindForAdmins: Record<RelationshipEndKind, string> = {
  completed: 'Completed',
  ended_early: 'Ended early',
  ended_by_admin: 'Ended by a programme admin',
};

function requireOverseer(actor: Actor, programmeId: string): void {
  if (!policies.canOverseeRelationships(actor, programmeId)) throw new ForbiddenError();
}

async function people(db: Db | Trx, ids: string[]): Promise<Map<string, Person>> {
  const rows = await db.selectFrom('users').select(['id', 'full_name as fullName', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

const missing = (id: string): Person => ({ id, fullName: 'Someone no longer registered', email: '' });

/** The admin is one of the pair: their own relationship is not theirs to oversee. */
const isOwn = (actor: Actor, r: { mentee_id: string; mentor_id: string }): boolean => r.mentee_id === actor.id || r.mentor_id === actor.id;

export interface AdminEndPage {
  programme: { id: string; name: string };
  relationshipId: string;
  menteeName: string;
  mentorName: string;
  typeLabel: string;
  phaseLabel: string;
  startedOn: string;
  endedOn: string | null;
  formAction: string;
  endingsHref: string;
}

export async function getAdminEndPage(db: Db, actor: Actor, programmeId: string, relationshipId: string): Promise<AdminEndPage> {
  requireOverseer(actor, programmeId);
  const r = await db.selectFrom('relationships as r').innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .select(['r.id', 'r.mentee_id', 'r.mentor_id', 'r.mentoring_type', 'r.phase', 'r.started_at', 'r.ended_at', 'p.name as programmeName'])
    .where('r.id', '=', relationshipId).where('r.programme_id', '=', programmeId).executeTakeFirst();
  if (!r || isOwn(actor, r)) throw new NotFoundError();
  const found = await people(db, [r.mentee_id, r.mentor_id]);
  return {
    programme: { id: programmeId, name: r.programmeName }, relationshipId: r.id,
    menteeName: (found.get(r.mentee_id) ?? missing(r.mentee_id)).fullName, mentorName: (found.get(r.mentor_id) ?? missing(r.mentor_id)).fullName,
    typeLabel: typeWording[r.mentoring_type as MentoringType].label, phaseLabel: phaseInfo[r.phase].label,
    startedOn: formatDate(r.started_at), endedOn: r.ended_at ? formatDate(r.ended_at) : null,
    formAction: paths.adminEnd(programmeId, r.id), endingsHref: paths.adminEndings(programmeId),
  };
}

/** An admin ends a relationship of their programme: the same single transaction as a party's ending, under the same row lock. */
export async function adminEndRelationship(deps: RelationshipDeps, actor: Actor, programmeId: string, relationshipId: string, input: AdminEndInput, now = new Date()): Promise<void> {
  requireOverseer(actor, programmeId);
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('relationships').selectAll().where('id', '=', relationshipId).where('programme_id', '=', programmeId).forUpdate().executeTakeFirst();
    if (!r || isOwn(actor, r)) throw new NotFoundError();
    if (r.status !== 'active') throw new AlreadyEndedError();
    const [found, programme] = await Promise.all([
      people(trx, [r.mentee_id, r.mentor_id]),
      trx.selectFrom('programmes').select('name').where('id', '=', programmeId).executeTakeFirstOrThrow(),
    ]);
    await closeRelationship(trx, deps, {
      relationship: r, programmeName: programme.name, mentee: found.get(r.mentee_id) ?? missing(r.mentee_id), mentor: found.get(r.mentor_id) ?? missing(r.mentor_id),
      kind: 'ended_by_admin', endedBy: 'admin', actorId: actor.id, reason: input.reason, now,
    });
  });
}

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
