// Writes the demo's people and register: the accounts (all with the one demo password), the
// programmes, memberships (only where an application was approved, or for admins), and profiles
// with their terms and training. Batched, in foreign-key order, inside the seed's transaction.
import type { Insertable, Transaction } from 'kysely';
import type { Database, ProgrammeMembershipsTable, ProgrammeRole } from '../../db/types.ts';
import { chunks, fullName, required, slugify } from '../helpers.ts';
import { LINE_MANAGER_EXPIRY_DAYS, LINE_MANAGER_REMINDER_DAYS, PROGRAMME_KEYS, PROGRAMMES } from '../people/programmes.ts';
import type { ApplicationPlan, Cast, Person, PlannedMenteeApplication, PlannedMentorApplication, ProgrammeKey } from '../plan.ts';
import type { ProfileRows } from './profiles.ts';

interface UserContext { joined: Map<Person, Date>; opened: Date; passwordHash: string; platformAdmin: Person }

/** Everyone's account, created the day they joined; returns each person's user id. */
export async function writeUsers(trx: Transaction<Database>, everyone: Person[], context: UserContext): Promise<(person: Person) => string> {
  const { joined, opened, passwordHash, platformAdmin } = context;
  const ids = new Map<string, string>();
  for (const batch of chunks(everyone)) {
    const rows = await trx
      .insertInto('users')
      .values(batch.map((person) => {
        const createdAt = joined.get(person) ?? opened;
        return {
          email: person.email, full_name: fullName(person), password_hash: passwordHash, is_platform_admin: person === platformAdmin,
          email_verified_at: createdAt, password_changed_at: createdAt, created_at: createdAt, updated_at: createdAt,
        };
      }))
      .returning(['id', 'email'])
      .execute();
    for (const row of rows) ids.set(row.email, row.id);
  }
  return (person: Person) => required(ids, person.email);
}

/** The demo's programmes, created by the platform admin when they opened; returns each one's id. */
export async function writeProgrammes(trx: Transaction<Database>, adminId: string, opened: Date): Promise<(key: ProgrammeKey) => string> {
  const programmeRows = await trx
    .insertInto('programmes')
    .values(PROGRAMME_KEYS.map((key) => PROGRAMMES[key]).map((p) => ({
      name: p.name, slug: slugify(p.name), description: p.description, eligibility: p.eligibility, mentoring_types: p.types,
      is_open: p.isOpen, requires_line_manager: p.lineManager, requires_admin_approval: p.approval, created_by: adminId,
      line_manager_reminder_days: LINE_MANAGER_REMINDER_DAYS, line_manager_expiry_days: LINE_MANAGER_EXPIRY_DAYS,
      created_at: opened, updated_at: opened,
    })))
    .returning(['id', 'name'])
    .execute();
  const programmeIds = new Map(programmeRows.map((row) => [row.name, row.id]));
  return (key: ProgrammeKey) => required(programmeIds, PROGRAMMES[key].name);
}

interface MembershipContext { idOf: (person: Person) => string; programmeId: (key: ProgrammeKey) => string; opened: Date }

/** Admins from the day the programmes opened; mentors and mentees from their application's approval. */
export async function writeMemberships(trx: Transaction<Database>, cast: Cast, plan: ApplicationPlan, context: MembershipContext): Promise<void> {
  const { idOf, programmeId, opened } = context;
  // Only approval puts a mentor or mentee on a programme (mentors/decision-service.ts, mentees/transitions.ts).
  const membership = (person: Person, key: ProgrammeKey, role: ProgrammeRole, at: Date, by: Person | null): Insertable<ProgrammeMembershipsTable> =>
    ({ user_id: idOf(person), programme_id: programmeId(key), role, created_at: at, created_by: by ? idOf(by) : null });
  const onApproval = (role: ProgrammeRole) => (application: PlannedMentorApplication | PlannedMenteeApplication) => {
    const approval = application.events.at(-1);
    return membership(application.person, application.programme, role, approval?.at ?? opened, approval?.actor ?? null);
  };
  const memberships = [
    ...cast.admins.map(({ person, programme }) => membership(person, programme, 'programme_admin', opened, cast.platformAdmin)),
    ...plan.mentorApplications.filter((application) => application.status === 'approved').map(onApproval('mentor')),
    ...plan.menteeApplications.filter((application) => application.status === 'approved').map(onApproval('mentee')),
  ];
  for (const batch of chunks(memberships)) await trx.insertInto('programme_memberships').values(batch).execute();
}

/** Profiles, the terms they chose and mentors' training records. */
export async function writeProfiles(trx: Transaction<Database>, profiles: ProfileRows): Promise<void> {
  for (const batch of chunks(profiles.mentorProfiles)) await trx.insertInto('mentor_profiles').values(batch).execute();
  for (const batch of chunks(profiles.menteeProfiles)) await trx.insertInto('mentee_profiles').values(batch).execute();
  for (const batch of chunks(profiles.profileTerms)) await trx.insertInto('profile_terms').values(batch).execute();
  for (const batch of chunks(profiles.training)) await trx.insertInto('training_records').values(batch).execute();
}
