// Data builders: realistic, fictional people and programmes (faker, en_GB), stored for real.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Db } from '../../src/db/connection.ts';
import type { MentoringType, ProgrammeRole } from '../../src/db/types.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { createSession } from '../../src/auth/sessions.ts';

export const DEFAULT_PASSWORD = 'correct horse battery staple';
let defaultHash: Promise<string> | undefined;

export interface BuiltUser {
  id: string;
  email: string;
  fullName: string;
  password: string;
}

export async function buildUser(
  db: Db,
  options: { email?: string; fullName?: string; isPlatformAdmin?: boolean; verified?: boolean; password?: string } = {},
): Promise<BuiltUser> {
  // Plain names by default (faker offers "O'Kon" and "Mr. …"), so tests can look for a name in a page
  // as written; escaping is tested where it matters, with names chosen for it.
  const fullName = options.fullName ?? `${faker.person.firstName()} ${faker.person.lastName()}`.replace(/[^A-Za-z -]/g, '');
  const email = (options.email ?? `${faker.internet.username({ firstName: fullName }).toLowerCase()}.${faker.string.alphanumeric(6).toLowerCase()}@example.nhs.uk`).toLowerCase();
  const password = options.password ?? DEFAULT_PASSWORD;
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  const passwordHash = password === DEFAULT_PASSWORD ? await defaultHash : await hashPassword(password);
  const row = await db
    .insertInto('users')
    .values({
      email,
      full_name: fullName,
      password_hash: passwordHash,
      is_platform_admin: options.isPlatformAdmin ?? false,
      email_verified_at: options.verified === false ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, fullName, password };
}

export async function buildProgramme(db: Db, options: { name?: string; mentoringTypes?: MentoringType[]; isOpen?: boolean } = {}) {
  const name = options.name ?? `${faker.location.county()} ${faker.helpers.arrayElement(['leadership', 'peer support', 'reverse'])} mentoring`;
  return db
    .insertInto('programmes')
    .values({
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${faker.string.alphanumeric(5).toLowerCase()}`,
      mentoring_types: options.mentoringTypes ?? ['traditional'],
      is_open: options.isOpen ?? true,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function addMembership(db: Db, userId: string, programmeId: string, role: ProgrammeRole): Promise<void> {
  await db.insertInto('programme_memberships').values({ user_id: userId, programme_id: programmeId, role }).execute();
}

/** A signed-in session for the user, as the cookie header a browser would send. */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
  return `mh_session=${await createSession(db, userId)}`;
}
