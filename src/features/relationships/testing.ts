// Data builders for the relationship tests: a programme with an approved mentee and mentor in an
// active relationship (stored directly, as the chemistry journey that creates one has its own
// tests), plus the other people the "who sees what" tests need. Everyone has a signed-in client.
import type { TestApp } from '../../../test/support/app.ts';
import { addMembership, buildUser } from '../../../test/support/builders.ts';
import type { MentoringType } from '../../db/types.ts';
import { signedIn } from '../mentors/testing.ts';
import { buildChemistryProgramme, buildMentee, buildMentor, type Party } from '../invitations/testing.ts';

export { postAs, modeId, type Party } from '../invitations/testing.ts';

/** Distinctive confidential text, so tests can prove it never reaches another person, an email or a log. */
export const SECRET_PRIVATE_NOTE = 'PRIVATE-MARKER-7f3a: I felt out of my depth when the ward manager shouted at me';
export const SECRET_SHARED_NOTE = 'SHARED-MARKER-2c9d: we talked about the band 7 interview panel';
export const SECRET_REASON = 'REASON-MARKER-5e1b: the mentor kept cancelling at the last minute';
export const SECRET_CONCERN = 'CONCERN-MARKER-9a4c: my mentor asked me to keep a patient safety issue quiet';

export interface Pair {
  programmeId: string;
  relationshipId: string;
  mentee: Party;
  mentor: Party;
}

export async function buildRelationship(t: TestApp, options: { type?: MentoringType; programmeId?: string } = {}): Promise<Pair> {
  const type = options.type ?? 'traditional';
  const programmeId = options.programmeId ?? (await buildChemistryProgramme(t, { types: ['traditional', 'reverse', 'peer'] })).id;
  const mentee = await buildMentee(t, programmeId);
  const mentor = await buildMentor(t, programmeId, { types: [type] });
  const row = await t.db.insertInto('relationships')
    .values({ programme_id: programmeId, mentee_id: mentee.user.id, mentor_id: mentor.user.id, mentoring_type: type })
    .returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('relationship_phase_events').values({ relationship_id: row.id, from_phase: null, to_phase: 'building_rapport', actor_user_id: mentor.user.id }).execute();
  return { programmeId, relationshipId: row.id, mentee, mentor };
}

/** Everyone else the confidentiality tests try: another mentor, the programme's admin, another programme's admin, a line manager, a platform admin. */
export async function buildOutsiders(t: TestApp, programmeId: string) {
  const otherMentor = await buildMentor(t, programmeId);
  const adminUser = await buildUser(t.db);
  await addMembership(t.db, adminUser.id, programmeId, 'programme_admin');
  const otherProgramme = await buildChemistryProgramme(t);
  const otherAdminUser = await buildUser(t.db);
  await addMembership(t.db, otherAdminUser.id, otherProgramme.id, 'programme_admin');
  const lineManagerUser = await buildUser(t.db);
  const platformAdminUser = await buildUser(t.db);
  await t.db.updateTable('users').set({ is_platform_admin: true }).where('id', '=', platformAdminUser.id).execute();
  return {
    otherMentor,
    programmeAdmin: { user: adminUser, client: await signedIn(t, adminUser) },
    otherProgrammeAdmin: { user: otherAdminUser, client: await signedIn(t, otherAdminUser) },
    lineManager: { user: lineManagerUser, client: await signedIn(t, lineManagerUser) },
    platformAdmin: { user: platformAdminUser, client: await signedIn(t, platformAdminUser) },
  };
}

/** Ends a relationship directly, for tests of what an ended relationship still allows. */
export async function endDirectly(t: TestApp, relationshipId: string): Promise<void> {
  await t.db.updateTable('relationships').set({ status: 'ended', end_kind: 'completed', ended_at: new Date(), phase: 'moving_on' }).where('id', '=', relationshipId).execute();
}
