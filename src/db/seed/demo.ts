// The fictional dataset behind `npm run demo`: programmes of each type, their admins, a few hundred
// mentors and mentees with full profiles, and their applications in every state, so every page of
// the register has something to show. Seeded faker makes every demo identical, which keeps
// screenshots and bug reports comparable. Nothing here is a real person or organisation.
import { createHmac } from 'node:crypto';
import { fakerEN_GB as faker } from '@faker-js/faker';
import { sql, type Insertable, type Transaction } from 'kysely';
import type { Db } from '../connection.ts';
import type { Database, ProgrammeMembershipsTable, ProgrammeRole } from '../types.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { hashToken, newToken } from '../../auth/sessions.ts';
import { recordAudit } from '../audit.ts';
import type { KeyRing } from '../../platform/crypto.ts';
import { createCast, createEmailBook, fullName, LOGIN_EMAILS, PROGRAMME_KEYS, PROGRAMMES, slugify, type DemoRole, type Person, type ProgrammeKey } from './demo-people.ts';
import { buildProfiles, loadTerms } from './demo-profiles.ts';
import { seedMentoring } from './demo-mentoring.ts';
import { createClock, LINE_MANAGER_EXPIRY_DAYS, LINE_MANAGER_REMINDER_DAYS, planApplications, type PlannedEvent, type PlannedMenteeApplication, type PlannedMentorApplication } from './demo-register.ts';

export type { DemoRole } from './demo-people.ts';

/** One password for every demo account, so a tester can switch roles without a list of secrets. */
export const DEMO_PASSWORD = 'demo password for everyone';

export interface DemoLogin { role: DemoRole; name: string; email: string; memberships: { role: ProgrammeRole; programme: string }[] }
/** The printed mentee's waiting line-manager request: anyone with the demo can play that line manager. */
export interface DemoLineManagerLink { path: string; menteeName: string; managerName: string; programme: string }
export interface DemoLogins { password: string; accounts: DemoLogin[]; lineManagerLink: DemoLineManagerLink | null }

const DAY = 86_400_000;
/** The programmes opened a little over a year ago; everything else happened since. */
const PROGRAMMES_OPENED_DAYS_AGO = 400;

/**
 * The printed line-manager link's token. Derived from this installation's stored demo password
 * hash rather than kept anywhere, so a second run can print the same link from the database alone,
 * while differing between installations (the argon2 hash has a random salt). Only its SHA-256 is
 * stored, as for every other request.
 */
function printedLineManagerToken(passwordHash: string): string {
  return createHmac('sha256', passwordHash).update('mentoring-hub demo line-manager link').digest('base64url');
}

