// The shared world of the mentor-queue tests (mentor-queue.test.ts, mentor-decision.test.ts): a
// programme with two admins, another programme with its own admin, and readers and actions bound
// to them. Importing it registers the before/after hooks of the importing test file; the exported
// bindings are live, so they hold their values once `before` has run.
import { after, before } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import type { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, type BuiltUser } from '../../../test/support/builders.ts';
import { buildApplicant as buildApplicantIn, decide as decideAs, signedIn as signedInAs } from './testing.ts';

export let t: TestApp;
export let programme: { id: string; name: string };
export let otherProgramme: { id: string; name: string };
export let admin: BuiltUser;
export let secondAdmin: BuiltUser;
export let adminOfOther: BuiltUser;

before(async () => {
  t = await buildTestApp();
  programme = await buildProgramme(t.db, { name: 'Humber leadership mentoring' });
  otherProgramme = await buildProgramme(t.db, { name: 'Kent reverse mentoring' });
  admin = await buildUser(t.db);
  secondAdmin = await buildUser(t.db);
  adminOfOther = await buildUser(t.db);
  await addMembership(t.db, admin.id, programme.id, 'programme_admin');
  await addMembership(t.db, secondAdmin.id, programme.id, 'programme_admin');
  await addMembership(t.db, adminOfOther.id, otherProgramme.id, 'programme_admin');
});
after(async () => t.close());

export const queuePath = (programmeId = programme.id) => `/admin/programmes/${programmeId}/mentor-applications`;
export const applicantPath = (applicationId: string, programmeId = programme.id) => `${queuePath(programmeId)}/${applicationId}`;
export const signedIn = (user: BuiltUser) => signedInAs(t, user);
export const buildApplicant = (options: Parameters<typeof buildApplicantIn>[2] & { programmeId?: string } = {}) => buildApplicantIn(t, options.programmeId ?? programme.id, options);
export const decide = (client: TestClient, applicationId: string, form: Record<string, string>, programmeId = programme.id) => decideAs(client, programmeId, applicationId, form);

export async function statusOf(applicationId: string) {
  return (await t.db.selectFrom('mentor_applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status;
}

export async function decisionEvents(applicationId: string) {
  return t.db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).where('from_status', '=', 'submitted').execute();
}
