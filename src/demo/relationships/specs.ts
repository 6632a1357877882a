// The fixed list of demo relationships (specs): every phase, ending and health level across the
// programmes, with the printed logins placed where their pages have the most to show, and how long
// each phase usually lasts.
import { relationshipPhases, type MentoringType, type RelationshipEndKind, type RelationshipPhase } from '../../db/types.ts';
import { between, pick } from '../helpers.ts';
import type { ContractKind, Initiator } from '../mentoring-plan.ts';
import type { Cast, Person, ProgrammeKey } from '../plan.ts';

export interface Spec {
  programme: ProgrammeKey;
  /** The phase it is in now, or for an ended one the phase it had reached before ending. */
  phase: RelationshipPhase;
  end?: RelationshipEndKind;
  health?: 'amber' | 'red';
  contract?: ContractKind;
  type?: MentoringType;
  mentee?: Person;
  mentor?: Person;
  via?: Initiator;
  rich?: boolean;
  /** This mentee's earlier relationship in the programme, ended before this one started. */
  after?: Spec;
}

/** How long each phase usually lasts, in days. */
const PHASE_DAYS: [number, number][] = [[21, 42], [28, 56], [84, 160], [42, 70], [14, 42]];

export function specsFor(cast: Cast): Spec[] {
  const { mentor, mentee, mentor_and_mentee: both } = cast.printed;
  const s = (programme: ProgrammeKey, phase: RelationshipPhase, extra: Omit<Spec, 'programme' | 'phase'> = {}): Spec => ({ programme, phase, ...extra });
  const londonEarlyEnd = s('london', 'making_progress', { end: 'ended_early' });
  return [
    // The printed mentor was approved only weeks ago (register/applications.ts), so theirs are young: three
    // mentees in three phases (one pair moving fast), and one that ended early after a few weeks.
    s('london', 'making_progress', { mentor, contract: 'agreed', rich: true }),
    s('london', 'building_rapport', { mentor, contract: 'signed_by_one' }),
    s('london', 'setting_direction', { mentor, contract: 'agreed' }),
    s('london', 'building_rapport', { mentor, end: 'ended_early' }),
    // The printed mentee, and the person who is mentored in London and mentors in reverse mentoring.
    s('peer', 'making_progress', { mentee, contract: 'agreed', rich: true, via: 'mentee' }),
    s('london', 'setting_direction', { mentee: both, contract: 'agreed', rich: true, via: 'mentee' }),
    s('reverse', 'making_progress', { mentor: both, contract: 'agreed', rich: true }),
    // London, which the printed programme admin oversees: amber and red among them.
    s('london', 'building_rapport', { contract: 'none' }), s('london', 'building_rapport', { contract: 'draft', via: 'mentor' }),
    s('london', 'setting_direction', { via: 'admin' }), s('london', 'making_progress', { health: 'amber' }),
    s('london', 'making_progress', { health: 'red', contract: 'v2_signed_by_one' }), s('london', 'winding_down', { health: 'red' }),
    s('london', 'moving_on'), s('london', 'moving_on', { end: 'completed' }), londonEarlyEnd,
    s('london', 'building_rapport', { after: londonEarlyEnd, via: 'admin', contract: 'none' }),
    s('london', 'setting_direction', { end: 'ended_early' }), s('london', 'making_progress', { end: 'ended_by_admin' }),
    // Peer support.
    s('peer', 'building_rapport', { contract: 'none' }), s('peer', 'building_rapport', { contract: 'signed_by_one' }),
    s('peer', 'setting_direction'), s('peer', 'setting_direction', { via: 'mentor' }), s('peer', 'setting_direction'),
    s('peer', 'making_progress', { health: 'amber' }), s('peer', 'making_progress', { health: 'red' }),
    s('peer', 'making_progress', { contract: 'v2_signed_by_one' }), s('peer', 'winding_down'), s('peer', 'winding_down', { contract: 'v2_agreed' }),
    s('peer', 'moving_on'), s('peer', 'moving_on', { via: 'admin' }),
    s('peer', 'moving_on', { end: 'completed' }), s('peer', 'winding_down', { end: 'completed' }), s('peer', 'winding_down', { end: 'completed', via: 'mentor' }),
    s('peer', 'setting_direction', { end: 'ended_early' }), s('peer', 'making_progress', { end: 'ended_early' }), s('peer', 'making_progress', { end: 'ended_by_admin' }),
    // Reverse mentoring and allied health.
    s('reverse', 'building_rapport', { contract: 'draft' }), s('reverse', 'setting_direction'), s('reverse', 'winding_down', { health: 'amber' }),
    s('reverse', 'winding_down', { end: 'completed' }), s('reverse', 'setting_direction', { end: 'ended_early' }),
    s('ahp', 'making_progress', { type: 'traditional' }), s('ahp', 'setting_direction', { type: 'peer' }), s('ahp', 'winding_down', { end: 'completed', type: 'traditional' }),
  ];
}

export function defaultContract(phase: RelationshipPhase): ContractKind {
  if (phase === 'building_rapport') return pick(['none', 'draft', 'signed_by_one', 'agreed'] as const);
  return pick(['agreed', 'agreed', 'agreed', 'agreed', 'agreed', 'agreed', 'v2_signed_by_one', 'v2_agreed'] as const);
}

/** Days in each phase reached, the last one partly (or wholly, for an ended relationship). */
export function durationsFor(spec: Spec): number[] {
  const reached = relationshipPhases.indexOf(spec.phase);
  return PHASE_DAYS.slice(0, reached + 1).map(([min, max], index) => {
    const full = between(min, max);
    if (index < reached) return full;
    if (spec.end) return full * between(0.3, 1);
    if (reached === 0) return between(4, 32);
    return full * (spec.rich ? between(0.6, 0.85) : between(0.15, 0.85));
  });
}
