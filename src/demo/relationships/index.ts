// The demo's mentoring relationships: who mentors whom in each programme (specs.ts says which
// relationships there are), when each started and the phases it has moved through, fitted between
// the pair's approvals and today. Each one's rows and content are rows.ts's; the concerns admins
// are handling are concerns.ts's.
import { between, DAY, daysAgo, daytime, hasRoom, latest, pick, plusDays, uuid } from '../helpers.ts';
import type { Ctx, Member, PlannedRelationship } from '../mentoring-plan.ts';
import { PROGRAMMES } from '../people/programmes.ts';
import type { Person } from '../plan.ts';
import { planConcerns } from './concerns.ts';
import { writeRelationship } from './rows.ts';
import { defaultContract, durationsFor, specsFor, type Spec } from './specs.ts';

/** How long the chemistry meeting takes, from invitation to the mentor's confirmation, at most. */
export const LEAD_DAYS = 20;
/** The quickest, for the printed logins when they joined recently. */
const QUICK_LEAD_DAYS = 8;

export function planRelationships(ctx: Ctx): PlannedRelationship[] {
  const { pool, now } = ctx;
  const specs = specsFor(ctx.cast);
  const drafts = specs.map((spec) => {
    const durations = durationsFor(spec);
    const end = spec.end ? daysAgo(now, 10, 150) : now;
    return { spec, durations, end, start: plusDays(end, -durations.reduce((a, b) => a + b, 0)) };
  });
  const used = new Set<string>();
  const planned = new Map<Spec, PlannedRelationship>();
  const member = (list: Member[], person: Person) => list.find((m) => m.person === person);
  // The longest-running first, so they get the people who joined earliest; later relationships of the same mentee last.
  const order = [...drafts].sort((a, b) => Number(Boolean(a.spec.after)) - Number(Boolean(b.spec.after)) || a.start.getTime() - b.start.getTime());
  for (const draft of order) {
    const { spec } = draft;
    const active = !spec.end;
    const byFit = (list: Member[]) => {
      const fits = list.filter((m) => m.approvedAt.getTime() <= draft.start.getTime() - LEAD_DAYS * DAY);
      return fits.length > 0 ? pick(fits) : [...list].sort((a, b) => a.approvedAt.getTime() - b.approvedAt.getTime())[0];
    };
    const previous = spec.after ? planned.get(spec.after) : undefined;
    const mentees = pool.mentees[spec.programme].filter((m) => !pool.printed.has(m.id) && !used.has(`${spec.programme} ${m.id}`));
    const mentee = spec.mentee ? member(pool.mentees[spec.programme], spec.mentee) : previous ? previous.mentee : byFit(mentees);
    if (!mentee) throw new Error(`demo seed: no mentee for a ${spec.programme} relationship`);
    used.add(`${spec.programme} ${mentee.id}`);
    const mentors = pool.mentors[spec.programme].filter((m) => m.id !== mentee.id && !pool.printed.has(m.id) && m.id !== previous?.mentor.id
      && (!active || hasRoom(pool, m.id)));
    const mentor = spec.mentor ? member(pool.mentors[spec.programme], spec.mentor) : byFit(mentors);
    if (!mentor) throw new Error(`demo seed: no mentor for a ${spec.programme} relationship`);
    if (active) pool.active.set(mentor.id, (pool.active.get(mentor.id) ?? 0) + 1);
    planned.set(spec, timeline(ctx, spec, draft, mentee, mentor, previous));
  }
  // The printed mentor always has room for one more mentee: the invitation waiting for their answer.
  const printedMentor = ctx.idOf(ctx.cast.printed.mentor);
  const needed = (pool.active.get(printedMentor) ?? 0) + 1;
  if ((pool.capacity.get(printedMentor) ?? 0) < needed) {
    pool.capacity.set(printedMentor, needed);
    ctx.rows.capacity.push({ userId: printedMentor, capacity: needed });
  }
  const relationships = specs.map((spec) => planned.get(spec)).filter((r): r is PlannedRelationship => r !== undefined);
  for (const r of relationships) writeRelationship(ctx, r);
  planConcerns(ctx, relationships);
  return relationships;
}

/** Fits the phases between the pair's approvals (plus the chemistry meeting) and the end, squeezing them if need be. */
function timeline(ctx: Ctx, spec: Spec, draft: { durations: number[]; end: Date }, mentee: Member, mentor: Member, previous?: PlannedRelationship): PlannedRelationship {
  const lead = spec.mentor || spec.mentee ? QUICK_LEAD_DAYS : LEAD_DAYS;
  const notBefore = plusDays(latest(mentee.approvedAt, mentor.approvedAt, previous?.endedAt ?? new Date(0)), lead);
  let end = draft.end;
  let durations = draft.durations;
  const total = durations.reduce((a, b) => a + b, 0);
  // An ending the pair could not have reached in time moves later, into the time they had.
  if (end.getTime() - notBefore.getTime() < 10 * DAY) end = new Date(notBefore.getTime() + (ctx.now.getTime() - notBefore.getTime()) * between(0.6, 0.85));
  // Squeezed into the time they had, starting a day or few after they could have at the earliest.
  const room = (end.getTime() - notBefore.getTime()) / DAY;
  const usable = room < total ? Math.max(room - between(0, Math.min(4, room * 0.2)), 3) : total;
  if (room < total) durations = durations.map((days) => (days * usable) / total);
  const startedAt = daytime(plusDays(end, -durations.reduce((a, b) => a + b, 0)));
  // Each phase began in the daytime, unless that would pass the next one (a squeezed timeline).
  const raw = durations.map((_, index) => plusDays(startedAt, durations.slice(0, index).reduce((a, b) => a + b, 0)));
  const phaseStarts = raw.map((at, index) => {
    const moved = daytime(at);
    return index === 0 || (moved > (raw[index - 1] ?? at) && moved < (raw[index + 1] ?? end)) ? (index === 0 ? startedAt : moved) : at;
  });
  const endedBy = spec.end === 'ended_by_admin' ? pick(ctx.pool.admins[spec.programme]) : pick([mentee.id, mentor.id]);
  return {
    id: uuid(), invitationId: uuid(), programme: spec.programme, type: spec.type ?? PROGRAMMES[spec.programme].types[0] ?? 'traditional',
    mentee, mentor, startedAt, phaseStarts, endKind: spec.end ?? null, endedAt: spec.end ? end : null, endedBy: spec.end ? endedBy : null,
    target: spec.health ?? 'green', contract: spec.contract ?? defaultContract(spec.phase),
    via: spec.via ?? pick(['mentee', 'mentee', 'mentee', 'mentee', 'mentee', 'mentor', 'admin'] as const), rich: spec.rich ?? false,
  };
}
