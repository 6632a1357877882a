// Inviting a mentor to a chemistry meeting: the page with how many invitations are left, bad input
// refused with nothing stored, the invitation stored with its history, audit row and the mentor's
// email (no message text), and every refusal: the programme's limit (also under two submissions at
// the same instant), a second open invitation to the same mentor, a paused or full mentor, a mentor
// who is not on the register, and people who are not approved mentees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildUser } from '../../../test/support/builders.ts';
import { assertErrorPage, signedIn } from '../mentors/testing.ts';
import { InvitationRefusedError, inTransaction } from './create-service.ts';
import { invitationDeps } from './deps.ts';
import {
  SECRET_MESSAGE, allEmailText, buildChemistryProgramme, buildMentee, buildMentor, emailsTo, eventsOf, invitationRow, invite, invitePath, inviteOrFail, modeId,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

async function invitationCount(menteeId: string): Promise<number> {
  return (await t.db.selectFrom('invitations').select('id').where('mentee_id', '=', menteeId).execute()).length;
}

describe('the invite page', () => {
  test('says how many invitations are left and offers the form', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    const mentee = await buildMentee(t, programme.id);
    const page = await mentee.client.get(invitePath(programme.id, mentor.user.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Invite Sam Patel to a chemistry meeting<\/h1>/);
    assert.match(page.body, /You can have 3 open invitations at a time. You have 3 left./);
    assert.match(page.body, /Who can see this:<\/strong> Only you and Sam Patel/);
    assert.match(page.body, /name="meetingModes"/);
  });

  test('bad input: the NHS error summary, what was typed kept, nothing stored', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id);
    const mentee = await buildMentee(t, programme.id);
    const empty = await mentee.client.post(invitePath(programme.id, mentor.user.id), { message: '  ', preferredTimes: 'Mornings' });
    assert.equal(empty.statusCode, 400);
    assertErrorPage(empty.body, 'Invite', [
      { field: 'message', text: 'Enter a message' },
      { field: 'meetingModes', text: 'Choose at least one meeting mode' },
    ]);
    assert.match(empty.body, /Mornings<\/textarea>/);

    const tooLong = await mentee.client.post(invitePath(programme.id, mentor.user.id), {
      message: 'x'.repeat(501), meetingModes: [await modeId(t, 'video'), 'not-a-term'], preferredTimes: 'y'.repeat(201),
    });
    assert.equal(tooLong.statusCode, 400);
    assertErrorPage(tooLong.body, 'Invite', [
      { field: 'message', text: 'Enter a message of 500 characters or fewer' },
      { field: 'meetingModes', text: 'Choose meeting modes from the list' },
      { field: 'preferredTimes', text: 'Enter preferred times of 200 characters or fewer' },
    ]);
    assert.equal(await invitationCount(mentee.user.id), 0);
    assert.equal((await emailsTo(t, mentor.user)).length, 0);
  });

  test('a term id that is not a meeting mode is refused by the service', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id);
    const mentee = await buildMentee(t, programme.id);
    const region = (await t.db.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', 'region').executeTakeFirstOrThrow()).id;
    const { response } = await invite(t, mentee, programme.id, mentor.user.id, { meetingModes: region });
    assert.equal(response.statusCode, 400);
    assertErrorPage(response.body, 'Invite', [{ field: 'meetingModes', text: 'Choose meeting modes from the list' }]);
    assert.equal(await invitationCount(mentee.user.id), 0);
  });

  test('asks the type of mentoring only when the programme and mentor share more than one', async () => {
    const programme = await buildChemistryProgramme(t, { types: ['traditional', 'peer'] });
    const mentor = await buildMentor(t, programme.id, { types: ['traditional', 'peer'] });
    const mentee = await buildMentee(t, programme.id);
    const page = await mentee.client.get(invitePath(programme.id, mentor.user.id));
    assert.match(page.body, /name="mentoringType" type="radio" value="peer"/);
    const missing = await invite(t, mentee, programme.id, mentor.user.id);
    assert.equal(missing.response.statusCode, 400);
    assertErrorPage(missing.response.body, 'Invite', [{ field: 'mentoringType', text: 'Choose the type of mentoring' }]);
    const sent = await invite(t, mentee, programme.id, mentor.user.id, { mentoringType: 'peer' });
    assert.equal(sent.response.statusCode, 302);
    assert.equal((await invitationRow(t, sent.id ?? '')).mentoring_type, 'peer');
  });
});

