// What follows a held demo session: shared notes, each party's private note (sealed as
// relationships/notes/private-note.ts seals it, so only its author can read it), the actions agreed (some
// done, some overdue) and the mentee's reflection (score, emoji from the product's list, shared or
// not). The printed logins' relationships get every kind on their latest sessions.
import { fakerEN_GB as faker } from '@faker-js/faker';
import { reflectionEmojis } from '../../features/relationships/reflections/index.ts';
import { between, chance, dateOnly, daytime, earliest, pick, plusDays } from '../helpers.ts';
import type { Ctx, HeldSession, PlannedRelationship } from '../mentoring-plan.ts';
import { ACTIONS, PRIVATE_NOTES, SHARED_NOTES, TAKEAWAYS } from './session-text.ts';

const emoji = (key: (typeof reflectionEmojis)[number]['key']) => reflectionEmojis.find((e) => e.key === key)?.emoji ?? '';

/** An emoji that fits the score, or none (it is optional). */
function emojiFor(score: number): string {
  if (chance(0.15)) return '';
  if (score >= 9) return emoji(pick(['great', 'good'] as const));
  if (score >= 7) return emoji(pick(['good', 'great', 'thoughtful'] as const));
  if (score >= 5) return emoji(pick(['thoughtful', 'okay'] as const));
  return emoji(pick(['worried', 'low', 'okay'] as const));
}

/** `fromEnd`: 0 for the relationship's latest held session, 1 for the one before, and so on. */
export function planSessionNotes(ctx: Ctx, r: PlannedRelationship, session: HeldSession, fromEnd: number): void {
  const { rows, keys } = ctx;
  const limit = r.endedAt ?? ctx.now;
  const finished = new Date(session.at.getTime() + session.minutes * 60_000);
  // Written after the session, in the daytime, and never after the relationship ended.
  const after = (min: number, max: number) => {
    const at = daytime(plusDays(finished, between(min, max)));
    return earliest(at < finished ? plusDays(finished, 0.01) : at, limit);
  };
  const people = [r.mentee.id, r.mentor.id];
  const recent = r.rich && fromEnd <= 2;
  // Texts taken in turn from a different starting point for each relationship, so one pair does not repeat themselves.
  const turn = <T>(list: readonly T[], n: number): T => list[(Number.parseInt(r.id.slice(0, 6), 16) + n) % list.length] ?? pick(list);

  if (recent || chance(0.55)) {
    for (const body of (recent ? [0, 1] : pick([[0], [0], [0, 1]])).map((n) => turn(SHARED_NOTES, fromEnd * 2 + n))) {
      const at = after(0.02, 2);
      rows.sharedNotes.push({ session_id: session.id, author_id: pick(people), body, created_at: at, updated_at: chance(0.1) ? earliest(plusDays(at, between(0.1, 2)), limit) : at });
    }
  }

  for (const [author, role, likelihood] of [[r.mentor.id, 'mentor', 0.35], [r.mentee.id, 'mentee', 0.3]] as const) {
    if (!(r.rich && fromEnd <= 1) && !chance(likelihood)) continue;
    const sealed = keys.seal(turn(PRIVATE_NOTES[role], fromEnd), `private-note:${session.id}:${author}`);
    const at = after(0.05, 2);
    rows.privateNotes.push({ session_id: session.id, author_id: author, key_id: sealed.keyId, ciphertext: sealed.ciphertext, created_at: at, updated_at: at });
  }

  // Actions: due a few weeks on; most of those now due were done, some are overdue.
  const planned: { dueDays: number; done: boolean | null }[] = r.rich && fromEnd === 1 ? [{ dueDays: 14, done: true }, { dueDays: 18, done: false }]
    : r.rich && fromEnd === 0 ? [{ dueDays: between(20, 30), done: false }]
      : chance(0.6) ? Array.from({ length: pick([1, 1, 2]) }, () => ({ dueDays: between(10, 35), done: null })) : [];
  const descriptions = planned.map((_, n) => turn(ACTIONS, fromEnd * 2 + n));
  planned.forEach(({ dueDays, done }, index) => {
    const due = plusDays(session.at, dueDays);
    const isDone = done ?? (due < limit ? chance(0.7) : chance(0.15));
    rows.actions.push({
      relationship_id: r.id, session_id: session.id, description: descriptions[index] ?? 'Follow up what we talked about',
      owner_id: faker.helpers.weightedArrayElement([{ value: r.mentee.id, weight: 55 }, { value: r.mentor.id, weight: 25 }, { value: null, weight: 20 }]),
      due_on: dateOnly(due), done_at: isDone ? earliest(plusDays(session.at, between(1, Math.max(1.5, dueDays - 1))), limit) : null,
      created_at: after(0.01, 0.5), created_by: pick(people),
    });
  });

  // The mentee's reflection; the printed mentee's latest session still waits for one.
  if (r.rich ? fromEnd > 0 : chance(0.6)) {
    const score = faker.helpers.weightedArrayElement([10, 9, 8, 7, 6, 5, 4, 3].map((value, i) => ({ value, weight: [2, 3, 4, 3, 2, 1, 1, 0.5][i] ?? 1 })));
    rows.reflections.push({
      session_id: session.id, mentee_id: r.mentee.id, takeaway: turn(TAKEAWAYS, fromEnd), usefulness: score, emoji: emojiFor(score),
      shared_with_mentor: r.rich ? fromEnd % 2 === 1 : chance(0.6), created_at: after(0.1, 3),
    });
  }
}
