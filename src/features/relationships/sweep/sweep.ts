// The relationship's reminders and nudges, run every 10 minutes by the 'relationship.sweep' job
// (src/jobs/worker.ts). Each part finds what is due and handles each row in its own transaction that
// claims the row's "sent" mark (e.g. reminded_at) under a lock, so a sweep running twice, or on two
// instances at once, or again after a restart, never sends anything twice.
import { sweepContractReviews } from '../contract/index.ts';
import { sweepGoalReminders } from '../goals/index.ts';
import { sweepHealth } from '../health/index.ts';
import { sweepSessions } from '../sessions/index.ts';
import type { Sweep, SweepDeps } from '../sweep-types.ts';

/** Every part of the sweep, in order; each reports what it did, for the job's log line and tests. */
const sweeps: Record<string, Sweep> = {
  contractReviews: sweepContractReviews,
  goals: sweepGoalReminders,
  sessions: sweepSessions,
  health: sweepHealth,
};

export async function sweepRelationships(deps: SweepDeps, now: Date): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const [name, sweep] of Object.entries(sweeps)) {
    for (const [what, count] of Object.entries(await sweep(deps, now))) done[`${name}.${what}`] = count;
  }
  return done;
}
