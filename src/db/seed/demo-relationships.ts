// The demo's mentoring relationships: who mentors whom in each programme, when each started, the
// phases it has moved through, how the ended ones ended, its health, and the concerns admins are
// handling. A fixed list of relationships (specs) gives every phase, ending and health level, and
// places the printed logins where their pages have the most to show. The content of each
// relationship (contract, sessions, goals, notes) is demo-relationship-content.ts's.
import { relationshipPhases, type ConcernStatus, type MentoringType, type RelationshipEndKind, type RelationshipPhase } from '../types.ts';
import { PROGRAMMES, type Cast, type Person, type ProgrammeKey } from './demo-people.ts';
import { between, DAY, daysAgo, daytime, hasRoom, latest, pick, plusDays, uuid, type Ctx, type Member } from './demo-mentoring.ts';
import { CONCERN_ACTIONS, CONCERNS, ENDING_REASONS, PHASE_NOTES } from './demo-mentoring-text.ts';
import { planContent, type ContractKind } from './demo-relationship-content.ts';

export type Initiator = 'mentee' | 'mentor' | 'admin';
export type Health = 'green' | 'amber' | 'red';

/** relationships/health.ts: 45 days without a held session is amber, 60 red. */
export const AMBER_AFTER_DAYS = 45;
export const RED_AFTER_DAYS = 60;
/** How long the chemistry meeting takes, from invitation to the mentor's confirmation, at most. */
export const LEAD_DAYS = 20;
/** The quickest, for the printed logins when they joined recently. */
const QUICK_LEAD_DAYS = 8;

export interface PlannedRelationship {
  id: string;
  invitationId: string;
  programme: ProgrammeKey;
  type: MentoringType;
  mentee: Member;
  mentor: Member;
  startedAt: Date;
  /** When each phase reached began (index = phase index). */
  phaseStarts: Date[];
  endKind: RelationshipEndKind | null;
  endedAt: Date | null;
  endedBy: string | null;
  /** The health the sessions are planned to give an active relationship. */
  target: Health;
  contract: ContractKind;
  via: Initiator;
  /** A printed login's relationship: every kind of content, for certain. */
  rich: boolean;
}

interface Spec {
  programme: ProgrammeKey;
  /** The phase it is in now, or for an ended one the phase it had reached before ending. */
  phase: RelationshipPhase;
  end?: RelationshipEndKind;
  health?: 'amber' | 'red';
  contract?: ContractKind;
  type?: MentoringType;
  mentee?: Person;
  mentor?: Person;
  via?: Initiator;
  rich?: boolean;
  /** This mentee's earlier relationship in the programme, ended before this one started. */
  after?: Spec;
}

/** How long each phase usually lasts, in days. */
const PHASE_DAYS: [number, number][] = [[21, 42], [28, 56], [84, 160], [42, 70], [14, 42]];

