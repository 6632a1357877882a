// One mentee application of the demo, planned through the steps its programme asks for (a line
// manager's support, an admin's approval) to the status it was given, with its history and, where
// a line manager was asked, the request in the state their answer (or silence) left it, as
// mentees/transitions.ts and the line-manager sweep record them.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { LineManagerRequestStatus, MenteeApplicationStatus } from '../../db/types.ts';
import { DAY, fullName, type Clock } from '../helpers.ts';
import { LINE_MANAGER_EXPIRY_DAYS, LINE_MANAGER_REMINDER_DAYS, PROGRAMMES } from '../people/programmes.ts';
import type { Decision, Person, PlannedEvent, PlannedMenteeApplication, PlannedRequest, ProgrammeKey, Slot } from '../plan.ts';
import { LINE_MANAGER_DECLINES, MENTEE_MORE_INFO, MENTEE_REJECTIONS } from './text.ts';

/** The sweep that expires requests runs every 10 minutes (jobs/worker.ts). */
const SWEEP_DELAY = 10 * 60_000;

// How long ago each kind of application was started, in days: waiting ones are recent.
const MENTEE_AGES: Record<Exclude<MenteeApplicationStatus, 'draft'>, [number, number]> = {
  approved: [30, 330], awaiting_admin: [4, 21], awaiting_line_manager: [1, 12], line_manager_declined: [10, 60],
  line_manager_expired: [LINE_MANAGER_EXPIRY_DAYS + 2, 40], more_info_requested: [8, 30], rejected: [15, 90],
};

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

export function planMentee(slot: Slot, status: Exclude<MenteeApplicationStatus, 'draft'>, context: MenteeContext): PlannedMenteeApplication {
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