/** `keys`: the installation's encryption keys, which seal the demo's private notes and reflections. */
export async function seedDemo(db: Db, options: { keys: KeyRing }): Promise<DemoLogins> {
  const existing = await db.selectFrom('users').select('email').where('email', '=', LOGIN_EMAILS.platform_admin).executeTakeFirst();
  if (existing) return readLogins(db);
  // Demo accounts share a published password: never mix them into an installation with real people.
  const anyone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) throw new Error('The demo data can only go into an empty database, and this one already has accounts');

  faker.seed(2026);
  // argon2 is deliberately slow: hash once and share it, or seeding would take minutes.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  const emailFor = createEmailBook();
  const cast = createCast(emailFor);
  const plan = planApplications(cast, createClock(now), emailFor);
  const [terms, settings] = await Promise.all([loadTerms(db), db.selectFrom('platform_settings').select('ethics_code_name').executeTakeFirstOrThrow()]);
  const opened = new Date(now.getTime() - PROGRAMMES_OPENED_DAYS_AGO * DAY);

  // Each person joined a little before their first application (admins before the programmes opened).
  const firstActivity = new Map<Person, number>();
  for (const application of [...plan.mentorApplications, ...plan.menteeApplications]) {
    firstActivity.set(application.person, Math.min(firstActivity.get(application.person) ?? Infinity, application.createdAt.getTime()));
  }
  const everyone = [cast.platformAdmin, ...cast.admins.map((admin) => admin.person), ...cast.mentors, ...cast.mentees];
  const joined = new Map(everyone.map((person) => [person, new Date((firstActivity.get(person) ?? opened.getTime()) - faker.number.float({ min: 1, max: 20 }) * DAY)]));

  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const batch of chunks(everyone)) {
      const rows = await trx
        .insertInto('users')
        .values(batch.map((person) => {
          const createdAt = joined.get(person) ?? opened;
          return {
            email: person.email, full_name: fullName(person), password_hash: passwordHash, is_platform_admin: person === cast.platformAdmin,
            email_verified_at: createdAt, password_changed_at: createdAt, created_at: createdAt, updated_at: createdAt,
          };
        }))
        .returning(['id', 'email'])
        .execute();
      for (const row of rows) ids.set(row.email, row.id);
    }
    const idOf = (person: Person) => required(ids, person.email);
    const adminId = idOf(cast.platformAdmin);

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
    const programmeId = (key: ProgrammeKey) => required(programmeIds, PROGRAMMES[key].name);

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

    const profiles = buildProfiles(cast.mentors, [...cast.mentors, ...cast.mentees], plan.mentorApplications, {
      terms, idOf, ethicsCodeName: settings.ethics_code_name, now, printed: new Set(Object.values(cast.printed)),
    });
    for (const batch of chunks(profiles.mentorProfiles)) await trx.insertInto('mentor_profiles').values(batch).execute();
    for (const batch of chunks(profiles.menteeProfiles)) await trx.insertInto('mentee_profiles').values(batch).execute();
    for (const batch of chunks(profiles.profileTerms)) await trx.insertInto('profile_terms').values(batch).execute();
    for (const batch of chunks(profiles.training)) await trx.insertInto('training_records').values(batch).execute();

    await writeApplications(trx, plan, { idOf, programmeId, printedTokenHash: hashToken(printedLineManagerToken(passwordHash)) });
    // Chemistry meetings and relationships, planned after everything above so its faker draws are unchanged.
    await seedMentoring(trx, { cast, plan, mentorProfiles: profiles.mentorProfiles, idOf, programmeId, terms, now, keys: options.keys });

    // The platform admin exists, so the first-run setup code must no longer work.
    await trx.updateTable('installation').set({ set_up_at: sql`now()`, setup_code_hash: null }).execute();
    await recordAudit(trx, { actorId: adminId, action: 'installation.set_up', subjectType: 'user', subjectId: adminId, details: { demo: true } });
  });
  return readLogins(db);
}

interface WriteContext { idOf: (person: Person) => string; programmeId: (key: ProgrammeKey) => string; printedTokenHash: string }

