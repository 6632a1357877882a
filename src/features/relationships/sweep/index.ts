// The relationship sweep, for the job that runs it (src/jobs/worker.ts) and its tests.
export { sweepRelationships } from './sweep.ts';
