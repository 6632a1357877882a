// Relationship health (issue 5, part 11): whether sessions are happening, from the days since the
// last held session (or since the start, when none has been held yet). Programme admins see only
// this flag (PRODUCT.md, "who sees what"). The 'relationship.sweep' job keeps relationships.health
// current and, when it rises to amber or to red, nudges the pair once per level with a friendly
// email (health_nudged/health_nudged_at claim it). A session held puts the flag back to green.
import { sql, type Expression, type SqlBool } from 'kysely';
import { recordAudit } from '../../../db/audit.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { absoluteUrl, mailDeps, paths, type Trx } from '../deps.ts';
import { sessionEmails, sessionTemplate } from '../sessions/emails.ts';
import type { SweepDeps } from '../sweep/sweep.ts';

/** Fewer days than this since the last session: green. */
export const AMBER_AFTER_DAYS = 45;
/** This many days or more: red. */
export const RED_AFTER_DAYS = 60;
const DAY_MS = 86_400_000;
/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

export type Health = 'green' | 'amber' | 'red';
const rank: Record<Health, number> = { green: 0, amber: 1, red: 2 };

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

/** The level a relationship should have at `now`, in SQL, for finding candidates and re-checking under the lock. */
function levelSql(now: Date) {
  const amberBefore = new Date(now.getTime() - AMBER_AFTER_DAYS * DAY_MS);
  const redBefore = new Date(now.getTime() - RED_AFTER_DAYS * DAY_MS);
  return sql<Health>`case when coalesce(r.last_session_at, r.started_at) <= ${redBefore} then 'red'
    when coalesce(r.last_session_at, r.started_at) <= ${amberBefore} then 'amber' else 'green' end`;
}

/** Needs work: its flag is out of date, or it has reached a level it has not been nudged about. */
function needsWork(now: Date): Expression<SqlBool> {
  const level = levelSql(now);
  return sql<SqlBool>`r.status = 'active' and (r.health <> ${level} or (${level} = 'amber' and r.health_nudged is null)
    or (${level} = 'red' and r.health_nudged is distinct from 'red'))`;
}

type Outcome = { changed: boolean; nudged: boolean };

async function updateOne(deps: SweepDeps, relationshipId: string, now: Date): Promise<Outcome> {
  return deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    // Lock first, then re-check in a new statement, so the check sees anything committed before the lock.
    const locked = await trx.selectFrom('relationships').select('id').where('id', '=', relationshipId).forUpdate().skipLocked().executeTakeFirst();
    if (!locked) return { changed: false, nudged: false };
    const row = await trx.selectFrom('relationships as r')
      .innerJoin('users as mentee', 'mentee.id', 'r.mentee_id')
      .innerJoin('users as mentor', 'mentor.id', 'r.mentor_id')
      .select(['r.id', 'r.programme_id', 'r.health', 'r.started_at', 'r.last_session_at', 'r.health_nudged as nudged',
        'mentee.id as menteeId', 'mentee.full_name as menteeName', 'mentee.email as menteeEmail',
        'mentor.id as mentorId', 'mentor.full_name as mentorName', 'mentor.email as mentorEmail'])
      .where('r.id', '=', relationshipId).where(needsWork(now)).executeTakeFirst();
    if (!row) return { changed: false, nudged: false };

    const days = daysSince(new Date(row.last_session_at ?? row.started_at), now);
    const level = healthFor(days);
    const changed = level !== row.health;
    const audit = { subjectType: 'relationship', subjectId: row.id, programmeId: row.programme_id, actorId: null };
    if (changed) {
      await trx.updateTable('relationships').set({ health: level }).where('id', '=', row.id).execute();
      await recordAudit(trx, { ...audit, action: 'relationship.health_changed', details: { from: row.health, to: level } });
    }
    if (level === 'green' || (row.nudged !== null && rank[row.nudged] >= rank[level])) return { changed, nudged: false };

    await trx.updateTable('relationships').set({ health_nudged: level, health_nudged_at: now }).where('id', '=', row.id).execute();
    const url = absoluteUrl(deps, paths.sessionNew(row.id));
    const people = [
      { id: row.menteeId, email: row.menteeEmail, other: row.mentorName },
      { id: row.mentorId, email: row.mentorEmail, other: row.menteeName },
    ];
    for (const person of people) {
      await queueEmail(trx, mailDeps(deps), {
        to: person.email, userId: person.id, template: sessionTemplate('healthNudge'),
        content: sessionEmails.healthNudge({ name: person.other, url, days, level }),
      });
    }
    await recordAudit(trx, { ...audit, action: 'relationship.health_nudged', details: { level } });
    return { changed, nudged: true };
  });
}

/** The health part of the relationship sweep. */
export async function sweepHealth(deps: SweepDeps, now: Date): Promise<Record<string, number>> {
  const due = await deps.db.selectFrom('relationships as r').select('r.id').where(needsWork(now)).orderBy('r.started_at').limit(BATCH).execute();
  const result = { changed: 0, nudged: 0 };
  for (const { id } of due) {
    const outcome = await updateOne(deps, id, now);
    if (outcome.changed) result.changed += 1;
    if (outcome.nudged) result.nudged += 1;
  }
  return result;
}
