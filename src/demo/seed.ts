// The fictional dataset behind `npm run demo`: programmes of each type, their admins, a few hundred
// mentors and mentees with full profiles, their applications in every state, and the chemistry
// meetings and relationships that followed, so every page has something to show. Seeded faker
// makes every demo identical, which keeps screenshots and bug reports comparable. Nothing here is
// a real person or organisation. This module is the demo's way in: it plans and writes each part
// in turn (people/, register/, then mentoring/ with chemistry/ and relationships/).
import { fakerEN_GB as faker } from '@faker-js/faker';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import { hashToken } from '../auth/sessions.ts';
import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import type { KeyRing } from '../platform/crypto.ts';
import { createClock, DAY } from './helpers.ts';
import { DEMO_PASSWORD, printedLineManagerToken, readLogins, type DemoLogins } from './logins.ts';
import { seedMentoring } from './mentoring/index.ts';
import { createCast, createEmailBook, LOGIN_EMAILS } from './people/cast.ts';
import type { Person } from './plan.ts';
import { planApplications } from './register/applications.ts';
import { buildProfiles } from './register/profiles.ts';
import { loadTerms } from './register/terms.ts';
import { writeApplications } from './register/write-applications.ts';
import { writeMemberships, writeProfiles, writeProgrammes, writeUsers } from './register/write.ts';

export { DEMO_PASSWORD, type DemoLineManagerLink, type DemoLogin, type DemoLogins } from './logins.ts';
export type { DemoRole } from './plan.ts';

/** The programmes opened a little over a year ago; everything else happened since. */
const PROGRAMMES_OPENED_DAYS_AGO = 400;

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
    const idOf = await writeUsers(trx, everyone, { joined, opened, passwordHash, platformAdmin: cast.platformAdmin });
    const adminId = idOf(cast.platformAdmin);
    const programmeId = await writeProgrammes(trx, adminId, opened);
    await writeMemberships(trx, cast, plan, { idOf, programmeId, opened });
    const profiles = buildProfiles(cast.mentors, [...cast.mentors, ...cast.mentees], plan.mentorApplications, {
      terms, idOf, ethicsCodeName: settings.ethics_code_name, now, printed: new Set(Object.values(cast.printed)),
    });
    await writeProfiles(trx, profiles);
    await writeApplications(trx, plan, { idOf, programmeId, printedTokenHash: hashToken(printedLineManagerToken(passwordHash)) });
    // Chemistry meetings and relationships, planned after everything above so its faker draws are unchanged.
    await seedMentoring(trx, { cast, plan, mentorProfiles: profiles.mentorProfiles, idOf, programmeId, terms, now, keys: options.keys });

    // The platform admin exists, so the first-run setup code must no longer work.
    await trx.updateTable('installation').set({ set_up_at: sql`now()`, setup_code_hash: null }).execute();
    await recordAudit(trx, { actorId: adminId, action: 'installation.set_up', subjectType: 'user', subjectId: adminId, details: { demo: true } });
  });
  return readLogins(db);
}
