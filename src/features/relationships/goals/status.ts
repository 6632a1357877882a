// How a goal's status reads to the pair: its words (also the form's choices) and its tag's colour.
import type { GoalStatus } from '../../../db/types.ts';

export const goalStatusLabels: Record<GoalStatus, string> = {
  not_started: 'Not started', in_progress: 'In progress', achieved: 'Achieved', set_aside: 'Set aside',
};

const statusColours: Record<GoalStatus, string> = { not_started: 'grey', in_progress: 'blue', achieved: 'green', set_aside: 'white' };

export interface StatusTag {
  text: string;
  colour: string;
}

export function statusTag(status: GoalStatus): StatusTag {
  return { text: goalStatusLabels[status], colour: statusColours[status] };
}
