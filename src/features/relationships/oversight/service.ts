// The programme admin's view of the programme's relationships (PRODUCT.md, "who sees what": type,
// phase, dates, session count, health flag — no content). The queries select only those columns:
// no goal, note, contract term, reflection, agenda or ending reason is ever read here, so none can
// leak into these pages by a template mistake.
import { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import type { Db } from '../../../db/connection.ts';
import { type MentoringType, relationshipPhases, type RelationshipEndKind, type RelationshipPhase } from '../../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../../errors.ts';
import { paths } from '../paths.ts';
import { phaseInfo, phases } from '../phases.ts';
import { typeWording } from '../wording.ts';

export const healthFlags = ['green', 'amber', 'red'] as const;
export type HealthFlag = (typeof healthFlags)[number];

/** Health is set by the sessions rule: no session held for 45 days is amber, for 60 days red. */
export const healthTags: Record<HealthFlag, { text: string; colour: string }> = {
  green: { text: 'On track', colour: 'green' },
  amber: { text: 'Amber: no session held in 45 days or more', colour: 'orange' },
  red: { text: 'Red: no session held in 60 days or more', colour: 'red' },
};

export const endKindLabels: Record<RelationshipEndKind, string> = {
  completed: 'Completed',
  ended_early: 'Ended early',
  ended_by_admin: 'Ended by a programme admin',
};

export const oversightFilterSchema = z.object({
  status: z.enum(['active', 'ended']).optional().catch(undefined),
  health: z.enum(healthFlags).optional().catch(undefined),
  phase: z.enum(relationshipPhases).optional().catch(undefined),
});
export type OversightFilter = z.infer<typeof oversightFilterSchema>;

async function programmeFor(db: Db, actor: Actor, programmeId: string) {
  if (!policies.canOverseeRelationships(actor, programmeId)) throw new ForbiddenError();
  const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme;
}

/** Facts only: the one query both pages use. */
function factsQuery(db: Db, programmeId: string) {
  return db.selectFrom('relationships as r')
    .innerJoin('users as mentee', 'mentee.id', 'r.mentee_id')
    .innerJoin('users as mentor', 'mentor.id', 'r.mentor_id')
    .where('r.programme_id', '=', programmeId)
    .select((eb) => [
      'r.id', 'r.mentoring_type', 'r.phase', 'r.status', 'r.started_at', 'r.ended_at', 'r.end_kind', 'r.health',
      'mentee.full_name as menteeName', 'mentor.full_name as mentorName',
      eb.selectFrom('mentoring_sessions as s').select((s) => s.fn.countAll<string>().as('n'))
        .whereRef('s.relationship_id', '=', 'r.id').where('s.status', '=', 'held').as('sessionsHeld'),
      eb.selectFrom('mentoring_sessions as s').select((s) => s.fn.max('s.starts_at').as('m'))
        .whereRef('s.relationship_id', '=', 'r.id').where('s.status', '=', 'held').as('lastHeldAt'),
    ]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof factsQuery>['execute']>>[number];

function factsOf(row: FactsRow, programmeId: string) {
  const isActive = row.status === 'active';
  return {
    id: row.id, href: paths.adminRelationship(programmeId, row.id),
    menteeName: row.menteeName, mentorName: row.mentorName,
    type: typeWording[row.mentoring_type as MentoringType].label,
    phase: phaseInfo[row.phase as RelationshipPhase].label,
    startedAt: row.started_at, endedAt: row.ended_at,
    endKind: row.end_kind ? endKindLabels[row.end_kind] : null,
    sessionsHeld: Number(row.sessionsHeld ?? 0),
    lastHeldAt: row.lastHeldAt ? new Date(row.lastHeldAt) : null,
    isActive,
    // An ended relationship has no health to follow.
    health: isActive ? healthTags[row.health] : null,
  };
}

export async function listRelationships(db: Db, actor: Actor, programmeId: string, filter: OversightFilter) {
  const programme = await programmeFor(db, actor, programmeId);
  let query = factsQuery(db, programmeId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.health) query = query.where('r.health', '=', filter.health).where('r.status', '=', 'active');
  if (filter.phase) query = query.where('r.phase', '=', filter.phase);
  const [rows, flagged] = await Promise.all([
    query.orderBy('r.status').orderBy('r.started_at', 'desc').execute(),
    db.selectFrom('relationships').select(['health', (eb) => eb.fn.countAll<string>().as('count')])
      .where('programme_id', '=', programmeId).where('status', '=', 'active').groupBy('health').execute(),
  ]);
  const count = (flag: HealthFlag) => Number(flagged.find((f) => f.health === flag)?.count ?? 0);
  return {
    programme, filter,
    isFiltered: filter.status !== undefined || filter.health !== undefined || filter.phase !== undefined,
    counts: { active: count('green') + count('amber') + count('red'), amber: count('amber'), red: count('red') },
    relationships: rows.map((row) => factsOf(row, programmeId)),
    options: {
      status: [{ value: 'active', text: 'Active' }, { value: 'ended', text: 'Ended' }],
      health: healthFlags.map((flag) => ({ value: flag, text: healthTags[flag].text })),
      phase: phases.map((p) => ({ value: p.code, text: p.label })),
    },
    links: {
      list: paths.adminRelationships(programmeId),
      amber: `${paths.adminRelationships(programmeId)}?status=active&health=amber`,
      red: `${paths.adminRelationships(programmeId)}?status=active&health=red`,
    },
  };
}

export async function getRelationshipFacts(db: Db, actor: Actor, programmeId: string, relationshipId: string) {
  const programme = await programmeFor(db, actor, programmeId);
  const row = await factsQuery(db, programmeId).where('r.id', '=', relationshipId).executeTakeFirst();
  if (!row) throw new NotFoundError();
  // Phase history: dates and phases only (a phase event's note is never read).
  const history = await db.selectFrom('relationship_phase_events').select(['to_phase', 'occurred_at'])
    .where('relationship_id', '=', relationshipId).orderBy('occurred_at').orderBy('id').execute();
  return {
    programme,
    relationship: factsOf(row, programmeId),
    history: history.map((event) => ({ phase: phaseInfo[event.to_phase].label, at: event.occurred_at })),
    links: { list: paths.adminRelationships(programmeId), concerns: paths.adminConcerns(programmeId), end: row.status === 'active' ? paths.adminEnd(programmeId, relationshipId) : null },
  };
}