/** Both kinds of application, then their histories (in order, so ids follow time) and line-manager requests. */
async function writeApplications(trx: Transaction<Database>, plan: ReturnType<typeof planApplications>, context: WriteContext): Promise<void> {
  const { idOf, programmeId } = context;
  const keyOf = (userId: string, programme: string) => `${userId} ${programme}`;
  const common = (application: PlannedMentorApplication | PlannedMenteeApplication) => ({
    programme_id: programmeId(application.programme), user_id: idOf(application.person), admin_message: application.adminMessage, submitted_at: application.submittedAt, decided_at: application.decidedAt,
    decided_by: application.decidedBy ? idOf(application.decidedBy) : null,
    created_at: application.createdAt, updated_at: application.events.at(-1)?.at ?? application.createdAt,
  });

  const mentorIds = new Map<string, string>();
  for (const batch of chunks(plan.mentorApplications)) {
    const rows = await trx.insertInto('mentor_applications').values(batch.map((application) => ({ ...common(application), status: application.status }))).returning(['id', 'user_id', 'programme_id']).execute();
    for (const row of rows) mentorIds.set(keyOf(row.user_id, row.programme_id), row.id);
  }
  const menteeIds = new Map<string, string>();
  for (const batch of chunks(plan.menteeApplications)) {
    const rows = await trx
      .insertInto('mentee_applications')
      .values(batch.map((application) => ({
        ...common(application), status: application.status, line_manager_name: application.request?.managerName ?? null, line_manager_email: application.request?.managerEmail ?? null,
      })))
      .returning(['id', 'user_id', 'programme_id'])
      .execute();
    for (const row of rows) menteeIds.set(keyOf(row.user_id, row.programme_id), row.id);
  }
  const idIn = (map: Map<string, string>, application: PlannedMentorApplication | PlannedMenteeApplication) =>
    required(map, keyOf(idOf(application.person), programmeId(application.programme)));

  const eventRow = (kind: 'mentor' | 'mentee', applicationId: string) => (event: PlannedEvent) => ({
    application_kind: kind, application_id: applicationId, from_status: event.from, to_status: event.to,
    actor_user_id: event.actor ? idOf(event.actor) : null, reason: event.reason, occurred_at: event.at,
  });
  const events = [
    ...plan.mentorApplications.flatMap((application) => application.events.map(eventRow('mentor', idIn(mentorIds, application)))),
    ...plan.menteeApplications.flatMap((application) => application.events.map(eventRow('mentee', idIn(menteeIds, application)))),
  ].sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
  for (const batch of chunks(events)) await trx.insertInto('application_events').values(batch).execute();

  const requests = plan.menteeApplications.flatMap((application) => {
    const request = application.request;
    if (!request) return [];
    return [{
      application_id: idIn(menteeIds, application), manager_name: request.managerName, manager_email: request.managerEmail,
      // Nobody needs the other links: their tokens are thrown away and only the hashes kept.
      token_hash: request.isPrinted ? context.printedTokenHash : hashToken(newToken()),
      status: request.status, reason: request.reason, created_at: request.createdAt, reminded_at: request.remindedAt,
      expires_at: request.expiresAt, responded_at: request.respondedAt,
    }];
  });
  for (const batch of chunks(requests)) await trx.insertInto('line_manager_requests').values(batch).execute();
}

/** Read back from the database, so a second run reports exactly what the first one stored. */
async function readLogins(db: Db): Promise<DemoLogins> {
  const users = await db.selectFrom('users').select(['id', 'email', 'full_name', 'password_hash']).where('email', 'in', Object.values(LOGIN_EMAILS)).execute();
  const memberships = users.length === 0 ? [] : await db.selectFrom('programme_memberships as m')
    .innerJoin('programmes as p', 'p.id', 'm.programme_id')
    .select(['m.user_id', 'm.role', 'p.name'])
    .where('m.user_id', 'in', users.map((user) => user.id))
    .orderBy('m.role', 'desc')
    .orderBy('p.name')
    .execute();
  const accounts = (Object.keys(LOGIN_EMAILS) as DemoRole[]).flatMap((role): DemoLogin[] => {
    const user = users.find((candidate) => candidate.email === LOGIN_EMAILS[role]);
    if (!user) return [];
    const own = memberships.filter((row) => row.user_id === user.id).map((row) => ({ role: row.role, programme: row.name }));
    return [{ role, name: user.full_name, email: user.email, memberships: own }];
  });
  const mentee = users.find((user) => user.email === LOGIN_EMAILS.mentee);
  return { password: DEMO_PASSWORD, accounts, lineManagerLink: mentee?.password_hash ? await readLineManagerLink(db, mentee.password_hash) : null };
}

/** The printed link, only while it still works: once answered, expired or replaced by a reminder, none. */
async function readLineManagerLink(db: Db, passwordHash: string): Promise<DemoLineManagerLink | null> {
  const token = printedLineManagerToken(passwordHash);
  const row = await db
    .selectFrom('line_manager_requests as r')
    .innerJoin('mentee_applications as a', 'a.id', 'r.application_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('programmes as p', 'p.id', 'a.programme_id')
    .select(['r.manager_name', 'u.full_name', 'p.name'])
    .where('r.token_hash', '=', hashToken(token))
    .where('r.status', '=', 'pending')
    .where('r.expires_at', '>', sql<Date>`now()`)
    .where('a.status', '=', 'awaiting_line_manager')
    .executeTakeFirst();
  if (!row) return null;
  return { path: `/line-manager/respond?token=${token}`, menteeName: row.full_name, managerName: row.manager_name, programme: row.name };
}

function required<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: nothing stored for ${key}`);
  return value;
}

/** Batches small enough to stay far below PostgreSQL's 65,535 bind parameters per statement. */
function chunks<T>(rows: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}
