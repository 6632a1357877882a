// The demo's applications, planned in memory before anything is written: who applied where, which
// status each application has reached, and the history that got it there, step by step as the
// product records it (mentors/decision-service.ts, mentees/transitions.ts). Most are approved; a
// fixed number wait in each queue, so every page of the register has something to show.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { LineManagerRequestStatus, MenteeApplicationStatus, MentorApplicationStatus } from '../types.ts';
import { fullName, PROGRAMMES, type Cast, type Person, type ProgrammeKey } from './demo-people.ts';
import { LINE_MANAGER_DECLINES, MENTEE_MORE_INFO, MENTEE_REJECTIONS, MENTOR_MORE_INFO, MENTOR_REJECTIONS } from './demo-text.ts';

/** The demo programmes' line-manager windows, written to the programmes too, so the two agree. */
export const LINE_MANAGER_REMINDER_DAYS = 7;
export const LINE_MANAGER_EXPIRY_DAYS = 14;
const DAY = 86_400_000;
/** The sweep that expires requests runs every 10 minutes (jobs/worker.ts). */
const SWEEP_DELAY = 10 * 60_000;

export interface PlannedEvent { from: string | null; to: string; at: Date; actor: Person | null; reason: string | null }
interface Decision { decidedAt: Date | null; decidedBy: Person | null; adminMessage: string | null }

export interface PlannedMentorApplication extends Decision {
  person: Person; programme: ProgrammeKey; status: MentorApplicationStatus; createdAt: Date; submittedAt: Date; events: PlannedEvent[];
}
export interface PlannedRequest {
  managerName: string; managerEmail: string; status: LineManagerRequestStatus; reason: string | null;
  createdAt: Date; remindedAt: Date | null; expiresAt: Date; respondedAt: Date | null;
  /** The printed mentee's waiting request, whose link the demo prints. */
  isPrinted: boolean;
}
export interface PlannedMenteeApplication extends Decision {
  person: Person; programme: ProgrammeKey; status: MenteeApplicationStatus; createdAt: Date; submittedAt: Date; events: PlannedEvent[];
  request: PlannedRequest | null;
}

// How many applications of each programme are not (yet) approved; every other one is approved.
// The London quotas fill both of the printed programme admin's queues.
type Quotas<S extends string> = Record<S, Partial<Record<ProgrammeKey, number>>>;
const MENTOR_QUOTAS: Quotas<'submitted' | 'more_info_requested' | 'rejected'> = {
  submitted: { london: 4, reverse: 2, peer: 3, ahp: 1 },
  more_info_requested: { london: 1, reverse: 1, peer: 1 },
  rejected: { london: 1, peer: 1 },
};
type WaitingMentee = Exclude<MenteeApplicationStatus, 'draft' | 'approved'>;
const MENTEE_QUOTAS: Quotas<WaitingMentee> = {
  awaiting_admin: { london: 5, reverse: 3 },
  // Plus the printed mentee's London application: five in all.
  awaiting_line_manager: { london: 3, ahp: 1 },
  line_manager_declined: { london: 1, ahp: 1 },
  line_manager_expired: { london: 1 },
  more_info_requested: { london: 1, reverse: 1 },
  rejected: { london: 1, reverse: 1 },
};

// How long ago each kind of application was started, in days: waiting ones are recent.
const MENTOR_AGES: Record<Exclude<MentorApplicationStatus, 'draft'>, [number, number]> = {
  approved: [40, 380], submitted: [2, 25], more_info_requested: [8, 40], rejected: [20, 120],
};
const MENTEE_AGES: Record<Exclude<MenteeApplicationStatus, 'draft'>, [number, number]> = {
  approved: [30, 330], awaiting_admin: [4, 21], awaiting_line_manager: [1, 12], line_manager_declined: [10, 60],
  line_manager_expired: [LINE_MANAGER_EXPIRY_DAYS + 2, 40], more_info_requested: [8, 30], rejected: [15, 90],
};

interface Slot { person: Person; programme: ProgrammeKey }

/** Draws the non-approved applications from everyone but the printed people, whose states are fixed. */
function assignStatuses<S extends string>(slots: Slot[], quotas: Quotas<S>, printed: Set<Person>): Map<Slot, S> {
  const assigned = new Map<Slot, S>();
  const candidates = faker.helpers.shuffle(slots.filter((slot) => !printed.has(slot.person)));
  for (const [status, perProgramme] of Object.entries(quotas) as [S, Partial<Record<ProgrammeKey, number>>][]) {
    for (const [programme, count] of Object.entries(perProgramme) as [ProgrammeKey, number][]) {
      const chosen = candidates.filter((slot) => slot.programme === programme && !assigned.has(slot)).slice(0, count);
      if (chosen.length < count) throw new Error(`demo seed: too few ${programme} applicants for ${count} ${status}`);
      for (const slot of chosen) assigned.set(slot, status);
    }
  }
  return assigned;
}