function specsFor(cast: Cast): Spec[] {
  const { mentor, mentee, mentor_and_mentee: both } = cast.printed;
  const s = (programme: ProgrammeKey, phase: RelationshipPhase, extra: Omit<Spec, 'programme' | 'phase'> = {}): Spec => ({ programme, phase, ...extra });
  const londonEarlyEnd = s('london', 'making_progress', { end: 'ended_early' });
  return [
    // The printed mentor was approved only weeks ago (demo-register.ts), so theirs are young: three
    // mentees in three phases (one pair moving fast), and one that ended early after a few weeks.
    s('london', 'making_progress', { mentor, contract: 'agreed', rich: true }),
    s('london', 'building_rapport', { mentor, contract: 'signed_by_one' }),
    s('london', 'setting_direction', { mentor, contract: 'agreed' }),
    s('london', 'building_rapport', { mentor, end: 'ended_early' }),
    // The printed mentee, and the person who is mentored in London and mentors in reverse mentoring.
    s('peer', 'making_progress', { mentee, contract: 'agreed', rich: true, via: 'mentee' }),
    s('london', 'setting_direction', { mentee: both, contract: 'agreed', rich: true, via: 'mentee' }),
    s('reverse', 'making_progress', { mentor: both, contract: 'agreed', rich: true }),
    // London, which the printed programme admin oversees: amber and red among them.
    s('london', 'building_rapport', { contract: 'none' }), s('london', 'building_rapport', { contract: 'draft', via: 'mentor' }),
    s('london', 'setting_direction', { via: 'admin' }), s('london', 'making_progress', { health: 'amber' }),
    s('london', 'making_progress', { health: 'red', contract: 'v2_signed_by_one' }), s('london', 'winding_down', { health: 'red' }),
    s('london', 'moving_on'), s('london', 'moving_on', { end: 'completed' }), londonEarlyEnd,
    s('london', 'building_rapport', { after: londonEarlyEnd, via: 'admin', contract: 'none' }),
    s('london', 'setting_direction', { end: 'ended_early' }), s('london', 'making_progress', { end: 'ended_by_admin' }),
    // Peer support.
    s('peer', 'building_rapport', { contract: 'none' }), s('peer', 'building_rapport', { contract: 'signed_by_one' }),
    s('peer', 'setting_direction'), s('peer', 'setting_direction', { via: 'mentor' }), s('peer', 'setting_direction'),
    s('peer', 'making_progress', { health: 'amber' }), s('peer', 'making_progress', { health: 'red' }),
    s('peer', 'making_progress', { contract: 'v2_signed_by_one' }), s('peer', 'winding_down'), s('peer', 'winding_down', { contract: 'v2_agreed' }),
    s('peer', 'moving_on'), s('peer', 'moving_on', { via: 'admin' }),
    s('peer', 'moving_on', { end: 'completed' }), s('peer', 'winding_down', { end: 'completed' }), s('peer', 'winding_down', { end: 'completed', via: 'mentor' }),
    s('peer', 'setting_direction', { end: 'ended_early' }), s('peer', 'making_progress', { end: 'ended_early' }), s('peer', 'making_progress', { end: 'ended_by_admin' }),
    // Reverse mentoring and allied health.
    s('reverse', 'building_rapport', { contract: 'draft' }), s('reverse', 'setting_direction'), s('reverse', 'winding_down', { health: 'amber' }),
    s('reverse', 'winding_down', { end: 'completed' }), s('reverse', 'setting_direction', { end: 'ended_early' }),
    s('ahp', 'making_progress', { type: 'traditional' }), s('ahp', 'setting_direction', { type: 'peer' }), s('ahp', 'winding_down', { end: 'completed', type: 'traditional' }),
  ];
}

function defaultContract(phase: RelationshipPhase): ContractKind {
  if (phase === 'building_rapport') return pick(['none', 'draft', 'signed_by_one', 'agreed'] as const);
  return pick(['agreed', 'agreed', 'agreed', 'agreed', 'agreed', 'agreed', 'v2_signed_by_one', 'v2_agreed'] as const);
}

/** Days in each phase reached, the last one partly (or wholly, for an ended relationship). */
function durationsFor(spec: Spec): number[] {
  const reached = relationshipPhases.indexOf(spec.phase);
  return PHASE_DAYS.slice(0, reached + 1).map(([min, max], index) => {
    const full = between(min, max);
    if (index < reached) return full;
    if (spec.end) return full * between(0.3, 1);
    if (reached === 0) return between(4, 32);
    return full * (spec.rich ? between(0.6, 0.85) : between(0.15, 0.85));
  });
}

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

export function healthFor(lastSessionOrStart: Date, now: Date): Health {
  const days = Math.floor((now.getTime() - lastSessionOrStart.getTime()) / DAY);
  return days >= RED_AFTER_DAYS ? 'red' : days >= AMBER_AFTER_DAYS ? 'amber' : 'green';
}

/** The relationship row, its phase history, and how it ended; its content comes from planContent. */
function writeRelationship(ctx: Ctx, r: PlannedRelationship): void {
  const { rows, now } = ctx;
  const ended = r.endedAt !== null;
  const content = planContent(ctx, r);
  const healthAt = r.endedAt ?? now;
  const health = healthFor(content.lastHeld ?? r.startedAt, healthAt);
  // The sweep nudged the pair once when each level was reached (relationships/health.ts).
  const nudgedAt = health === 'green' ? null : plusDays(content.lastHeld ?? r.startedAt, health === 'red' ? RED_AFTER_DAYS : AMBER_AFTER_DAYS);
  rows.relationships.push({
    id: r.id, programme_id: ctx.programmeId(r.programme), mentee_id: r.mentee.id, mentor_id: r.mentor.id, invitation_id: r.invitationId,
    mentoring_type: r.type, status: ended ? 'ended' : 'active', phase: ended ? 'moving_on' : (relationshipPhases[r.phaseStarts.length - 1] ?? 'building_rapport'),
    end_kind: r.endKind, started_at: r.startedAt, ended_at: r.endedAt, last_session_at: content.lastHeld, health,
    health_nudged: ended || health === 'green' ? null : health, health_nudged_at: ended ? null : nudgedAt, goals_reminded_at: content.goalsRemindedAt,
  });
  const party = () => pick([r.mentee.id, r.mentor.id]);
  // Confirming the chemistry meeting starts it in building rapport, with the mentor as actor (invitations/choose-service.ts).
  rows.phaseEvents.push({ relationship_id: r.id, from_phase: null, to_phase: 'building_rapport', actor_user_id: r.mentor.id, occurred_at: r.startedAt });
  r.phaseStarts.forEach((at, index) => {
    const to = relationshipPhases[index];
    const from = relationshipPhases[index - 1];
    if (!to || !from) return;
    rows.phaseEvents.push({ relationship_id: r.id, from_phase: from, to_phase: to, actor_user_id: party(), note: pick(PHASE_NOTES[to] ?? ['']) || null, occurred_at: at });
  });
  if (!r.endKind || !r.endedAt) return;
  const reached = relationshipPhases[r.phaseStarts.length - 1];
  if (reached !== 'moving_on') rows.phaseEvents.push({ relationship_id: r.id, from_phase: reached ?? null, to_phase: 'moving_on', actor_user_id: r.endedBy, occurred_at: r.endedAt });
    const reasons = r.endKind === 'ended_by_admin' ? ENDING_REASONS.ended_by_admin : ENDING_REASONS[r.endKind][r.endedBy === r.mentee.id ? 'mentee' : 'mentor'];
  rows.endings.push({ relationship_id: r.id, ended_by: r.endedBy, kind: r.endKind, reason: pick(reasons), created_at: r.endedAt });
}