describe('sending an invitation', () => {
  test('stores it pending with its history and audit row, and emails the mentor a link only', async () => {
    const programme = await buildChemistryProgramme(t);
    await t.db.updateTable('programmes').set({ invitation_expiry_days: 5 }).where('id', '=', programme.id).execute();
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
    const video = await modeId(t, 'video');
    const phone = await modeId(t, 'phone');
    const { response, id } = await invite(t, mentee, programme.id, mentor.user.id, { meetingModes: [video, phone], preferredTimes: 'Weekday lunchtimes' });
    assert.equal(response.statusCode, 302);
    assert.ok(id);
    const row = await invitationRow(t, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.initiated_by, 'mentee');
    assert.equal(row.message, SECRET_MESSAGE);
    assert.equal(row.mentoring_type, 'traditional');
    assert.deepEqual([...row.preferred_mode_ids].sort(), [video, phone].sort());
    assert.equal(row.preferred_times, 'Weekday lunchtimes');
    const days = (new Date(row.expires_at).getTime() - row.created_at.getTime()) / 86_400_000;
    assert.ok(Math.abs(days - 5) < 0.001, `expires after the programme's 5 days (${days})`);
    assert.deepEqual(await eventsOf(t, id), ['new→pending']);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'details']).where('subject_id', '=', id).execute();
    assert.deepEqual(audit.map((a) => [a.action, a.actor_user_id]), [['invitation.created', mentee.user.id]]);
    assert.ok(!JSON.stringify(audit).includes('Confidential'), 'the audit holds ids and codes only');

    const [email, ...others] = await emailsTo(t, mentor.user);
    assert.equal(others.length, 0);
    assert.equal(email?.template, 'chemistryInvitationReceived');
    assert.equal(email?.subject, 'You have a chemistry meeting invitation');
    assert.match(email?.text_body ?? '', new RegExp(`http://localhost:3000/invitations/${id}`));
    assert.match(email?.text_body ?? '', /Alex Morgan has invited you to a chemistry meeting/);
    assert.ok(!(await allEmailText(t)).includes('Confidential'), 'no email carries the message');

    const page = await mentee.client.get(`/invitations/${id}`);
    assert.match(page.body, /Invitation sent/);
    assert.match(page.body, /Waiting for Sam Patel to answer/);
    const again = await mentee.client.get(invitePath(programme.id, mentor.user.id));
    assert.match(again.body, /You have 2 left\./);
    assert.match(again.body, new RegExp(`You already have an open invitation to Sam Patel. <a href="/invitations/${id}">`));
  });

  test('a second open invitation to the same mentor is refused clearly', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    const mentee = await buildMentee(t, programme.id);
    await inviteOrFail(t, mentee, programme.id, mentor.user.id);
    const second = await invite(t, mentee, programme.id, mentor.user.id);
    assert.equal(second.response.statusCode, 409);
    assert.match(second.response.body, /You already have an open invitation to Sam Patel/);
    assert.equal(await invitationCount(mentee.user.id), 1);
  });

  test('the partial unique index on open pairs reads as the same clear message', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id);
    const mentee = await buildMentee(t, programme.id);
    const row = { programme_id: programme.id, mentee_id: mentee.user.id, mentor_id: mentor.user.id, expires_at: new Date(Date.now() + 86_400_000) };
    await t.db.insertInto('invitations').values(row).execute();
    await assert.rejects(
      inTransaction(invitationDeps(t.app), 'You already have an open invitation to Sam Patel', async (trx) => {
        await trx.insertInto('invitations').values(row).execute();
      }),
      (error: unknown) => error instanceof InvitationRefusedError && error.message === 'You already have an open invitation to Sam Patel',
    );
  });

  test('a paused or full mentor is not taking new mentees', async () => {
    const programme = await buildChemistryProgramme(t);
    const paused = await buildMentor(t, programme.id, { fullName: 'Priya Shah', isPaused: true });
    const full = await buildMentor(t, programme.id, { fullName: 'Sam Patel', capacity: 1 });
    const someone = await buildMentee(t, programme.id);
    await t.db.insertInto('relationships').values({ programme_id: programme.id, mentee_id: someone.user.id, mentor_id: full.user.id, mentoring_type: 'traditional' }).execute();
    const mentee = await buildMentee(t, programme.id);
    for (const [mentor, name] of [[paused, 'Priya Shah'], [full, 'Sam Patel']] as const) {
      const page = await mentee.client.get(invitePath(programme.id, mentor.user.id));
      assert.match(page.body, new RegExp(`${name} is not taking new mentees at the moment`));
      assert.doesNotMatch(page.body, /name="message"/);
      const refused = await invite(t, mentee, programme.id, mentor.user.id);
      assert.equal(refused.response.statusCode, 409);
      assert.match(refused.response.body, new RegExp(`${name} is not taking new mentees at the moment`));
    }
    assert.equal(await invitationCount(mentee.user.id), 0);
  });

  test('the programme\'s limit: the page says none are left and a further invitation is refused', async () => {
    const programme = await buildChemistryProgramme(t, { maxOpen: 2 });
    const [first, second, third] = [await buildMentor(t, programme.id), await buildMentor(t, programme.id), await buildMentor(t, programme.id)];
    const mentee = await buildMentee(t, programme.id);
    await inviteOrFail(t, mentee, programme.id, first.user.id);
    await inviteOrFail(t, mentee, programme.id, second.user.id);
    const page = await mentee.client.get(invitePath(programme.id, third.user.id));
    assert.match(page.body, /You can have 2 open invitations at a time. You have none left./);
    assert.match(page.body, /You cannot invite anyone else yet/);
    const refused = await invite(t, mentee, programme.id, third.user.id);
    assert.equal(refused.response.statusCode, 409);
    assert.match(refused.response.body, /You have none left. Wait for an answer, or withdraw an invitation, before you invite someone else/);
    assert.equal(await invitationCount(mentee.user.id), 2);
    assert.equal((await emailsTo(t, third.user)).length, 0);
  });

  test('two invitations at the same instant with one place left: one sent, one clearly refused', async () => {
    const programme = await buildChemistryProgramme(t, { maxOpen: 2 });
    const [first, second, third] = [await buildMentor(t, programme.id), await buildMentor(t, programme.id), await buildMentor(t, programme.id)];
    const mentee = await buildMentee(t, programme.id);
    await inviteOrFail(t, mentee, programme.id, first.user.id);
    const video = await modeId(t, 'video');
    const tokenA = await mentee.client.csrfToken(invitePath(programme.id, second.user.id));
    const tokenB = await mentee.client.csrfToken(invitePath(programme.id, third.user.id));
    const form = { message: SECRET_MESSAGE, meetingModes: video, preferredTimes: '' };
    const results = await Promise.all([
      mentee.client.post(invitePath(programme.id, second.user.id), form, { csrf: tokenA }),
      mentee.client.post(invitePath(programme.id, third.user.id), form, { csrf: tokenB }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [302, 409]);
    const refused = results.find((r) => r.statusCode === 409);
    assert.match(refused?.body ?? '', /You can have 2 open invitations at a time. You have none left./);
    assert.equal(await invitationCount(mentee.user.id), 2, 'exactly one new invitation');
  });
});

describe('who may invite whom', () => {
  test('a mentor not approved in this programme, or the mentee themself, is not found', async () => {
    const programme = await buildChemistryProgramme(t);
    const other = await buildChemistryProgramme(t);
    const elsewhere = await buildMentor(t, other.id);
    const mentee = await buildMentee(t, programme.id);
    assert.equal((await mentee.client.get(invitePath(programme.id, elsewhere.user.id))).statusCode, 404);
    assert.equal((await invite(t, mentee, programme.id, elsewhere.user.id)).response.statusCode, 404);
    assert.equal((await mentee.client.get(invitePath(programme.id, mentee.user.id))).statusCode, 404);
    assert.equal(await invitationCount(mentee.user.id), 0);
  });

  test('only approved mentees of the programme: others are refused by the guard', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id);
    const otherMentor = await buildMentor(t, programme.id);
    const plain = await signedIn(t, await buildUser(t.db));
    for (const client of [plain, otherMentor.client]) {
      const response = await client.get(invitePath(programme.id, mentor.user.id));
      assert.equal(response.statusCode, 403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: invitePath(programme.id, mentor.user.id) });
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/sign-in/);
  });
});
