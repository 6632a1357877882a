// Data builders and readers for the chemistry-meeting tests: a programme, approved mentors and
// mentees (built with the mentors' and mentees' own builders, stored for real), the invitation
// journey driven through the pages as a browser would, and the .ics attachments parsed with a real
// iCalendar parser (node-ical).
import assert from 'node:assert/strict';
import ical, { type VEvent } from 'node-ical';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/support/app.ts';
import type { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, type BuiltUser } from '../../../test/support/builders.ts';
import type { MentoringType } from '../../db/types.ts';
import { buildMentorProfile, signedIn, termId } from '../mentors/testing.ts';
import { buildMenteeProfile } from '../mentees/testing.ts';
import { dateBoxes } from '../../../test/support/dates.ts';

/** Distinctive confidential text, so tests can prove it never reaches an email, a log or another person. */
export const SECRET_MESSAGE = 'Confidential: I want help preparing for my matron interview after a difficult year';
export const SECRET_DECLINE = 'Confidential kind words: I hope you find someone with paediatric experience';
export const SECRET_REFLECTION = 'Confidential reflection: warm, but I worry they would not challenge me enough';

export async function buildChemistryProgramme(t: TestApp, options: { maxOpen?: number; types?: MentoringType[] } = {}) {
  const programme = await buildProgramme(t.db, { mentoringTypes: options.types ?? ['traditional'] });
  if (options.maxOpen) await t.db.updateTable('programmes').set({ max_open_invitations: options.maxOpen }).where('id', '=', programme.id).execute();
  return programme;
}

export interface Party {
  user: BuiltUser;
  client: TestClient;
}

export async function buildMentor(
  t: TestApp,
  programmeId: string,
  options: { fullName?: string; capacity?: number; isPaused?: boolean; contactEmail?: string; contactPhone?: string; types?: MentoringType[] } = {},
): Promise<Party> {
  const user = await buildUser(t.db, { fullName: options.fullName });
  await buildMentorProfile(t.db, user.id);
  await t.db
    .updateTable('mentor_profiles')
    .set({
      capacity: options.capacity ?? 2, is_paused: options.isPaused ?? false, mentoring_types: options.types ?? ['traditional'],
      contact_email: options.contactEmail ?? null, contact_phone: options.contactPhone ?? null,
    })
    .where('user_id', '=', user.id)
    .execute();
  await t.db.insertInto('mentor_applications').values({ programme_id: programmeId, user_id: user.id, status: 'approved', submitted_at: new Date(), decided_at: new Date() }).execute();
  await addMembership(t.db, user.id, programmeId, 'mentor');
  return { user, client: await signedIn(t, user) };
}

export async function buildMentee(t: TestApp, programmeId: string, options: { fullName?: string; phone?: string } = {}): Promise<Party> {
  const user = await buildUser(t.db, { fullName: options.fullName });
  await buildMenteeProfile(t.db, user.id);
  if (options.phone) await t.db.updateTable('mentee_profiles').set({ contact_phone: options.phone }).where('user_id', '=', user.id).execute();
  await t.db.insertInto('mentee_applications').values({ programme_id: programmeId, user_id: user.id, status: 'approved', submitted_at: new Date(), decided_at: new Date() }).execute();
  await addMembership(t.db, user.id, programmeId, 'mentee');
  return { user, client: await signedIn(t, user) };
}

export async function modeId(t: TestApp, key: 'face_to_face' | 'phone' | 'video'): Promise<string> {
  return termId(t.db, 'meeting_mode', key);
}

/** Posts a form as the party's browser would, with a CSRF token from their account page (some pages offer no form). */
export async function postAs(party: Party, path: string, form: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
  return party.client.post(path, form, { csrf: await party.client.csrfToken('/account') });
}

export function invitePath(programmeId: string, mentorId: string): string {
  return `/programmes/${programmeId}/mentors/${mentorId}/invite`;
}

