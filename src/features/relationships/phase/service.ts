// The relationship's phase: either party moves it on (or back) through the five phases, with an
// optional note; the history is kept in relationship_phase_events and shown to both. The change is
// one transaction under the relationship's lock (access.lockForChange), with its audit row (no
// note: it is the pair's own words) and an email to the other party (no note either).
import { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { relationshipPhases, type RelationshipPhase } from '../../../db/types.ts';
import { ValidationError } from '../../../errors.ts';
import { formatDateTime } from '../../../platform/formatting.ts';
import { loadForParty, lockForChange } from '../access.ts';
import { contractEmails, emailParty } from '../contract/index.ts';
import { absoluteUrl, type RelationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { optionalText, text } from '../fields.ts';
import { frameOf, type Frame } from '../frame.ts';
import { phaseInfo, phaseMachine, phases } from '../phases.ts';

export const PHASE_NOTE_MAX = 500;
export const phaseFields = ['phase', 'note'];
export const phaseSchema = z.object({
  phase: text().pipe(z.enum(relationshipPhases, { error: 'Choose the phase your mentoring relationship is in now' })),
  note: optionalText('your note', PHASE_NOTE_MAX),
});
export type PhaseInput = z.infer<typeof phaseSchema>;

export interface PhasePage {
  frame: Frame;
  current: { code: RelationshipPhase; label: string; summary: string };
  options: { value: RelationshipPhase; text: string; hint: string }[];
  history: { when: string; who: string; from: string; to: string; note: string }[];
  noteMax: number;
  action: string;
}

export async function getPhasePage(db: Db, actor: Actor, relationshipId: string): Promise<PhasePage> {
  const context = await loadForParty(db, actor, relationshipId);
  const events = await db.selectFrom('relationship_phase_events').select(['from_phase', 'to_phase', 'actor_user_id', 'note', 'occurred_at'])
    .where('relationship_id', '=', relationshipId).orderBy('occurred_at', 'desc').orderBy('id', 'desc').execute();
  const whoIs = (id: string | null) => (id === actor.id ? 'You' : id === context.other.id ? context.other.fullName : 'Someone no longer registered');
  const current = phaseInfo[context.relationship.phase];
  return {
    frame: frameOf(context),
    current: { code: current.code, label: current.label, summary: current.summary },
    options: phases.map((p) => ({ value: p.code, text: p.label, hint: p.summary })),
    history: events.map((e) => ({
      when: formatDateTime(e.occurred_at), who: e.actor_user_id === null ? 'Set when the relationship started' : whoIs(e.actor_user_id),
      from: e.from_phase ? phaseInfo[e.from_phase].label : 'Start', to: phaseInfo[e.to_phase].label, note: e.note ?? '',
    })),
    noteMax: PHASE_NOTE_MAX,
    action: paths.phase(relationshipId),
  };
}

export async function changePhase(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: PhaseInput): Promise<RelationshipPhase> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const from = context.relationship.phase;
    // Checked here, under the lock: the other party may have just moved it to the phase chosen.
    if (!phaseMachine.canMove(from, input.phase, context.role)) throw new ValidationError({ phase: 'Choose a different phase' });
    await trx.updateTable('relationships').set({ phase: input.phase }).where('id', '=', relationshipId).execute();
    await trx.insertInto('relationship_phase_events')
      .values({ relationship_id: relationshipId, from_phase: from, to_phase: input.phase, actor_user_id: actor.id, note: input.note === '' ? null : input.note })
      .execute();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.phase_changed', subjectType: 'relationship', subjectId: relationshipId,
      programmeId: context.relationship.programme_id, details: { from, to: input.phase, hasNote: input.note !== '' },
    });
    await emailParty(trx, deps, context.other, 'phaseChanged', contractEmails.phaseChanged({
      url: absoluteUrl(deps, paths.relationship(relationshipId)), programmeName: context.programme.name, name: context.me.fullName, phase: phaseInfo[input.phase].label,
    }));
    return input.phase;
  });
}
