// The health part of the 'relationship.sweep' job: it keeps relationships.health current and, when
// the flag rises to amber or to red, nudges the pair once per level with a friendly email
// (health_nudged/health_nudged_at claim it). Each relationship is handled in its own transaction
// that locks its row with SKIP LOCKED and re-checks under the lock, so a sweep run twice nudges once.
import { sql, type Expression, type SqlBool } from 'kysely';
import { recordAudit } from '../../../db/audit.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { absoluteUrl, mailDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import type { SweepDeps } from '../sweep-types.ts';
import { healthEmails, HEALTH_NUDGE_TEMPLATE } from './emails.ts';
import { AMBER_AFTER_DAYS, DAY_MS, RED_AFTER_DAYS, daysSince, healthFor, type Health } from './level.ts';

/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

const rank: Record<Health, number> = { green: 0, amber: 1, red: 2 };

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
        to: person.email, userId: person.id, template: HEALTH_NUDGE_TEMPLATE,
        content: healthEmails.nudge({ name: person.other, url, days, level }),
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
