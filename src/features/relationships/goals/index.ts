// What the rest of the relationship uses of goals: their status words for the relationship page,
// and the review reminder for the relationship sweep.
export { goalStatusLabels } from './status.ts';
export { sweepGoalReminders } from './sweep.ts';
