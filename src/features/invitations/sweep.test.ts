// The reminder and expiry sweep, called directly after moving timestamps with SQL: one reminder at
// the programme's reminder day (to whoever must answer), even when sweeps run twice or at the same
// moment; expiry at expires_at, once, freeing the mentee's place and telling them; nothing for
// invitations that were answered or are not due.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { invitationDeps } from './deps.ts';
import { sweepInvitations } from './sweep.ts';
import {
  acceptOrFail, allEmailText, buildChemistryProgramme, buildMentee, buildMentor, eventsOf, invitationRow, inviteOrFail, postAs, templatesTo, type Party,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const sweep = () => sweepInvitations(invitationDeps(t.app), new Date());

interface Sent {
  programmeId: string;
  mentee: Party;
  mentor: Party;
  id: string;
}

async function sent(): Promise<Sent> {
  const programme = await buildChemistryProgramme(t);
  const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
  const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
  return { programmeId: programme.id, mentee, mentor, id: await inviteOrFail(t, mentee, programme.id, mentor.user.id) };
}

/** As if the invitation had been sent `days` ago (and a second more: the sweep's clock is JavaScript's, to the millisecond). */
async function sentDaysAgo(id: string, days: number): Promise<void> {
  await t.db.updateTable('invitations').set({ created_at: sql<Date>`now() - make_interval(days => ${days}, secs => 1)` as unknown as Date }).where('id', '=', id).execute();
}

async function expireNow(id: string): Promise<void> {
  await t.db.updateTable('invitations').set({ expires_at: sql<Date>`now() - interval '1 minute'` as unknown as Date }).where('id', '=', id).execute();
}

describe('reminders', () => {
  test('not before the programme\'s reminder day', async () => {
    const s = await sent();
    await sentDaysAgo(s.id, 2);
    assert.deepEqual(await sweep(), { reminded: 0, expired: 0 });
    assert.deepEqual(await templatesTo(t, s.mentor.user), ['chemistryInvitationReceived']);
    assert.equal((await invitationRow(t, s.id)).reminded_at, null);
  });

  test('sent once to the mentor, even when the sweep runs again', async () => {
    const s = await sent();
    await sentDaysAgo(s.id, 3);
    await sweep();
    await sweep();
    assert.deepEqual(await templatesTo(t, s.mentor.user), ['chemistryInvitationReceived', 'chemistryReminder']);
    const row = await invitationRow(t, s.id);
    assert.ok(row.reminded_at);
    assert.equal(row.status, 'pending');
    assert.deepEqual(await eventsOf(t, s.id), ['new→pending'], 'a reminder is not a change of status');
    const [, reminder] = (await t.db.selectFrom('email_messages').selectAll().where('recipient', '=', s.mentor.user.email).orderBy('created_at').execute());
    assert.equal(reminder?.subject, 'Reminder: a chemistry meeting invitation is waiting for your answer');
    assert.match(reminder?.text_body ?? '', new RegExp(`/invitations/${s.id}`));
    assert.ok(!(await allEmailText(t)).includes('Confidential'));
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', s.id).where('action', '=', 'invitation.reminded').execute();
    assert.equal(audit.length, 1);
  });

  test('sent once when three sweeps run at the same moment', async () => {
    const s = await sent();
    await sentDaysAgo(s.id, 4);
    const results = await Promise.all([sweep(), sweep(), sweep()]);
    assert.equal(results.reduce((sum, r) => sum + r.reminded, 0), 1);
    assert.deepEqual(await templatesTo(t, s.mentor.user), ['chemistryInvitationReceived', 'chemistryReminder']);
  });

  test('follows the programme\'s own reminder day, and reminds the mentee of a mentor\'s offer', async () => {
    const programme = await buildChemistryProgramme(t);
    await t.db.updateTable('programmes').set({ invitation_reminder_days: 1 }).where('id', '=', programme.id).execute();
    const mentor = await buildMentor(t, programme.id);
    const mentee = await buildMentee(t, programme.id);
    const post = await t.db.insertInto('seeking_posts').values({ programme_id: programme.id, mentee_id: mentee.user.id, summary: 'Looking for a mentor in research' }).returning('id').executeTakeFirstOrThrow();
    const offer = await postAs(mentor, `/programmes/${programme.id}/seeking/${post.id}/offer`, { message: 'Happy to meet' });
    assert.equal(offer.statusCode, 302);
    const id = String(offer.headers.location).replace('/invitations/', '');
    await sentDaysAgo(id, 1);
    await sweep();
    assert.deepEqual(await templatesTo(t, mentee.user), ['chemistryOfferReceived', 'chemistryReminder']);
  });
});

describe('expiry', () => {
  test('expires once: status, history, and the mentee told the place has freed up', async () => {
    const s = await sent();
    await sentDaysAgo(s.id, 8);
    await expireNow(s.id);
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const row = await invitationRow(t, s.id);
    assert.equal(row.status, 'expired');
    assert.ok(row.closed_at);
    const events = await t.db.selectFrom('invitation_events').select(['from_status', 'to_status', 'actor_user_id']).where('invitation_id', '=', s.id).orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.from_status, e.to_status, e.actor_user_id]), [[null, 'pending', s.mentee.user.id], ['pending', 'expired', null]]);
    assert.deepEqual(await templatesTo(t, s.mentee.user), ['chemistryExpired']);
    const [email] = await t.db.selectFrom('email_messages').selectAll().where('recipient', '=', s.mentee.user.email).execute();
    assert.match(email?.text_body ?? '', /This frees up one of your places: you can invite another mentor/);
    assert.deepEqual(await templatesTo(t, s.mentor.user), ['chemistryInvitationReceived'], 'an expiring invitation is not also reminded');
    assert.match((await s.mentee.client.get('/')).body, /You have 3 of 3 invitations left/);
    assert.match((await s.mentor.client.get(`/invitations/${s.id}`)).body, /Expired: not answered in time/);
  });

  test('nothing happens to invitations that were answered', async () => {
    const s = await sent();
    await acceptOrFail(t, s.mentor, s.id);
    await sentDaysAgo(s.id, 20);
    await expireNow(s.id);
    const before = await t.db.selectFrom('email_messages').select('id').execute();
    assert.deepEqual(await sweep(), { reminded: 0, expired: 0 });
    assert.equal((await invitationRow(t, s.id)).status, 'accepted');
    assert.equal((await t.db.selectFrom('email_messages').select('id').execute()).length, before.length);
  });
});