/** A few concerns in each status, mostly in London (the printed admin's programme), each with the admins' actions so far. */
function planConcerns(ctx: Ctx, relationships: PlannedRelationship[]): void {
  const { rows, now, pool } = ctx;
  const printed = (r: PlannedRelationship) => pool.printed.has(r.mentee.id) || pool.printed.has(r.mentor.id);
  const find = (programme: ProgrammeKey, test: (r: PlannedRelationship) => boolean) => relationships.find((r) => r.programme === programme && !printed(r) && test(r));
  const isActive = (health: Health) => (r: PlannedRelationship) => r.endedAt === null && r.target === health;
  const plans: { r: PlannedRelationship | undefined; by: 'mentee' | 'mentor'; body: string; status: ConcernStatus; actions: string[] }[] = [
    { r: find('london', isActive('red')), by: 'mentee', body: CONCERNS.cancelling, status: 'open', actions: [] },
    { r: find('london', isActive('amber')), by: 'mentor', body: CONCERNS.silence, status: 'in_progress', actions: [CONCERN_ACTIONS[0] ?? ''] },
    { r: find('london', (x) => x.endKind === 'ended_by_admin'), by: 'mentee', body: CONCERNS.boundaries, status: 'closed', actions: [CONCERN_ACTIONS[4] ?? ''] },
    { r: find('peer', (x) => x.endedAt === null && x.target === 'green' && x.phaseStarts.length === 3), by: 'mentor', body: CONCERNS.wellbeing, status: 'open', actions: [] },
    { r: find('peer', (x) => x.endKind === 'ended_early'), by: 'mentee', body: CONCERNS.cancelling, status: 'closed', actions: CONCERN_ACTIONS.slice(0, 3) },
    { r: find('reverse', isActive('amber')), by: 'mentee', body: CONCERNS.silence, status: 'in_progress', actions: [CONCERN_ACTIONS[3] ?? ''] },
  ];
  for (const plan of plans) {
    const { r } = plan;
    if (!r) continue;
    const id = uuid();
    // Raised before the end when there was one; the admins acted over the days that followed.
    const raisedAt = r.endedAt ? plusDays(r.endedAt, -between(8, 20)) : plusDays(now, -between(plan.actions.length * 4 + 1, plan.actions.length * 6 + 3));
    const actionTimes = plan.actions.map((_, index) => plusDays(raisedAt, (index + 1) * between(1, 3)));
    plan.actions.forEach((note, index) => rows.concernActions.push({ concern_id: id, admin_id: pick(pool.admins[r.programme]), note, created_at: actionTimes[index] ?? raisedAt }));
    // The admins closed that relationship because of this concern: the ending says so.
    const ending = rows.endings.find((e) => e.relationship_id === r.id);
    if (ending && r.endKind === 'ended_by_admin') ending.reason = ENDING_REASONS.afterConcern;
    rows.concerns.push({
      id, programme_id: ctx.programmeId(r.programme), relationship_id: r.id, raised_by: plan.by === 'mentee' ? r.mentee.id : r.mentor.id,
      body: plan.body, status: plan.status, created_at: raisedAt, updated_at: actionTimes.at(-1) ?? raisedAt,
    });
  }
}
