// The demo's confidential concerns: a few in each status, mostly in London (the printed admin's
// programme), each with the admins' actions so far; an admin-ended relationship's ending says
// it followed the concern.
import type { ConcernStatus } from '../../db/types.ts';
import { between, pick, plusDays, uuid } from '../helpers.ts';
import type { Ctx, Health, PlannedRelationship } from '../mentoring-plan.ts';
import type { ProgrammeKey } from '../plan.ts';
import { CONCERN_ACTIONS, CONCERNS, ENDING_REASONS } from './text.ts';

/** A few concerns in each status, mostly in London (the printed admin's programme), each with the admins' actions so far. */
export function planConcerns(ctx: Ctx, relationships: PlannedRelationship[]): void {
  const { rows, now, pool } = ctx;
  const printed = (r: PlannedRelationship) => pool.printed.has(r.mentee.id) || pool.printed.has(r.mentor.id);
  const find = (programme: ProgrammeKey, test: (r: PlannedRelationship) => boolean) => relationships.find((r) => r.programme === programme && !printed(r) && test(r));
  const isActive = (health: Health) => (r: PlannedRelationship) => r.endedAt === null && r.target === health;
  const plans: { r: PlannedRelationship | undefined; by: 'mentee' | 'mentor'; body: string; status: ConcernStatus; actions: string[] }[] = [
    { r: find('london', isActive('red')), by: 'mentee', body: CONCERNS.cancelling, status: 'open', actions: [] },
    { r: find('london', isActive('amber')), by: 'mentor', body: CONCERNS.silence, status: 'in_progress', actions: [CONCERN_ACTIONS[0] ?? ''] },
    { r: find('london', (x) => x.endKind === 'ended_by_admin'), by: 'mentee', body: CONCERNS.boundaries, status: 'closed', actions: [CONCERN_ACTIONS[4] ?? ''] },
    { r: find('peer', (x) => x.endedAt === null && x.target === 'green' && x.phaseStarts.length === 3), by: 'mentor', body: CONCERNS.wellbeing, status: 'open', actions: [] },
    { r: find('peer', (x) => x.endKind === 'ended_early'), by: 'mentee', body: CONCERNS.cancelling, status: 'closed', actions: CONCERN_ACTIONS.slice(0, 3) },
    { r: find('reverse', isActive('amber')), by: 'mentee', body: CONCERNS.silence, status: 'in_progress', actions: [CONCERN_ACTIONS[3] ?? ''] },
  ];
  for (const plan of plans) {
    const { r } = plan;
    if (!r) continue;
    const id = uuid();
    // Raised before the end when there was one; the admins acted over the days that followed.
    const raisedAt = r.endedAt ? plusDays(r.endedAt, -between(8, 20)) : plusDays(now, -between(plan.actions.length * 4 + 1, plan.actions.length * 6 + 3));
    const actionTimes = plan.actions.map((_, index) => plusDays(raisedAt, (index + 1) * between(1, 3)));
    plan.actions.forEach((note, index) => rows.concernActions.push({ concern_id: id, admin_id: pick(pool.admins[r.programme]), note, created_at: actionTimes[index] ?? raisedAt }));
    // The admins closed that relationship because of this concern: the ending says so.
    const ending = rows.endings.find((e) => e.relationship_id === r.id);
    if (ending && r.endKind === 'ended_by_admin') ending.reason = ENDING_REASONS.afterConcern;
    rows.concerns.push({
      id, programme_id: ctx.programmeId(r.programme), relationship_id: r.id, raised_by: plan.by === 'mentee' ? r.mentee.id : r.mentor.id,
      body: plan.body, status: plan.status, created_at: raisedAt, updated_at: actionTimes.at(-1) ?? raisedAt,
    });
  }
}
