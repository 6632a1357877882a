// The session parts of the 'relationship.sweep' job (../sweep/): a reminder to both parties 24 hours
// before a scheduled session, and a prompt to the mentee to write their session reflection once a
// session has been held (or was scheduled and ended at least an hour ago, so probably was). Each due
// session is handled in its own transaction that locks its relationship row, then the session, with
// SKIP LOCKED (the order every change uses, so an ending or a cancellation in progress is skipped and
// the next run sees its result), re-checks that the relationship is still active and the session
// still due, and claims its mark (reminded_at, reflection_prompted_at) before queueing the emails, so
// a sweep run twice, on two instances at once, or again after a restart sends each one once.
import { sql, type Expression, type SqlBool } from 'kysely';
import { recordAudit } from '../../../db/audit.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { absoluteUrl, mailDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { sessionUrl, sessionWhen } from './calendar.ts';
import { sessionEmails, sessionTemplate } from './emails.ts';
import type { SweepDeps } from '../sweep-types.ts';

const HOUR_MS = 3_600_000;
export const REMINDER_HOURS_BEFORE = 24;
/** A scheduled session not marked as held is taken to have happened this long after it ended. */
export const PROBABLY_HELD_AFTER_HOURS = 1;
/** Sessions older than this get no prompt: a reflection weeks later helps nobody (and a first run would flood). */
export const REFLECTION_PROMPT_WINDOW_DAYS = 14;
/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

function reminderDue(now: Date): Expression<SqlBool> {
  return sql<SqlBool>`s.status = 'scheduled' and s.reminded_at is null and r.status = 'active'
    and s.starts_at > ${now} and s.starts_at <= ${new Date(now.getTime() + REMINDER_HOURS_BEFORE * HOUR_MS)}`;
}

function promptDue(now: Date): Expression<SqlBool> {
  const endedBefore = new Date(now.getTime() - PROBABLY_HELD_AFTER_HOURS * HOUR_MS);
  const notBefore = new Date(now.getTime() - REFLECTION_PROMPT_WINDOW_DAYS * 24 * HOUR_MS);
  return sql<SqlBool>`s.reflection_prompted_at is null and r.status = 'active' and s.starts_at >= ${notBefore}
    and (s.status = 'held' and s.starts_at <= ${now}
      or s.status = 'scheduled' and s.starts_at + make_interval(mins => s.duration_minutes) <= ${endedBefore})
    and not exists (select 1 from session_reflections sr where sr.session_id = s.id)`;
}

type Kind = 'reminder' | 'reflectionPrompt';
const rules: Record<Kind, (now: Date) => Expression<SqlBool>> = { reminder: reminderDue, reflectionPrompt: promptDue };

async function handleOne(deps: SweepDeps, kind: Kind, sessionId: string, relationshipId: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    // Lock first, then re-check in a new statement, so the check sees anything committed before the lock.
    const relationship = await trx.selectFrom('relationships').select('id').where('id', '=', relationshipId).forUpdate().skipLocked().executeTakeFirst();
    if (!relationship) return false;
    const locked = await trx.selectFrom('mentoring_sessions').select('id').where('id', '=', sessionId).where('relationship_id', '=', relationshipId)
      .forUpdate().skipLocked().executeTakeFirst();
    if (!locked) return false;
    const due = await trx.selectFrom('mentoring_sessions as s')
      .innerJoin('relationships as r', 'r.id', 's.relationship_id')
      .innerJoin('users as mentee', 'mentee.id', 'r.mentee_id')
      .innerJoin('users as mentor', 'mentor.id', 'r.mentor_id')
      .select(['s.id', 's.starts_at', 's.duration_minutes', 'r.id as relationshipId', 'r.programme_id',
        'mentee.id as menteeId', 'mentee.full_name as menteeName', 'mentee.email as menteeEmail',
        'mentor.id as mentorId', 'mentor.full_name as mentorName', 'mentor.email as mentorEmail'])
      .where('s.id', '=', sessionId).where(rules[kind](now)).executeTakeFirst();
    if (!due) return false;

    const mail = mailDeps(deps);
    const mentee = { id: due.menteeId, email: due.menteeEmail, other: due.mentorName };
    if (kind === 'reminder') {
      await trx.updateTable('mentoring_sessions').set({ reminded_at: now }).where('id', '=', due.id).execute();
      const url = sessionUrl(deps, due.relationshipId, due.id);
      for (const person of [mentee, { id: due.mentorId, email: due.mentorEmail, other: due.menteeName }]) {
        await queueEmail(trx, mail, {
          to: person.email, userId: person.id, template: sessionTemplate('reminder'),
          content: sessionEmails.reminder({ name: person.other, url, when: sessionWhen(due) }),
        });
      }
    } else {
      await trx.updateTable('mentoring_sessions').set({ reflection_prompted_at: now }).where('id', '=', due.id).execute();
      await queueEmail(trx, mail, {
        to: mentee.email, userId: mentee.id, template: sessionTemplate('reflectionPrompt'),
        content: sessionEmails.reflectionPrompt({ name: mentee.other, url: absoluteUrl(deps, paths.sessionReflection(due.relationshipId, due.id)) }),
      });
    }
    await recordAudit(trx, {
      actorId: null, action: kind === 'reminder' ? 'session.reminded' : 'session.reflection_prompted', subjectType: 'mentoring_session', subjectId: due.id,
      programmeId: due.programme_id, details: { relationshipId: due.relationshipId },
    });
    return true;
  });
}

async function sweepKind(deps: SweepDeps, kind: Kind, now: Date): Promise<number> {
  const due = await deps.db.selectFrom('mentoring_sessions as s').innerJoin('relationships as r', 'r.id', 's.relationship_id')
    .select(['s.id', 's.relationship_id']).where(rules[kind](now)).orderBy('s.starts_at').limit(BATCH).execute();
  let done = 0;
  for (const { id, relationship_id: relationshipId } of due) {
    if (await handleOne(deps, kind, id, relationshipId, now)) done += 1;
  }
  return done;
}

/** The session part of the relationship sweep: reminders, then reflection prompts. */
export async function sweepSessions(deps: SweepDeps, now: Date): Promise<Record<string, number>> {
  return { reminded: await sweepKind(deps, 'reminder', now), reflectionPrompted: await sweepKind(deps, 'reflectionPrompt', now) };
}