/** The mentee sends an invitation from the invite page; returns the response and the new invitation's id (if any). */
export async function invite(t: TestApp, mentee: Party, programmeId: string, mentorId: string, form: Record<string, string | string[]> = {}) {
  // The token comes from the account page: a refused invite page offers no form to take it from.
  const csrf = await mentee.client.csrfToken('/account');
  const response = await mentee.client.post(invitePath(programmeId, mentorId), {
    message: SECRET_MESSAGE, meetingModes: await modeId(t, 'video'), preferredTimes: 'Tuesday afternoons', ...form,
  }, { csrf });
  const location = String(response.headers.location ?? '');
  return { response, id: /^\/invitations\/([0-9a-f-]{36})$/.exec(location)?.[1] ?? null };
}

export async function inviteOrFail(t: TestApp, mentee: Party, programmeId: string, mentorId: string): Promise<string> {
  const { response, id } = await invite(t, mentee, programmeId, mentorId);
  assert.equal(response.statusCode, 302, 'the invitation was sent');
  assert.ok(id);
  return id;
}

/** A meeting `days` from now at 2:30pm UK time, as the accept and meeting forms take it. */
export function meetingForm(days: number, extra: Record<string, string> = {}): Record<string, string> {
  return { ...dateBoxes('meetingDate', days), meetingTime: '2:30pm', meetingMinutes: '45', ...extra };
}

export async function accept(t: TestApp, mentor: Party, invitationId: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return mentor.client.post(`/invitations/${invitationId}/accept`, { ...meetingForm(10), meetingMode: await modeId(t, 'video'), ...extra });
}

export async function acceptOrFail(t: TestApp, mentor: Party, invitationId: string): Promise<void> {
  const response = await accept(t, mentor, invitationId);
  assert.equal(response.statusCode, 302, `accepted: ${response.body.slice(0, 300)}`);
}

/** Invited, accepted and marked as met: ready for reflections and choosing. */
export async function metInvitation(t: TestApp, mentee: Party, mentor: Party, programmeId: string): Promise<string> {
  const id = await inviteOrFail(t, mentee, programmeId, mentor.user.id);
  await acceptOrFail(t, mentor, id);
  const met = await postAs(mentee, `/invitations/${id}/met`);
  assert.equal(met.statusCode, 302);
  return id;
}

export async function invitationRow(t: TestApp, id: string) {
  return t.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function eventsOf(t: TestApp, id: string): Promise<string[]> {
  const rows = await t.db.selectFrom('invitation_events').select(['from_status', 'to_status']).where('invitation_id', '=', id).orderBy('id').execute();
  return rows.map((row) => `${row.from_status ?? 'new'}→${row.to_status}`);
}

export async function emailsTo(t: TestApp, user: BuiltUser) {
  return t.db.selectFrom('email_messages').selectAll().where('recipient', '=', user.email).orderBy('created_at').orderBy('id').execute();
}

export async function templatesTo(t: TestApp, user: BuiltUser): Promise<string[]> {
  return (await emailsTo(t, user)).map((email) => email.template);
}

/** Every calendar attachment sent to the person, in order, parsed with node-ical: the calendar's METHOD and its one event. */
export async function calendarsTo(t: TestApp, user: BuiltUser): Promise<{ method: string; event: VEvent; raw: string }[]> {
  const found: { method: string; event: VEvent; raw: string }[] = [];
  for (const email of await emailsTo(t, user)) {
    for (const attachment of email.attachments) {
      if (!attachment.contentType.startsWith('text/calendar')) continue;
      const parsed = ical.sync.parseICS(attachment.content);
      const events = Object.values(parsed).filter((component): component is VEvent => component?.type === 'VEVENT');
      assert.equal(events.length, 1, 'one event per calendar');
      const calendar = Object.values(parsed).find((component) => component?.type === 'VCALENDAR') as { method?: string } | undefined;
      const event = events[0];
      assert.ok(event);
      found.push({ method: calendar?.method ?? '', event, raw: attachment.content });
    }
  }
  return found;
}

/** Every email the database holds, as text, for "no confidential content" checks. */
export async function allEmailText(t: TestApp): Promise<string> {
  const rows = await t.db.selectFrom('email_messages').select(['subject', 'text_body', 'html_body', 'attachments']).execute();
  return rows.map((row) => `${row.subject}\n${row.text_body ?? ''}\n${row.html_body ?? ''}\n${JSON.stringify(row.attachments)}`).join('\n');
}
