// Equality monitoring. Each person's answers are theirs alone: only the person themself reads or
// changes them (policies.isSelf), and everyone else — programme admins, platform admins, mentors —
// sees only totals of 5 or more people (PRODUCT.md, "Who sees what").
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/connection.ts';
import type { ProgrammeRole } from '../../db/types.ts';
import { ForbiddenError } from '../../errors.ts';
import { answerKeys, equalityQuestions, PREFER_NOT_TO_SAY } from './questions.ts';
import type { EqualityAnswers } from './schemas.ts';

/** Counts below this are never shown, so no answer can be traced to a person. */
export const SMALLEST_SHOWN_COUNT = 5;
export const NOT_ANSWERED = 'not_answered';

function assertSelf(actor: Actor, userId: string): void {
  if (!policies.isSelf(actor, userId)) throw new ForbiddenError();
}

/** The actor's own answers; there is deliberately no function that reads anyone else's. */
export async function getMyEqualityAnswers(db: Db, actor: Actor): Promise<{ answers: EqualityAnswers; updatedAt: Date | null }> {
  assertSelf(actor, actor.id);
  const row = await db.selectFrom('equality_responses').select(['answers', 'updated_at']).where('user_id', '=', actor.id).executeTakeFirst();
  return { answers: row?.answers ?? {}, updatedAt: row?.updated_at ?? null };
}

/** Saves the answers given; with none given there is nothing to keep, so any earlier row goes. */
export async function saveMyEqualityAnswers(db: Db, actor: Actor, answers: EqualityAnswers): Promise<void> {
  assertSelf(actor, actor.id);
  if (Object.keys(answers).length === 0) return clearMyEqualityAnswers(db, actor);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('equality_responses')
      .values({ user_id: actor.id, answers: JSON.stringify(answers), updated_at: new Date() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ answers: JSON.stringify(answers), updated_at: new Date() }))
      .execute();
    // The audit row says that answers changed, never what they are.
    await recordAudit(trx, { actorId: actor.id, action: 'equality.answers_saved', subjectType: 'user', subjectId: actor.id });
  });
}

export async function clearMyEqualityAnswers(db: Db, actor: Actor): Promise<void> {
  assertSelf(actor, actor.id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('equality_responses').where('user_id', '=', actor.id).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'equality.answers_cleared', subjectType: 'user', subjectId: actor.id });
  });
}

export interface AggregateAnswer {
  key: string;
  label: string;
  /** null when fewer than 5 people (including none) gave this answer, or when it would reveal such a count. */
  count: number | null;
}

export interface AggregateQuestion {
  key: string;
  label: string;
  answers: AggregateAnswer[];
}

export interface EqualityAggregate {
  /** People in the programme (null when fewer than 5). */
  people: number | null;
  questions: AggregateQuestion[];
}

const suppress = (count: number): number | null => (count < SMALLEST_SHOWN_COUNT ? null : count);

/**
 * Every answer of a question, plus "not answered", adds up to the number of people. When exactly
 * one of those counts is hidden, it could be worked out from the others, so the next smallest is
 * hidden too (secondary suppression, as in official statistics).
 */
function suppressQuestion(counts: { key: string; label: string; count: number }[]): AggregateAnswer[] {
  const shown = counts.map((answer) => ({ ...answer, count: suppress(answer.count) }));
  if (shown.filter((answer) => answer.count === null).length === 1) {
    const smallest = shown.filter((answer) => answer.count !== null).sort((a, b) => (a.count ?? 0) - (b.count ?? 0))[0];
    if (smallest) smallest.count = null;
  }
  return shown;
}

/**
 * Counts per question and answer for the people in a programme (anyone with a membership, or only
 * those with `role`), each person once. For reports: nothing here can name or single out anyone.
 */
export async function aggregateEquality(db: Db, programmeId: string, options: { role?: ProgrammeRole } = {}): Promise<EqualityAggregate> {
  const rows = await db
    .selectFrom('programme_memberships as m')
    .leftJoin('equality_responses as e', 'e.user_id', 'm.user_id')
    .select(['m.user_id', 'e.answers'])
    .distinctOn('m.user_id')
    .where('m.programme_id', '=', programmeId)
    .$if(options.role !== undefined, (qb) => qb.where('m.role', '=', options.role ?? 'mentee'))
    .execute();
  const questions = equalityQuestions.map((question) => {
    const labels = new Map(question.groups.flatMap((group) => group.answers.map((a) => [a.key, group.label ? `${group.label}: ${a.label}` : a.label] as const)));
    const tally = new Map<string, number>([...answerKeys(question), NOT_ANSWERED].map((key) => [key, 0]));
    for (const row of rows) {
      const answer = row.answers?.[question.key];
      const key = answer !== undefined && tally.has(answer) ? answer : NOT_ANSWERED;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const label = (key: string) => labels.get(key) ?? (key === PREFER_NOT_TO_SAY ? 'Prefer not to say' : 'Not answered');
    return {
      key: question.key,
      label: question.reportLabel,
      answers: suppressQuestion([...tally].map(([key, count]) => ({ key, label: label(key), count }))),
    };
  });
  return { people: suppress(rows.length), questions };
}
