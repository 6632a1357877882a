// Answering and following through an invitation: accept with a proposed meeting (an .ics REQUEST
// to both, parsed with node-ical), change its time (SEQUENCE + 1, same UID), cancel it (CANCEL,
// same UID, SEQUENCE + 1), decline with a reason only admins see and a kind message only the
// mentee sees, withdraw, mark as met. Contact details appear only once accepted; another person's
// invitation is not found; an expired invitation cannot be accepted; emails carry no message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership, buildUser } from '../../../test/support/builders.ts';
import { sql } from 'kysely';
import { assertErrorPage, signedIn } from '../mentors/testing.ts';
import { SECRET_GOALS } from '../mentees/testing.ts';
import {
  SECRET_DECLINE, SECRET_MESSAGE, accept, acceptOrFail, allEmailText, buildChemistryProgramme, buildMentee, buildMentor, calendarsTo, eventsOf,
  invitationRow, inviteOrFail, meetingForm, modeId, postAs, templatesTo, type Party,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

interface Pair {
  programmeId: string;
  mentee: Party;
  mentor: Party;
  id: string;
}

async function invited(): Promise<Pair> {
  const programme = await buildChemistryProgramme(t);
  const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel', contactEmail: 'sam.mentoring@example.nhs.uk', contactPhone: '01632 960 001' });
  const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan', phone: '07700 900 982' });
  return { programmeId: programme.id, mentee, mentor, id: await inviteOrFail(t, mentee, programme.id, mentor.user.id) };
}

/** "2:30pm on <date>" in London, as the test forms propose it, read back from an instant. */
function londonWallClock(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' }).format(at);
}

describe('who sees what', () => {
  test('another person\'s invitation is not found, for every page and action', async () => {
    const p = await invited();
    const stranger = await signedIn(t, await buildUser(t.db));
    const otherMentor = await buildMentor(t, p.programmeId);
    const admin = await buildUser(t.db);
    await addMembership(t.db, admin.id, p.programmeId, 'programme_admin');
    const adminClient = await signedIn(t, admin);
    for (const client of [stranger, otherMentor.client, adminClient]) {
      for (const path of ['', '/accept', '/decline', '/withdraw', '/meeting', '/reflection', '/confirm']) {
        assert.equal((await client.get(`/invitations/${p.id}${path}`)).statusCode, 404, `GET ${path}`);
      }
      const csrf = await client.csrfToken('/account');
      for (const path of ['/accept', '/decline', '/withdraw', '/meeting', '/met', '/reflection', '/choose', '/none', '/confirm']) {
        assert.equal((await client.post(`/invitations/${p.id}${path}`, { ...meetingForm(3), reason: 'other', decision: 'yes', reflection: 'x' }, { csrf })).statusCode, 404, `POST ${path}`);
      }
    }
    assert.equal((await invitationRow(t, p.id)).status, 'pending');
  });

  test('contact details are hidden until the mentor accepts, then both see each other\'s', async () => {
    const p = await invited();
    const before = [await p.mentee.client.get(`/invitations/${p.id}`), await p.mentor.client.get(`/invitations/${p.id}`)];
    for (const page of before) {
      assert.equal(page.statusCode, 200);
      for (const detail of ['sam.mentoring@example.nhs.uk', '01632 960 001', '07700 900 982', p.mentee.user.email]) assert.ok(!page.body.includes(detail), detail);
      assert.match(page.body, /You will see each other's contact details once the invitation has been accepted/);
      assert.ok(page.body.includes(SECRET_MESSAGE), 'both parties read the message');
      assert.match(page.body, /Who can see this:<\/strong> Only you and (Sam Patel|Alex Morgan)\. Messages are never emailed/);
    }
    assert.ok(before[1]?.body.includes(SECRET_GOALS), 'the invited mentor reads the mentee\'s profile');
    assert.ok(!before[0]?.body.includes('About Alex Morgan'));

    await acceptOrFail(t, p.mentor, p.id);
    const menteeView = await p.mentee.client.get(`/invitations/${p.id}`);
    const mentorView = await p.mentor.client.get(`/invitations/${p.id}`);
    for (const page of [menteeView, mentorView]) {
      for (const detail of ['sam.mentoring@example.nhs.uk', '01632 960 001', '07700 900 982', p.mentee.user.email]) assert.ok(page.body.includes(detail), detail);
      assert.match(page.body, /Only the two of you, now that the invitation has been accepted/);
    }
    assert.ok(!menteeView.body.includes(p.mentor.user.email), 'the mentor\'s account email stays private: their chosen contact address is shown');
  });
});

describe('accepting', () => {
  test('bad input: the meeting\'s messages, what was typed kept, nothing changed', async () => {
    const p = await invited();
    const form = await p.mentor.client.get(`/invitations/${p.id}/accept`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="45"/, 'the length defaults to 45 minutes');
    const bad = await accept(t, p.mentor, p.id, { 'meetingDate-day': '31', 'meetingDate-month': '2', meetingTime: 'teatime', meetingMinutes: '200', meetingMode: '' });
    assert.equal(bad.statusCode, 400);
    assertErrorPage(bad.body, 'Accept', [
      { field: 'meetingDate-day', text: 'Date of the meeting must be a real date' },
      { field: 'meetingTime', text: 'Enter the time of the meeting, like 2:30pm or 14:30' },
      { field: 'meetingMinutes', text: 'Meeting length must be between 15 and 180 minutes' },
      { field: 'meetingMode', text: 'Choose how you will meet' },
    ]);
    assert.match(bad.body, /value="teatime"/);
    const past = await accept(t, p.mentor, p.id, meetingForm(-2));
    assert.equal(past.statusCode, 400);
    assertErrorPage(past.body, 'Accept', [{ field: 'meetingDate-day', text: 'Date of the meeting must be today or in the future' }]);
    const row = await invitationRow(t, p.id);
    assert.equal(row.status, 'pending');
    assert.equal(row.meeting_starts_at, null);
    assert.deepEqual(await templatesTo(t, p.mentee.user), []);
  });

  test('the mentee cannot accept their own invitation', async () => {
    const p = await invited();
    const response = await postAs(p.mentee, `/invitations/${p.id}/accept`);
    assert.equal(response.statusCode, 409);
    assert.equal((await invitationRow(t, p.id)).status, 'pending');
  });

  test('accepted: both emailed an .ics REQUEST; a change sends SEQUENCE 1; a cancellation CANCEL with the same UID', async () => {
    const p = await invited();
    await acceptOrFail(t, p.mentor, p.id);
    const row = await invitationRow(t, p.id);
    assert.equal(row.status, 'accepted');
    assert.ok(row.responded_at);
    assert.equal(row.meeting_minutes, 45);
    assert.equal(row.meeting_mode_id, await modeId(t, 'video'));
    assert.deepEqual(await eventsOf(t, p.id), ['new→pending', 'pending→accepted']);
    assert.deepEqual(await templatesTo(t, p.mentee.user), ['chemistryAccepted']);
    assert.deepEqual(await templatesTo(t, p.mentor.user), ['chemistryInvitationReceived', 'chemistryAccepted']);

    const uid = `invitation-${p.id}@localhost`;
    for (const person of [p.mentee.user, p.mentor.user]) {
      const [request] = await calendarsTo(t, person);
      assert.equal(request?.method, 'REQUEST');
      assert.equal(request?.event.uid, uid);
      assert.equal(Number(request?.event.sequence), 0);
      assert.equal(request?.event.start.getTime(), row.meeting_starts_at?.getTime());
      assert.match(londonWallClock(request?.event.start ?? new Date(0)), /14:30$/, 'DTSTART is 2:30pm UK time');
      assert.equal((request?.event.end?.getTime() ?? 0) - (request?.event.start.getTime() ?? 0), 45 * 60_000);
      assert.match(request?.raw ?? '', /ATTENDEE;[^\n]*\n?[^\n]*sam\.mentoring@example\.nhs\.uk/);
      assert.match(request?.raw ?? '', /ORGANIZER;CN=/);
    }

    const changed = await p.mentee.client.post(`/invitations/${p.id}/meeting`, { ...meetingForm(12, { meetingTime: '09:15', meetingMinutes: '30' }), meetingMode: await modeId(t, 'phone') });
    assert.equal(changed.statusCode, 302);
    const [, update] = await calendarsTo(t, p.mentor.user);
    assert.equal(update?.method, 'REQUEST');
    assert.equal(update?.event.uid, uid);
    assert.equal(Number(update?.event.sequence), 1);
    assert.match(londonWallClock(update?.event.start ?? new Date(0)), /09:15$/);
    assert.equal((await invitationRow(t, p.id)).ics_sequence, 1);

    const cancelled = await p.mentor.client.post(`/invitations/${p.id}/withdraw`, { message: SECRET_DECLINE });
    assert.equal(cancelled.statusCode, 302);
    const closed = await invitationRow(t, p.id);
    assert.equal(closed.status, 'cancelled');
    assert.ok(closed.closed_at);
    for (const person of [p.mentee.user, p.mentor.user]) {
      const calendars = await calendarsTo(t, person);
      const cancel = calendars.at(-1);
      assert.equal(cancel?.method, 'CANCEL');
      assert.equal(cancel?.event.uid, uid);
      assert.equal(Number(cancel?.event.sequence), 2);
      assert.deepEqual(calendars.map((c) => Number(c.event.sequence)), [0, 1, 2], 'SEQUENCE only goes up');
    }
    assert.deepEqual(await templatesTo(t, p.mentee.user), ['chemistryAccepted', 'chemistryMeetingTime', 'chemistryWithdrawn']);
    const menteePage = await p.mentee.client.get(`/invitations/${p.id}`);
    assert.ok(menteePage.body.includes(SECRET_DECLINE), 'the mentee reads the message on the page');
    assert.match(menteePage.body, /Cancelled by Sam Patel/);
    const emails = await allEmailText(t);
    for (const secret of [SECRET_MESSAGE, SECRET_DECLINE, SECRET_GOALS, '01632 960 001', '07700 900 982']) assert.ok(!emails.includes(secret), secret);
  });

  test('an expired invitation cannot be accepted, even before the sweep has closed it', async () => {
    const p = await invited();
    await t.db.updateTable('invitations').set({ expires_at: sql<Date>`now() - interval '1 minute'` as unknown as Date }).where('id', '=', p.id).execute();
    const page = await p.mentor.client.get(`/invitations/${p.id}`);
    assert.match(page.body, /Expired/);
    assert.doesNotMatch(page.body, /Accept and propose a time/);
    assert.equal((await p.mentor.client.get(`/invitations/${p.id}/accept`)).statusCode, 409);
    const response = await postAs(p.mentor, `/invitations/${p.id}/accept`, { ...meetingForm(10), meetingMode: await modeId(t, 'video') });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /This invitation has expired. It was not answered in time/);
    assert.equal((await invitationRow(t, p.id)).status, 'pending');
  });
});

describe('declining and withdrawing', () => {
  test('the reason is stored for admins and never shown to the mentee; the kind message is, on the page only', async () => {
    const p = await invited();
    const noReason = await p.mentor.client.post(`/invitations/${p.id}/decline`, { message: SECRET_DECLINE });
    assert.equal(noReason.statusCode, 400);
    assertErrorPage(noReason.body, 'Decline', [{ field: 'reason', text: 'Choose a reason' }]);
    assert.ok(noReason.body.includes(SECRET_DECLINE), 'the message typed is kept');
    assert.equal((await invitationRow(t, p.id)).status, 'pending');

    const declined = await p.mentor.client.post(`/invitations/${p.id}/decline`, { reason: 'outside_experience', message: SECRET_DECLINE });
    assert.equal(declined.statusCode, 302);
    const row = await invitationRow(t, p.id);
    assert.equal(row.status, 'declined');
    assert.equal(row.decline_reason, 'outside_experience');
    assert.equal(row.closing_message, SECRET_DECLINE);
    assert.deepEqual(await templatesTo(t, p.mentee.user), ['chemistryDeclined']);
    const menteePage = await p.mentee.client.get(`/invitations/${p.id}`);
    assert.ok(menteePage.body.includes(SECRET_DECLINE));
    assert.match(menteePage.body, /Message from Sam Patel/);
    for (const page of [menteePage, await p.mentor.client.get(`/invitations/${p.id}`)]) {
      assert.doesNotMatch(page.body, /outside my experience|Outside their experience|outside_experience/i);
    }
    const emails = await allEmailText(t);
    assert.ok(!emails.includes(SECRET_DECLINE) && !/outside (my|their) experience/i.test(emails));
    const again = await p.mentor.client.post(`/invitations/${p.id}/decline`, { reason: 'other' }, { csrf: await p.mentor.client.csrfToken('/account') });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /This invitation has already been declined/);
  });

  test('the mentee withdraws a pending invitation: the mentor is told, the place frees up', async () => {
    const p = await invited();
    const form = await p.mentee.client.get(`/invitations/${p.id}/withdraw`);
    assert.match(form.body, /<h1>Withdraw your invitation<\/h1>/);
    const tooLong = await p.mentee.client.post(`/invitations/${p.id}/withdraw`, { message: 'x'.repeat(501) });
    assert.equal(tooLong.statusCode, 400);
    assertErrorPage(tooLong.body, 'Withdraw your invitation', [{ field: 'message', text: 'Enter a message of 500 characters or fewer' }]);
    const withdrawn = await p.mentee.client.post(`/invitations/${p.id}/withdraw`, { message: '' });
    assert.equal(withdrawn.statusCode, 302);
    assert.equal((await invitationRow(t, p.id)).status, 'withdrawn');
    assert.deepEqual(await templatesTo(t, p.mentor.user), ['chemistryInvitationReceived', 'chemistryWithdrawn']);
    assert.deepEqual(await calendarsTo(t, p.mentor.user), [], 'no meeting had been proposed, so no calendar');
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', p.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['invitation.created', 'invitation.withdrawn']);
  });

  test('marking as met: either party once accepted; the other is emailed', async () => {
    const p = await invited();
    const early = await postAs(p.mentee, `/invitations/${p.id}/met`);
    assert.equal(early.statusCode, 409);
    await acceptOrFail(t, p.mentor, p.id);
    const met = await postAs(p.mentor, `/invitations/${p.id}/met`);
    assert.equal(met.statusCode, 302);
    assert.equal((await invitationRow(t, p.id)).status, 'met');
    assert.deepEqual((await templatesTo(t, p.mentee.user)).at(-1), 'chemistryMet');
    assert.deepEqual(await eventsOf(t, p.id), ['new→pending', 'pending→accepted', 'accepted→met']);
  });
});
