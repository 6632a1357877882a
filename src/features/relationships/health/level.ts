// Relationship health (issue 5, part 11): whether sessions are happening, from the days since the
// last held session (or since the start, when none has been held yet). Programme admins see only
// this flag (PRODUCT.md, "who sees what"). This is the rule and its thresholds, and what a session
// held does to the flag (puts it back to green); the sweep (sweep.ts) keeps it current over time.
import type { Trx } from '../deps.ts';

/** Fewer days than this since the last session: green. */
export const AMBER_AFTER_DAYS = 45;
/** This many days or more: red. */
export const RED_AFTER_DAYS = 60;
export const DAY_MS = 86_400_000;

export type Health = 'green' | 'amber' | 'red';

export function daysSince(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

export function healthFor(days: number): Health {
  return days >= RED_AFTER_DAYS ? 'red' : days >= AMBER_AFTER_DAYS ? 'amber' : 'green';
}

/**
 * After a session is marked as held or recorded: last_session_at becomes the latest held session's
 * start, and the flag follows from it — green for a session just held, and the nudges start again.
 * (A session recorded long after it happened may leave the flag amber or red; then the nudge mark
 * is kept, so nobody is nudged again for the same gap.)
 */
export async function recordSessionHeld(trx: Trx, relationshipId: string, now: Date): Promise<void> {
  const r = await trx.selectFrom('relationships').select(['started_at']).where('id', '=', relationshipId).executeTakeFirstOrThrow();
  const latest = await trx.selectFrom('mentoring_sessions').select((eb) => eb.fn.max('starts_at').as('at'))
    .where('relationship_id', '=', relationshipId).where('status', '=', 'held').executeTakeFirst();
  const last = latest?.at ? new Date(latest.at) : null;
  const health = healthFor(daysSince(last ?? new Date(r.started_at), now));
  await trx.updateTable('relationships')
    .set({ last_session_at: last, health, ...(health === 'green' ? { health_nudged: null, health_nudged_at: null } : {}) })
    .where('id', '=', relationshipId).execute();
}