export function createClock(now: Date) {
  return {
    now,
    ago: ([min, max]: [number, number]) => new Date(now.getTime() - faker.number.float({ min, max }) * DAY),
    /** Some days after `from`, but always before now, however little room is left. */
    after: (from: Date, min: number, max: number) => {
      const room = (now.getTime() - from.getTime()) / DAY;
      return new Date(from.getTime() + Math.min(faker.number.float({ min, max }), room * 0.8) * DAY);
    },
  };
}
type Clock = ReturnType<typeof createClock>;

export function planApplications(cast: Cast, clock: Clock, emailFor: (first: string, last: string, domain: string) => string) {
  const printed = new Set(Object.values(cast.printed));
  const adminsOf = (programme: ProgrammeKey) => cast.admins.filter((admin) => admin.programme === programme).map((admin) => admin.person);

  const mentorSlots = cast.mentors.flatMap((person) => person.mentorIn.map((programme) => ({ person, programme })));
  const mentorStatuses = assignStatuses<keyof typeof MENTOR_QUOTAS>(mentorSlots, MENTOR_QUOTAS, printed);
  const mentorApplications = mentorSlots.map((slot): PlannedMentorApplication => {
    const status: Exclude<MentorApplicationStatus, 'draft'> = mentorStatuses.get(slot) ?? 'approved';
    const { person } = slot;
    const createdAt = clock.ago(MENTOR_AGES[status]);
    const submittedAt = clock.after(createdAt, 0.05, 3);
    const events: PlannedEvent[] = [
      { from: null, to: 'draft', at: createdAt, actor: person, reason: null },
      { from: 'draft', to: 'submitted', at: submittedAt, actor: person, reason: null },
    ];
    const planned = { person, programme: slot.programme, status, createdAt, submittedAt, events };
    if (status === 'submitted') return { ...planned, decidedAt: null, decidedBy: null, adminMessage: null };
    // Every decision, "more information" included, is dated and signed (decision-service.ts).
    const admin = faker.helpers.arrayElement(adminsOf(slot.programme));
    const decidedAt = clock.after(submittedAt, 1, 14);
    const reason = status === 'rejected' ? faker.helpers.arrayElement(MENTOR_REJECTIONS)
      : status === 'more_info_requested' ? faker.helpers.arrayElement(MENTOR_MORE_INFO) : null;
    events.push({ from: 'submitted', to: status, at: decidedAt, actor: admin, reason });
    return { ...planned, decidedAt, decidedBy: admin, adminMessage: reason };
  });

  const menteeSlots = [...cast.mentors, ...cast.mentees].flatMap((person) => person.menteeIn.map((programme) => ({ person, programme })));
  const menteeStatuses = assignStatuses<WaitingMentee>(menteeSlots, MENTEE_QUOTAS, printed);
  const isPrintedRequest = (slot: Slot) => slot.person === cast.printed.mentee && slot.programme === 'london';
  const menteeApplications = menteeSlots.map((slot) => {
    const status: Exclude<MenteeApplicationStatus, 'draft'> = isPrintedRequest(slot) ? 'awaiting_line_manager' : (menteeStatuses.get(slot) ?? 'approved');
    return planMentee(slot, status, { clock, admins: adminsOf(slot.programme), isPrinted: isPrintedRequest(slot), emailFor });
  });
  return { mentorApplications, menteeApplications };
}

const NEEDS_LINE_MANAGER: MenteeApplicationStatus[] = ['awaiting_line_manager', 'line_manager_declined', 'line_manager_expired'];
const NEEDS_ADMIN: MenteeApplicationStatus[] = ['awaiting_admin', 'more_info_requested', 'rejected'];

