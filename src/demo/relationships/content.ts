// What happens inside each demo relationship: its contract (contracts.ts), sessions (sessions.ts),
// goals with their reviews (goals.ts), and after each held session the notes, agreed actions and
// the mentee's reflection (session-notes.ts); for an ended one, each party's closing reflection,
// sealed exactly as closing-service.ts seals it.
import { fakerEN_GB as faker } from '@faker-js/faker';
import { between, chance, earliest, modeKeys, pick, plusDays } from '../helpers.ts';
import type { Ctx, PlannedRelationship } from '../mentoring-plan.ts';
import { planContract } from './contracts.ts';
import { planGoals } from './goals.ts';
import { planSessionNotes } from './session-notes.ts';
import { planSessions } from './sessions.ts';
import { CLOSING_REFLECTIONS } from './text.ts';

export interface Content {
  lastHeld: Date | null;
  goalsRemindedAt: Date | null;
}

export function planContent(ctx: Ctx, r: PlannedRelationship): Content {
  const modes = faker.helpers.arrayElements([...modeKeys], { min: 1, max: 2 });
  const minutes = pick([60, 60, 60, 45, 90]);
  planContract(ctx, r, modes, minutes);
  const held = planSessions(ctx, r, modes, minutes);
  const goalsRemindedAt = planGoals(ctx, r, held);
  held.forEach((session, index) => planSessionNotes(ctx, r, session, held.length - 1 - index));
  if (r.endedAt) {
    for (const author of [r.mentee.id, r.mentor.id]) {
      if (!chance(0.6)) continue;
      const at = earliest(plusDays(r.endedAt, between(0.1, 10)), ctx.now);
      const sealed = ctx.keys.seal(pick(CLOSING_REFLECTIONS), `closing:${r.id}:${author}`);
      ctx.rows.closingReflections.push({ relationship_id: r.id, author_id: author, key_id: sealed.keyId, ciphertext: sealed.ciphertext, created_at: at, updated_at: at });
    }
  }
  return { lastHeld: held.at(-1)?.at ?? null, goalsRemindedAt };
}
