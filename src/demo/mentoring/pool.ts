// The people the demo's mentoring planners draw from: each programme's approved mentors and
// mentees (and since when), its admins, the printed logins (placed only on purpose), and mentors'
// capacity and pauses, with the active relationships counted as they are planned.
import type { MentoringInput, Pool } from '../mentoring-plan.ts';
import { PROGRAMME_KEYS } from '../people/programmes.ts';
import type { PlannedMenteeApplication, PlannedMentorApplication, ProgrammeKey } from '../plan.ts';

export function buildPool(input: MentoringInput): Pool {
  const approvedAt = (application: PlannedMentorApplication | PlannedMenteeApplication) => application.events.at(-1)?.at ?? application.createdAt;
  const members = (applications: (PlannedMentorApplication | PlannedMenteeApplication)[], key: ProgrammeKey) => applications
    .filter((application) => application.programme === key && application.status === 'approved')
    .map((application) => ({ person: application.person, id: input.idOf(application.person), approvedAt: approvedAt(application) }));
  const byProgramme = <T>(make: (key: ProgrammeKey) => T) => Object.fromEntries(PROGRAMME_KEYS.map((key) => [key, make(key)])) as Record<ProgrammeKey, T>;
  return {
    mentors: byProgramme((key) => members(input.plan.mentorApplications, key)),
    mentees: byProgramme((key) => members(input.plan.menteeApplications, key)),
    admins: byProgramme((key) => input.cast.admins.filter((admin) => admin.programme === key).map((admin) => input.idOf(admin.person))),
    printed: new Set(Object.values(input.cast.printed).map(input.idOf)),
    capacity: new Map(input.mentorProfiles.map((profile) => [profile.user_id, profile.capacity ?? 1])),
    paused: new Set(input.mentorProfiles.filter((profile) => profile.is_paused === true).map((profile) => profile.user_id)),
    active: new Map(),
  };
}
