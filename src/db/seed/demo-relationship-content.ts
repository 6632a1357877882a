// What happens inside each demo relationship: its contract versions and signatures, sessions (held
// every three to six weeks, the next one booked, some cancelled, some recorded afterwards), goals
// with their reviews, and after each session the notes, agreed actions and the mentee's reflection.
// Dates are planned so health follows the product's rule (relationships/health.ts). Private notes
// and closing reflections are sealed exactly as note-service.ts and closing-service.ts seal them.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { GoalStatus } from '../types.ts';
import { between, chance, daysAgo, dateOnly, earliest, modeKeys, pick, plusDays, uuid, workingTime, type Ctx } from './demo-mentoring.ts';
import { AGENDAS, CLOSING_REFLECTIONS, CONTRACT_TEXT, GOALS, LOCATIONS, REVIEW_NOTES, SESSION_CANCEL_MESSAGES } from './demo-mentoring-text.ts';
import type { PlannedRelationship } from './demo-relationships.ts';
import { planSessionNotes, type HeldSession } from './demo-session-notes.ts';

export type ContractKind = 'none' | 'draft' | 'signed_by_one' | 'agreed' | 'v2_signed_by_one' | 'v2_agreed';

export interface Content {
  lastHeld: Date | null;
  goalsRemindedAt: Date | null;
}

const HOUR = 3_600_000;
/** goal-sweep.ts reminds the pair to review open goals every 6 weeks. */
const GOAL_REVIEW_DAYS = 42;

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

/** Version 1, led by the mentee; some signed by one of them, most agreed; a few on to a version 2. */
function planContract(ctx: Ctx, r: PlannedRelationship, modes: string[], sessionMinutes: number): void {
  if (r.contract === 'none') return;
  const { rows, now } = ctx;
  const until = r.endedAt ?? plusDays(now, -0.01);
  const clamp = (date: Date) => earliest(date, until);
  const terms = (later: boolean) => JSON.stringify({
    menteeExpects: pick(CONTRACT_TEXT.menteeExpects[r.type]), mentorExpects: pick(CONTRACT_TEXT.mentorExpects),
    frequency: pick(later ? CONTRACT_TEXT.frequencyLater : CONTRACT_TEXT.frequency), sessionMinutes,
    modes: modes.map((key) => ctx.terms.id('meeting_mode', key)), place: pick(modes.includes('face_to_face') ? CONTRACT_TEXT.place.inPerson : CONTRACT_TEXT.place.remote), firstFaceToFace: modes.includes('face_to_face'),
    boundaries: pick(CONTRACT_TEXT.boundaries), confidentialityText: ctx.confidentiality.get(ctx.programmeId(r.programme)) ?? '', confidentialityExtra: pick(CONTRACT_TEXT.confidentialityExtra),
    success: faker.helpers.arrayElements(['takeaway', 'score', 'emoji'], { min: 1, max: 3 }), successOwnWords: pick(CONTRACT_TEXT.successOwnWords),
  });
  const dates = { review_on: dateOnly(plusDays(r.startedAt, between(80, 100))), ends_on: dateOnly(plusDays(r.startedAt, between(270, 365))) };
  const createdAt = clamp(plusDays(r.startedAt, between(0.5, 4)));
  const revision = pick([0, 1, 1, 2]);
  const updatedAt = clamp(plusDays(createdAt, revision * between(0.2, 1)));
  const v1 = uuid();
  const hasV2 = r.contract.startsWith('v2');
  const v1Status = r.contract === 'draft' || r.contract === 'signed_by_one' ? r.contract : 'agreed';
  rows.contracts.push({
    id: v1, relationship_id: r.id, version: 1, status: hasV2 ? 'superseded' : v1Status, terms: terms(false), ...dates,
    created_by: r.mentee.id, created_at: createdAt, revision: revision + (hasV2 ? 1 : 0), updated_at: updatedAt, updated_by: revision > 0 ? pick([r.mentee.id, r.mentor.id]) : r.mentee.id,
    review_reminded_at: !hasV2 && v1Status === 'agreed' ? reviewReminder(dates.review_on, now) : null,
  });
  // The mentee signs first; the mentor second, which agrees it.
  const menteeSigned = clamp(plusDays(updatedAt, between(0.1, 2)));
  if (v1Status !== 'draft') rows.signatures.push({ contract_version_id: v1, user_id: r.mentee.id, signed_at: menteeSigned });
  if (v1Status === 'agreed') rows.signatures.push({ contract_version_id: v1, user_id: r.mentor.id, signed_at: clamp(plusDays(menteeSigned, between(0.1, 3))) });
  if (!hasV2) return;

  // A change of rhythm once the goals were under way: the next version, signed by whoever wrote it.
  const v2 = uuid();
  const author = pick([r.mentee.id, r.mentor.id]);
  const v2At = clamp(plusDays(r.phaseStarts[2] ?? plusDays(createdAt, 40), between(5, 30)));
  const agreed = r.contract === 'v2_agreed';
  const v2Dates = { review_on: dateOnly(plusDays(v2At, between(60, 90))), ends_on: dates.ends_on };
  rows.contracts.push({
    id: v2, relationship_id: r.id, version: 2, status: agreed ? 'agreed' : 'signed_by_one', terms: terms(true), ...v2Dates,
    created_by: author, created_at: v2At, revision: 0, updated_at: v2At, updated_by: author,
    review_reminded_at: agreed ? reviewReminder(v2Dates.review_on, now) : null,
  });
  const authorSigned = clamp(plusDays(v2At, between(0.05, 1)));
  rows.signatures.push({ contract_version_id: v2, user_id: author, signed_at: authorSigned });
  if (agreed) rows.signatures.push({ contract_version_id: v2, user_id: author === r.mentee.id ? r.mentor.id : r.mentee.id, signed_at: clamp(plusDays(authorSigned, between(0.2, 4))) });
}

