// The demo's applications, planned in memory before anything is written: who applied where, which
// status each application has reached, and the history that got it there, step by step as the
// product records it (mentors/decision-service.ts; mentees' in register/mentee-applications.ts).
// Most are approved; a fixed number wait in each queue, so every page of the register has
// something to show.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { MenteeApplicationStatus, MentorApplicationStatus } from '../../db/types.ts';
import type { Clock } from '../helpers.ts';
import type { ApplicationPlan, Cast, Person, PlannedEvent, PlannedMentorApplication, ProgrammeKey, Slot } from '../plan.ts';
import { planMentee } from './mentee-applications.ts';
import { MENTOR_MORE_INFO, MENTOR_REJECTIONS } from './text.ts';

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

export function planApplications(cast: Cast, clock: Clock, emailFor: (first: string, last: string, domain: string) => string): ApplicationPlan {
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
