// A demo relationship's sessions: held every three to six weeks up to a last one whose date gives
// the health planned for the relationship (relationships/health/level.ts's rule), some recorded
// afterwards, some called off, the next one booked for most, and those an ending cancelled.
import { between, chance, daysAgo, earliest, pick, plusDays, uuid, workingTime } from '../helpers.ts';
import type { Ctx, HeldSession, PlannedRelationship } from '../mentoring-plan.ts';
import { AGENDAS, LOCATIONS, SESSION_CANCEL_MESSAGES } from './session-text.ts';

const HOUR = 3_600_000;

/** When the last session was held, by the health the relationship is planned to have (45 days amber, 60 red). */
function lastHeldTarget(ctx: Ctx, r: PlannedRelationship): Date {
  if (r.endedAt) {
    const before = { completed: [1, 5], ended_early: [10, 40], ended_by_admin: [20, 50] } as const;
    const [min, max] = before[r.endKind ?? 'completed'];
    return plusDays(r.endedAt, -between(min, max));
  }
  if (r.target === 'amber') return daysAgo(ctx.now, 48, 56);
  if (r.target === 'red') return daysAgo(ctx.now, 64, 95);
  return r.rich ? daysAgo(ctx.now, 5, 14) : daysAgo(ctx.now, 3, 30);
}

export function planSessions(ctx: Ctx, r: PlannedRelationship, modes: string[], minutes: number): HeldSession[] {
  const { rows, now } = ctx;
  const party = () => pick([r.mentee.id, r.mentor.id]);
  const base = (at: Date) => {
    const mode = pick(modes);
    return {
      id: uuid(), relationship_id: r.id, starts_at: at, duration_minutes: minutes, mode: ctx.terms.id('meeting_mode', mode),
      location: pick(LOCATIONS[mode] ?? ['']), agenda: pick(AGENDAS), created_by: party(),
    };
  };
  // Held sessions, walking back from the last one every three to six weeks to the first, a week or so after starting.
  // A young pair meets more often while building rapport.
  const young = (now.getTime() - r.startedAt.getTime()) / 86_400_000 < 90;
  const gap = () => (r.rich ? (young ? between(14, 21) : between(21, 32)) : between(21, 42));
  const times: Date[] = [];
  for (let at = lastHeldTarget(ctx, r); at >= plusDays(r.startedAt, 5); at = plusDays(at, -gap())) times.unshift(workingTime(at));
  const held: HeldSession[] = [];
  times.forEach((at, index) => {
    const previous = times[index - 1] ?? r.startedAt;
    const logged = index > 0 && chance(0.15);
    const session = base(at);
    const createdAt = logged ? earliest(plusDays(at, between(0.1, 3)), now) : plusDays(previous, between(0.1, 3));
    rows.sessions.push({
      ...session, status: 'held', logged, created_at: createdAt, updated_at: logged ? createdAt : earliest(new Date(at.getTime() + (minutes / 60 + between(1, 30)) * HOUR), now),
      ics_sequence: !logged && chance(0.15) ? 1 : 0, reminded_at: logged ? null : plusDays(at, -1),
      reflection_prompted_at: new Date(at.getTime() + (minutes / 60 + between(1, 2)) * HOUR),
    });
    held.push({ id: session.id, at, minutes });
    // Now and then a session in between was called off.
    const next = times[index + 1];
    if (next && (chance(0.15) || (r.rich && index === times.length - 3))) {
      const cancelled = workingTime(plusDays(at, between(9, 14)));
      const cancelledAt = plusDays(cancelled, -between(1, 4));
      rows.sessions.push({
        ...base(cancelled), status: 'cancelled', created_at: plusDays(at, between(0.1, 2)), updated_at: cancelledAt, cancelled_at: cancelledAt,
        cancelled_by: party(), cancel_message: pick(SESSION_CANCEL_MESSAGES), ics_sequence: 1,
      });
    }
  });

  const lastAt = times.at(-1) ?? r.startedAt;
  if (r.endedAt) {
    // Ending cancels the sessions still to come (relationships/ending/close.ts).
    if (r.endKind !== 'completed') {
      rows.sessions.push({
        ...base(workingTime(plusDays(r.endedAt, between(5, 20)))), status: 'cancelled', created_at: plusDays(lastAt, between(0.1, 2)), updated_at: r.endedAt,
        cancelled_at: r.endedAt, cancelled_by: r.endedBy, ics_sequence: 1,
      });
    }
    return held;
  }
  // The next one is booked for most; an amber pair has sometimes booked one at last, a red one has not.
  const booked = r.target === 'green' || (r.target === 'amber' && chance(0.5));
  const overdueMark = r.target === 'green' && !r.rich && times.length > 0 && chance(0.12);
  if (booked && overdueMark) {
    // Happened a day or two ago, but nobody has marked it as held yet.
    const at = workingTime(daysAgo(now, 1, 3));
    const createdAt = plusDays(lastAt, between(0.1, 2));
    rows.sessions.push({ ...base(at), status: 'scheduled', created_at: createdAt, updated_at: createdAt, reminded_at: plusDays(at, -1),
      reflection_prompted_at: new Date(at.getTime() + (minutes / 60 + 1.5) * HOUR) });
  } else if (booked) {
    let at = workingTime(plusDays(now, between(3, 24)));
    if (at.getTime() < now.getTime() + 30 * HOUR) at = plusDays(at, 7);
    const createdAt = earliest(plusDays(lastAt, between(0.1, 2)), now);
    rows.sessions.push({ ...base(at), status: 'scheduled', created_at: createdAt, updated_at: createdAt });
  }
  return held;
}