/** The statuses an application passes through after draft to reach `status`, given the programme's steps. */
function stepsTo(programme: ProgrammeKey, status: Exclude<MenteeApplicationStatus, 'draft'>): MenteeApplicationStatus[] {
  const spec = PROGRAMMES[programme];
  if ((NEEDS_LINE_MANAGER.includes(status) && !spec.lineManager) || (NEEDS_ADMIN.includes(status) && !spec.approval)) {
    throw new Error(`demo seed: ${programme} applications cannot be ${status}`);
  }
  const steps: MenteeApplicationStatus[] = spec.lineManager ? ['awaiting_line_manager'] : [];
  if (NEEDS_LINE_MANAGER.includes(status)) return status === 'awaiting_line_manager' ? steps : [...steps, status];
  if (!spec.approval) return [...steps, 'approved'];
  return status === 'awaiting_admin' ? [...steps, 'awaiting_admin'] : [...steps, 'awaiting_admin', status];
}

interface MenteeContext { clock: Clock; admins: Person[]; isPrinted: boolean; emailFor: (first: string, last: string, domain: string) => string }

function planMentee(slot: Slot, status: Exclude<MenteeApplicationStatus, 'draft'>, context: MenteeContext): PlannedMenteeApplication {
  const { clock } = context;
  const { person, programme } = slot;
  const steps = stepsTo(programme, status);
  // The printed request is a day old: well before the sweep's 7-day reminder replaces its link.
  const createdAt = clock.ago(context.isPrinted ? [0.9, 1.1] : MENTEE_AGES[status]);
  // The product creates a mentee application in the same transaction that sends it.
  const submittedAt = createdAt;
  const expiresAt = new Date(submittedAt.getTime() + LINE_MANAGER_EXPIRY_DAYS * DAY);
  const events: PlannedEvent[] = [];
  const decision: Decision = { decidedAt: null, decidedBy: null, adminMessage: null };
  let from: MenteeApplicationStatus = 'draft';
  let at = submittedAt;
  for (const to of steps) {
    let actor: Person | null = null;
    let reason: string | null = null;
    if (from === 'draft') actor = person;
    else if (from === 'awaiting_line_manager') {
      // The line manager has no account, and the sweep is nobody: both steps have no actor.
      at = to === 'line_manager_expired' ? new Date(expiresAt.getTime() + SWEEP_DELAY) : clock.after(at, 0.5, 6);
      if (to === 'line_manager_declined') reason = faker.helpers.arrayElement(LINE_MANAGER_DECLINES);
    } else if (from === 'awaiting_admin') {
      at = clock.after(at, 1, 10);
      actor = faker.helpers.arrayElement(context.admins);
      if (to === 'rejected') reason = faker.helpers.arrayElement(MENTEE_REJECTIONS);
      // As in mentees/queue-service.ts: a request for more keeps its message on the application, a
      // decision is dated and signed and its reason stays in the history.
      if (to === 'more_info_requested') {
        reason = faker.helpers.arrayElement(MENTEE_MORE_INFO);
        decision.adminMessage = reason;
      } else {
        decision.decidedAt = at;
        decision.decidedBy = actor;
      }
    }
    events.push({ from, to, at, actor, reason });
    from = to;
  }
  const request = steps[0] === 'awaiting_line_manager' ? lineManagerRequest(events, person, { ...context, submittedAt, expiresAt }) : null;
  return { person, programme, status, createdAt, submittedAt, events, request, ...decision };
}

/** The one request of an application that needed a line manager, in the state its answer left it. */
function lineManagerRequest(events: PlannedEvent[], mentee: Person, context: MenteeContext & { submittedAt: Date; expiresAt: Date }): PlannedRequest {
  const { clock, submittedAt, expiresAt } = context;
  // Someone at the mentee's own organisation, so at the same fictional domain.
  const manager = { firstName: faker.person.firstName(), lastName: faker.person.lastName() };
  const answer = events.find((event) => event.from === 'awaiting_line_manager');
  const status: LineManagerRequestStatus = !answer ? 'pending'
    : answer.to === 'line_manager_declined' ? 'not_supported' : answer.to === 'line_manager_expired' ? 'expired' : 'supported';
  const respondedAt = status === 'supported' || status === 'not_supported' ? (answer?.at ?? null) : null;
  // The sweep reminds once, a week after asking, if there was still no answer by then.
  const reminderDue = new Date(submittedAt.getTime() + LINE_MANAGER_REMINDER_DAYS * DAY);
  const quietUntil = respondedAt ?? (status === 'expired' ? expiresAt : clock.now);
  return {
    managerName: fullName(manager), managerEmail: context.emailFor(manager.firstName, manager.lastName, mentee.group.domain), status, reason: status === 'not_supported' ? (answer?.reason ?? null) : null,
    createdAt: submittedAt, remindedAt: reminderDue <= quietUntil ? reminderDue : null, expiresAt, respondedAt, isPrinted: context.isPrinted,
  };
}
