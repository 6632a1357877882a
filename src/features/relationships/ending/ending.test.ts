// Ending without blame: either party ends at any time in one transaction (status, kind, phase and
// its history, the ending with its reason, future sessions cancelled with calendar CANCELs, audit,
// emails); the reason reaches only the programme admins and the person who gave it; the other
// party's email is neutral; a double end is refused; bad input changes nothing; outsiders get 404;
// the mentor's place is freed; the mentee is offered help to find another mentor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { allEmailText, buildMentee, calendarsTo, emailsTo, invite, templatesTo } from '../../invitations/testing.ts';
import { buildOutsiders, buildRelationship, modeId, postAs, SECRET_REASON, type Pair, type Party } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const endPath = (pair: Pair) => `/relationships/${pair.relationshipId}/end`;
const endAs = (party: Party, pair: Pair, form: Record<string, string>) => postAs(party, endPath(pair), form);
const DAY = 86_400_000;

/** A name as the page shows it (Nunjucks escapes apostrophes, as in "O'Kon"). */
const inPage = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function addSession(pair: Pair, startsAt: Date, status: 'scheduled' | 'held' = 'scheduled'): Promise<string> {
  const row = await t.db.insertInto('mentoring_sessions').values({
    relationship_id: pair.relationshipId, starts_at: startsAt, duration_minutes: 60, mode: await modeId(t, 'video'), status, created_by: pair.mentee.user.id,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function relationshipRow(pair: Pair) {
  return t.db.selectFrom('relationships').selectAll().where('id', '=', pair.relationshipId).executeTakeFirstOrThrow();
}

async function endingsOf(pair: Pair) {
  return t.db.selectFrom('relationship_endings').selectAll().where('relationship_id', '=', pair.relationshipId).execute();
}

describe('a party ends the relationship', () => {
  test('the mentee ends it as completed: one transaction, sessions cancelled, a neutral email, the reason kept for admins', async () => {
    const pair = await buildRelationship(t);
    const others = await buildOutsiders(t, pair.programmeId);
    const future = await addSession(pair, new Date(Date.now() + 7 * DAY));
    const past = await addSession(pair, new Date(Date.now() - 7 * DAY));
    const held = await addSession(pair, new Date(Date.now() - 14 * DAY), 'held');

    const form = await pair.mentee.client.get(endPath(pair));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /We achieved what we set out to/);
    assert.match(form.body, /This isn(&#39;|')t working for me/);
    assert.ok(form.body.includes(`Only the programme admins will see this. ${inPage(pair.mentor.user.fullName)} will not.`));
    assert.match(form.body, /Ending cannot be undone/);

    const response = await endAs(pair.mentee, pair, { kind: 'completed', reason: SECRET_REASON, confirm: 'yes' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, endPath(pair));

    const row = await relationshipRow(pair);
    assert.equal(row.status, 'ended');
    assert.equal(row.end_kind, 'completed');
    assert.ok(row.ended_at);
    assert.equal(row.phase, 'moving_on');
    const phases = await t.db.selectFrom('relationship_phase_events').select(['from_phase', 'to_phase', 'actor_user_id']).where('relationship_id', '=', pair.relationshipId).orderBy('id').execute();
    assert.deepEqual(phases.at(-1), { from_phase: 'building_rapport', to_phase: 'moving_on', actor_user_id: pair.mentee.user.id });
    const endings = await endingsOf(pair);
    assert.equal(endings.length, 1);
    assert.equal(endings[0]?.ended_by, pair.mentee.user.id);
    assert.equal(endings[0]?.kind, 'completed');
    assert.equal(endings[0]?.reason, SECRET_REASON);

    const sessions = await t.db.selectFrom('mentoring_sessions').select(['id', 'status', 'cancelled_at']).where('relationship_id', '=', pair.relationshipId).execute();
    const statusOf = (id: string) => sessions.find((s) => s.id === id);
    assert.equal(statusOf(future)?.status, 'cancelled');
    assert.ok(statusOf(future)?.cancelled_at);
    assert.equal(statusOf(past)?.status, 'scheduled', 'a past session is left for the pair to record');
    assert.equal(statusOf(held)?.status, 'held');

    assert.deepEqual(await templatesTo(t, pair.mentor.user), ['relationshipEndedForOther']);
    assert.deepEqual(await templatesTo(t, pair.mentee.user), ['relationshipEndedByYou']);
    const [toMentor] = await emailsTo(t, pair.mentor.user);
    assert.ok((toMentor?.text_body ?? '').includes(`${pair.mentee.user.fullName} has closed your mentoring relationship`));
    assert.match(toMentor?.text_body ?? '', /Thank you for the time and care you have given/);
    assert.match(toMentor?.text_body ?? '', /closing reflection/);
    assert.doesNotMatch(toMentor?.text_body ?? '', /another mentor/, 'the mentor is not offered a mentor');
    const cancels = await calendarsTo(t, pair.mentor.user);
    assert.equal(cancels.length, 1);
    assert.equal(cancels[0]?.method, 'CANCEL');
    assert.match(String(cancels[0]?.event.uid), new RegExp(`^session-${future}@`));
    assert.ok(!(await allEmailText(t)).includes(SECRET_REASON), 'no email carries the reason');
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', pair.relationshipId).execute();
    assert.ok(audit.some((a) => a.action === 'relationship.ended'));
    assert.ok(!JSON.stringify(audit).includes('REASON-MARKER'), 'no reason in the audit trail');

    // The reason: the person who gave it, and the programme admins. Nobody else.
    for (const path of [`/relationships/${pair.relationshipId}`, endPath(pair), `/relationships/${pair.relationshipId}/closing-reflection`]) {
      const mentorPage = await pair.mentor.client.get(path);
      assert.ok(!mentorPage.body.includes('REASON-MARKER'), `mentor: ${path}`);
    }
    assert.ok(!(await pair.mentee.client.get(`/relationships/${pair.relationshipId}`)).body.includes('REASON-MARKER'));
    const menteeEnded = await pair.mentee.client.get(endPath(pair));
    assert.equal(menteeEnded.statusCode, 200);
    assert.match(menteeEnded.body, /has ended/);
    assert.match(menteeEnded.body, /What you told the programme admins/);
    assert.ok(menteeEnded.body.includes('REASON-MARKER'), 'the mentee sees the reason they gave');
    const list = await others.programmeAdmin.client.get(`/admin/programmes/${pair.programmeId}/endings`);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('REASON-MARKER'), 'programme admins see the reason');
    assert.match(list.body, /Completed[\s\S]*?Mentee/);
  });

  test('the calendar cancellation names the mentor by the address their session invitations used', async () => {
    const pair = await buildRelationship(t);
    const contact = 'sam.mentoring@example.nhs.uk';
    await t.db.updateTable('mentor_profiles').set({ contact_email: contact }).where('user_id', '=', pair.mentor.user.id).execute();
    const future = await addSession(pair, new Date(Date.now() + 7 * DAY));
    assert.equal((await endAs(pair.mentee, pair, { kind: 'completed', reason: SECRET_REASON, confirm: 'yes' })).statusCode, 302);
    const [cancel] = await calendarsTo(t, pair.mentee.user);
    assert.match(String(cancel?.event.uid), new RegExp(`^session-${future}@`));
    const attendees = (cancel?.raw ?? '').replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((line) => line.startsWith('ATTENDEE'));
    assert.equal(attendees.length, 2);
    assert.ok(attendees.some((line) => line.toLowerCase().includes(`mailto:${contact}`)), attendees.join('\n'));
    assert.ok(!attendees.some((line) => line.toLowerCase().includes(pair.mentor.user.email.toLowerCase())), 'not the sign-in address');
  });

  test('the mentor ends it early: the mentee gets a kind message, and help to find another mentor', async () => {
    const pair = await buildRelationship(t);
    const response = await endAs(pair.mentor, pair, { kind: 'ended_early', reason: SECRET_REASON, confirm: 'yes' });
    assert.equal(response.statusCode, 302);
    const row = await relationshipRow(pair);
    assert.equal(row.end_kind, 'ended_early');
    assert.equal(row.phase, 'moving_on');
    assert.equal((await endingsOf(pair))[0]?.ended_by, pair.mentor.user.id);

    const [toMentee] = await emailsTo(t, pair.mentee.user);
    assert.equal(toMentee?.template, 'relationshipEndedForOther');
    assert.match(toMentee?.text_body ?? '', /nobody(&#39;|')s fault/);
    assert.match(toMentee?.text_body ?? '', /look for another mentor/);
    assert.ok(!`${toMentee?.subject ?? ''}${toMentee?.text_body ?? ''}${toMentee?.html_body ?? ''}`.includes('REASON-MARKER'));

    const menteePage = await pair.mentee.client.get(endPath(pair));
    assert.match(menteePage.body, /Find another mentor/);
    assert.match(menteePage.body, /You can have 3 open invitations at a time\. You have 3 left\./);
    assert.ok(menteePage.body.includes(`/programmes/${pair.programmeId}/find-a-mentor`));
    assert.ok(menteePage.body.includes(`action="/programmes/${pair.programmeId}/broker-request"`));
    assert.ok(!menteePage.body.includes('REASON-MARKER'), 'the mentee never sees the mentor\'s reason');
    assert.doesNotMatch(menteePage.body, /What you told the programme admins/);
    const mentorPage = await pair.mentor.client.get(endPath(pair));
    assert.doesNotMatch(mentorPage.body, /Find another mentor/);
    assert.ok(!mentorPage.body.includes('broker-request'));

    // The broker form works from there: the mentee, without a mentor now, may ask.
    const ask = await postAs(pair.mentee, `/programmes/${pair.programmeId}/broker-request`);
    assert.equal(ask.statusCode, 302);
    assert.match((await pair.mentee.client.get(endPath(pair))).body, /You asked a programme admin to help you find a mentor on/);
  });

  test('two ends at once: one ending, the other is told it has already ended (409)', async () => {
    const pair = await buildRelationship(t);
    const [a, b] = await Promise.all([
      endAs(pair.mentee, pair, { kind: 'completed', reason: '', confirm: 'yes' }),
      endAs(pair.mentor, pair, { kind: 'ended_early', reason: SECRET_REASON, confirm: 'yes' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [302, 409]);
    const refused = a.statusCode === 409 ? a : b;
    assert.match(refused.body, /This mentoring relationship has already ended/);
    assert.match(refused.body, /Nothing has been changed/);
    assert.equal((await endingsOf(pair)).length, 1);
    const emails = (await emailsTo(t, pair.mentee.user)).length + (await emailsTo(t, pair.mentor.user)).length;
    assert.equal(emails, 2);
  });

  test('bad input: 400 with the errors and what was typed, and nothing changes', async () => {
    const pair = await buildRelationship(t);
    const future = await addSession(pair, new Date(Date.now() + 3 * DAY));
    const missing = await endAs(pair.mentee, pair, { reason: 'Kept words' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /<title>Error: /);
    assert.match(missing.body, /There is a problem/);
    assert.match(missing.body, /href="#kind">\s*Choose why you are ending the mentoring relationship/);
    assert.match(missing.body, /href="#confirm">\s*Confirm that you understand ending cannot be undone/);
    assert.match(missing.body, />Kept words<\/textarea>/);

    const noReason = await endAs(pair.mentee, pair, { kind: 'ended_early', reason: '  ', confirm: 'yes' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Enter what has not worked for you/);
    assert.match(noReason.body, /value="ended_early" checked/);

    const tooLong = await endAs(pair.mentee, pair, { kind: 'completed', reason: 'x'.repeat(2001), confirm: 'yes' });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Your reason must be 2000 characters or fewer/);

    const row = await relationshipRow(pair);
    assert.equal(row.status, 'active');
    assert.equal(row.phase, 'building_rapport');
    assert.equal((await endingsOf(pair)).length, 0);
    assert.equal((await t.db.selectFrom('mentoring_sessions').select('status').where('id', '=', future).executeTakeFirstOrThrow()).status, 'scheduled');
    assert.equal((await emailsTo(t, pair.mentor.user)).length, 0);
  });

  test('nobody else can see or use the ending page (404), and an ended relationship cannot be ended again (409)', async () => {
    const pair = await buildRelationship(t);
    const others = await buildOutsiders(t, pair.programmeId);
    for (const [who, party] of Object.entries(others)) {
      assert.equal((await party.client.get(endPath(pair))).statusCode, 404, who);
      assert.equal((await endAs(party, pair, { kind: 'completed', reason: '', confirm: 'yes' })).statusCode, 404, who);
    }
    assert.equal((await relationshipRow(pair)).status, 'active');
    assert.equal((await endAs(pair.mentee, pair, { kind: 'completed', reason: '', confirm: 'yes' })).statusCode, 302);
    const again = await endAs(pair.mentor, pair, { kind: 'completed', reason: '', confirm: 'yes' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /already ended/);
  });

  test('ending frees the mentor\'s place: a full mentor can be invited again', async () => {
    const pair = await buildRelationship(t);
    await t.db.updateTable('mentor_profiles').set({ capacity: 1 }).where('user_id', '=', pair.mentor.user.id).execute();
    const newcomer = await buildMentee(t, pair.programmeId);
    const refused = await invite(t, newcomer, pair.programmeId, pair.mentor.user.id);
    assert.equal(refused.response.statusCode, 409, 'the mentor is full');
    assert.equal((await endAs(pair.mentor, pair, { kind: 'completed', reason: '', confirm: 'yes' })).statusCode, 302);
    const accepted = await invite(t, newcomer, pair.programmeId, pair.mentor.user.id);
    assert.equal(accepted.response.statusCode, 302, 'the mentor has a place again');
    assert.ok(accepted.id);
  });
});