/** contract-sweep.ts emails both a week before the review date of an agreed version, once. */
function reviewReminder(reviewOn: string, now: Date): Date | null {
  const due = plusDays(new Date(`${reviewOn}T00:00:00Z`), -7);
  return due <= now ? due : null;
}

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

function planSessions(ctx: Ctx, r: PlannedRelationship, modes: string[], minutes: number): HeldSession[] {
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
    // Ending cancels the sessions still to come (relationships/ending-close.ts).
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

/** Statuses of the goals, by how far the relationship got and how it ended. */
function goalStatuses(r: PlannedRelationship): GoalStatus[] {
  const reached = r.phaseStarts.length - 1;
  if (r.endKind === 'ended_early' || r.endKind === 'ended_by_admin') return ['in_progress', 'set_aside', 'not_started'];
  if (r.endKind === 'completed' || reached >= 3) return ['achieved', pick(['achieved', 'in_progress'] as const), 'set_aside'];
  if (reached === 2) return r.rich ? ['in_progress', 'achieved', 'set_aside'] : ['in_progress', pick(['in_progress', 'achieved'] as const), 'not_started'];
  return ['in_progress', 'not_started', 'not_started'];
}

/** One to three goals from setting direction on, reviewed at held sessions with progress that fits their status. */
function planGoals(ctx: Ctx, r: PlannedRelationship, held: HeldSession[]): Date | null {
  const { rows, now } = ctx;
  const directionFrom = r.phaseStarts[1];
  if (!directionFrom) return null;
  const until = r.endedAt ?? now;
  const texts = faker.helpers.arrayElements(GOALS[r.type], r.rich ? 3 : pick([1, 2, 2, 3]));
  const statuses = goalStatuses(r);
  let firstOpen: Date | null = null;
  let lastReview: Date | null = null;
  for (const [index, text] of texts.entries()) {
    const status = statuses[index] ?? 'in_progress';
    const createdAt = earliest(plusDays(directionFrom, between(0, 6) + index * between(0, 12)), plusDays(until, -0.1));
    const id = uuid();
    let progress = faker.number.int({ min: 2, max: 4 });
    let reviewedAt: Date | null = null;
    const sessions = status === 'not_started' ? [] : held.filter((s) => s.at > createdAt);
    for (const [n, session] of sessions.entries()) {
      if (!r.rich && !chance(0.7)) continue;
      if (status === 'achieved') progress = n === sessions.length - 1 ? faker.number.int({ min: 9, max: 10 }) : Math.min(8, progress + faker.number.int({ min: 1, max: 2 }));
      else if (status === 'in_progress') progress = Math.min(7, progress + faker.number.int({ min: 0, max: 2 }));
      const level = progress <= 4 ? 'low' : progress <= 7 ? 'middle' : 'high';
      reviewedAt = earliest(plusDays(session.at, between(0.05, 1.5)), now);
      rows.reviews.push({
        goal_id: id, session_id: chance(0.85) ? session.id : null, progress, note: pick(REVIEW_NOTES[level]),
        author_id: chance(0.75) ? r.mentee.id : r.mentor.id, created_at: reviewedAt,
      });
    }
    if ((status === 'not_started' || status === 'in_progress') && (!firstOpen || createdAt < firstOpen)) firstOpen = createdAt;
    if (reviewedAt && (!lastReview || reviewedAt > lastReview)) lastReview = reviewedAt;
    rows.goals.push({
      id, relationship_id: r.id, title: text.title, reality: text.reality, options: text.options, way_forward: text.wayForward,
      due_on: dateOnly(plusDays(createdAt, between(60, 180))), status, created_at: createdAt, updated_at: reviewedAt ?? createdAt, last_reviewed_at: reviewedAt,
    });
  }
  // Open goals with nothing reviewed for six weeks: the sweep has already sent its reminder (goal-sweep.ts's rule).
  const cutoff = plusDays(now, -GOAL_REVIEW_DAYS);
  const due = !r.endedAt && firstOpen !== null && !(lastReview && lastReview > cutoff) && (firstOpen <= cutoff || lastReview !== null);
  return due ? daysAgo(now, 1, 20) : null;
}
