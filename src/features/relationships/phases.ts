// The five phases of a mentoring relationship, in order, with a short prompt for each (our own words
// on the widely used model: building rapport → setting direction → making progress → winding down →
// moving on), and the phases as a status machine. Resources are tagged with these codes (resources.phases).
import { relationshipPhases, type RelationshipPhase } from '../../db/types.ts';
import { defineStatusMachine } from '../../platform/status-machine.ts';

export interface PhaseInfo {
  code: RelationshipPhase;
  label: string;
  summary: string;
  prompts: string[];
}

export const phaseInfo: Record<RelationshipPhase, PhaseInfo> = {
  building_rapport: {
    code: 'building_rapport', label: 'Building rapport',
    summary: 'Getting to know each other and agreeing how you will work together.',
    prompts: [
      'Share a little about your background, values and what brings you to mentoring.',
      'Agree and sign your contract: how often you meet, where, and the limits of confidentiality.',
      'Talk about what a good outcome would look like for you both.',
    ],
  },
  setting_direction: {
    code: 'setting_direction', label: 'Setting direction',
    summary: 'Agreeing the goals the mentee wants to work towards.',
    prompts: [
      'The mentee sets one to three goals; the GROW model can help shape them.',
      'Be honest about where things are now, and what has already been tried.',
      'Agree how you will both know that progress is being made.',
    ],
  },
  making_progress: {
    code: 'making_progress', label: 'Making progress',
    summary: 'Regular sessions, actions between them and reviewing how the goals are going.',
    prompts: [
      'Review each goal every few weeks and record how it is going.',
      'Keep agreed actions small and specific, with a date.',
      'If something is beyond what mentoring can offer, use the support links on this page.',
    ],
  },
  winding_down: {
    code: 'winding_down', label: 'Winding down',
    summary: 'Looking back at what has been achieved and planning for afterwards.',
    prompts: [
      'Look back over the goals and reviews: what changed?',
      'Talk about how the mentee will keep going without regular sessions.',
      'Agree when and how the relationship will end.',
    ],
  },
  moving_on: {
    code: 'moving_on', label: 'Moving on',
    summary: 'Closing well, and deciding whether to stay in touch informally.',
    prompts: [
      'End the relationship on the platform when you are both ready, and write a short closing reflection.',
      'Decide together whether you will stay in touch as colleagues.',
      'Consider whether the mentee might become a mentor themselves.',
    ],
  },
};

/**
 * Either party moves the relationship on, or back, to any other phase; ending it moves it on to the
 * last, which is how an admin who ends it (ending/close.ts) moves the phase too.
 */
export const phaseMachine = defineStatusMachine({
  name: 'relationship phase',
  states: relationshipPhases,
  roles: ['mentee', 'mentor', 'admin'],
  moves: [
    ...relationshipPhases.map((from) => ({ from, to: relationshipPhases.filter((to) => to !== from), by: ['mentee', 'mentor'] as const })),
    { from: relationshipPhases.filter((from) => from !== 'moving_on'), to: 'moving_on', by: ['admin'] },
  ],
  labels: { info: phaseInfo },
});

export const phases: PhaseInfo[] = relationshipPhases.map((code) => phaseInfo[code]);

export function phaseIndex(phase: RelationshipPhase): number {
  return relationshipPhases.indexOf(phase);
}
