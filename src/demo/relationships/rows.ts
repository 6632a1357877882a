// One demo relationship's own rows: the relationship (with the health its sessions give it and the
// nudges the sweep has sent), its phase history and how it ended; its content comes from
// content.ts.
import { relationshipPhases } from '../../db/types.ts';
import { DAY, pick, plusDays } from '../helpers.ts';
import type { Ctx, Health, PlannedRelationship } from '../mentoring-plan.ts';
import { planContent } from './content.ts';
import { ENDING_REASONS, PHASE_NOTES } from './text.ts';

/** relationships/health/level.ts: 45 days without a held session is amber, 60 red. */
export const AMBER_AFTER_DAYS = 45;
export const RED_AFTER_DAYS = 60;

export function healthFor(lastSessionOrStart: Date, now: Date): Health {
  const days = Math.floor((now.getTime() - lastSessionOrStart.getTime()) / DAY);
  return days >= RED_AFTER_DAYS ? 'red' : days >= AMBER_AFTER_DAYS ? 'amber' : 'green';
}

/** The relationship row, its phase history, and how it ended; its content comes from planContent. */
export function writeRelationship(ctx: Ctx, r: PlannedRelationship): void {
  const { rows, now } = ctx;
  const ended = r.endedAt !== null;
  const content = planContent(ctx, r);
  const healthAt = r.endedAt ?? now;
  const health = healthFor(content.lastHeld ?? r.startedAt, healthAt);
  // The sweep nudged the pair once when each level was reached (relationships/health/level.ts).
  const nudgedAt = health === 'green' ? null : plusDays(content.lastHeld ?? r.startedAt, health === 'red' ? RED_AFTER_DAYS : AMBER_AFTER_DAYS);
  rows.relationships.push({
    id: r.id, programme_id: ctx.programmeId(r.programme), mentee_id: r.mentee.id, mentor_id: r.mentor.id, invitation_id: r.invitationId,
    mentoring_type: r.type, status: ended ? 'ended' : 'active', phase: ended ? 'moving_on' : (relationshipPhases[r.phaseStarts.length - 1] ?? 'building_rapport'),
    end_kind: r.endKind, started_at: r.startedAt, ended_at: r.endedAt, last_session_at: content.lastHeld, health,
    health_nudged: ended || health === 'green' ? null : health, health_nudged_at: ended ? null : nudgedAt, goals_reminded_at: content.goalsRemindedAt,
  });
  const party = () => pick([r.mentee.id, r.mentor.id]);
  // Confirming the chemistry meeting starts it in building rapport, with the mentor as actor (invitations/choose-service.ts).
  rows.phaseEvents.push({ relationship_id: r.id, from_phase: null, to_phase: 'building_rapport', actor_user_id: r.mentor.id, occurred_at: r.startedAt });
  r.phaseStarts.forEach((at, index) => {
    const to = relationshipPhases[index];
    const from = relationshipPhases[index - 1];
    if (!to || !from) return;
    rows.phaseEvents.push({ relationship_id: r.id, from_phase: from, to_phase: to, actor_user_id: party(), note: pick(PHASE_NOTES[to] ?? ['']) || null, occurred_at: at });
  });
  if (!r.endKind || !r.endedAt) return;
  const reached = relationshipPhases[r.phaseStarts.length - 1];
  if (reached !== 'moving_on') rows.phaseEvents.push({ relationship_id: r.id, from_phase: reached ?? null, to_phase: 'moving_on', actor_user_id: r.endedBy, occurred_at: r.endedAt });
  const reasons = r.endKind === 'ended_by_admin' ? ENDING_REASONS.ended_by_admin : ENDING_REASONS[r.endKind][r.endedBy === r.mentee.id ? 'mentee' : 'mentor'];
  rows.endings.push({ relationship_id: r.id, ended_by: r.endedBy, kind: r.endKind, reason: pick(reasons), created_at: r.endedAt });
}
