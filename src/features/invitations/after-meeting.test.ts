// After the chemistry meeting: private fit reflections (stored only as ciphertext, read only by
// their author), the mentee choosing a mentor who then confirms (one transaction: the relationship,
// its first phase, this invitation chosen and the mentee's others closed with a thank-you), or
// continuing with none; and two confirmations racing for a mentor's last place giving exactly one
// relationship, the other refused and told clearly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership, buildUser } from '../../../test/support/builders.ts';
import { assertErrorPage, signedIn } from '../mentors/testing.ts';
import {
  SECRET_MESSAGE, SECRET_REFLECTION, acceptOrFail, allEmailText, buildChemistryProgramme, buildMentee, buildMentor, calendarsTo, eventsOf, invitationRow,
  inviteOrFail, metInvitation, postAs, templatesTo,
} from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

async function relationshipsOf(menteeId: string) {
  return t.db.selectFrom('relationships').selectAll().where('mentee_id', '=', menteeId).execute();
}

describe('private fit reflections', () => {
  test('only once met; stored as ciphertext without the text; only the author ever reads it', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
    const early = await inviteOrFail(t, mentee, programme.id, (await buildMentor(t, programme.id)).user.id);
    assert.equal((await mentee.client.get(`/invitations/${early}/reflection`)).statusCode, 404, 'not before the meeting');

    const id = await metInvitation(t, mentee, mentor, programme.id);
    const form = await mentee.client.get(`/invitations/${id}/reflection`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Who can see this:<\/strong> Only you. Not Sam Patel, and not programme admins. It is stored encrypted./);
    const empty = await postAs(mentee, `/invitations/${id}/reflection`, { reflection: ' ' });
    assert.equal(empty.statusCode, 400);
    assertErrorPage(empty.body, 'Your private reflection', [{ field: 'reflection', text: 'Enter your reflection' }]);
    const long = await postAs(mentee, `/invitations/${id}/reflection`, { reflection: 'x'.repeat(2001) });
    assertErrorPage(long.body, 'Your private reflection', [{ field: 'reflection', text: 'Enter a reflection of 2,000 characters or fewer' }]);
    assert.equal((await t.db.selectFrom('fit_reflections').select('author_id').execute()).length, 0);

    assert.equal((await postAs(mentee, `/invitations/${id}/reflection`, { reflection: SECRET_REFLECTION })).statusCode, 302);
    const [stored, ...more] = await t.db.selectFrom('fit_reflections').selectAll().where('invitation_id', '=', id).execute();
    assert.equal(more.length, 0);
    assert.equal(stored?.author_id, mentee.user.id);
    assert.ok(stored?.key_id);
    for (const encoding of ['utf8', 'latin1', 'base64', 'hex'] as const) {
      assert.ok(!stored?.ciphertext.toString(encoding).includes('Confidential reflection'), `no plaintext (${encoding})`);
    }
    assert.ok((await mentee.client.get(`/invitations/${id}/reflection`)).body.includes(SECRET_REFLECTION), 'the author reads it back');
    const mentorsOwn = await mentor.client.get(`/invitations/${id}/reflection`);
    assert.equal(mentorsOwn.statusCode, 200);
    assert.ok(!mentorsOwn.body.includes(SECRET_REFLECTION), 'the other party never reads it');
    assert.ok(!(await mentor.client.get(`/invitations/${id}`)).body.includes(SECRET_REFLECTION));
    const admin = await buildUser(t.db);
    await addMembership(t.db, admin.id, programme.id, 'programme_admin');
    assert.equal((await (await signedIn(t, admin)).get(`/invitations/${id}/reflection`)).statusCode, 404, 'nor admins');

    assert.equal((await postAs(mentor, `/invitations/${id}/reflection`, { reflection: 'Mentor side: good fit' })).statusCode, 302);
    assert.equal((await postAs(mentee, `/invitations/${id}/reflection`, { reflection: `${SECRET_REFLECTION} (revised)` })).statusCode, 302);
    assert.equal((await t.db.selectFrom('fit_reflections').select('author_id').where('invitation_id', '=', id).execute()).length, 2, 'one per author, updated in place');
    assert.ok((await mentee.client.get(`/invitations/${id}/reflection`)).body.includes('(revised)'));
    const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', id).execute();
    assert.ok(audit.some((a) => a.action === 'invitation.reflection_saved'));
    assert.ok(!JSON.stringify(audit).includes('Confidential') && !(await allEmailText(t)).includes('Confidential reflection'));
  });
});

describe('choosing a mentor', () => {
  test('the mentee chooses, the mentor confirms: one transaction starts the relationship and closes the others with a thank-you', async () => {
    const programme = await buildChemistryProgramme(t, { types: ['traditional', 'peer'] });
    const chosen = await buildMentor(t, programme.id, { fullName: 'Sam Patel', types: ['peer'] });
    const metToo = await buildMentor(t, programme.id, { fullName: 'Priya Shah' });
    const acceptedOnly = await buildMentor(t, programme.id, { fullName: 'Tom Baker' });
    const stillPending = await buildMentor(t, programme.id, { fullName: 'Ana Silva' });
    const mentee = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
    await t.db.updateTable('programmes').set({ max_open_invitations: 4 }).where('id', '=', programme.id).execute();
    const id = await metInvitation(t, mentee, chosen, programme.id);
    const otherMet = await metInvitation(t, mentee, metToo, programme.id);
    const otherAccepted = await inviteOrFail(t, mentee, programme.id, acceptedOnly.user.id);
    await acceptOrFail(t, acceptedOnly, otherAccepted);
    const otherPending = await inviteOrFail(t, mentee, programme.id, stillPending.user.id);
    assert.equal((await postAs(mentee, `/programmes/${programme.id}/broker-request`)).statusCode, 302);
    await t.db.insertInto('seeking_posts').values({ programme_id: programme.id, mentee_id: mentee.user.id, summary: 'Looking for help with my first management role' }).execute();

    const choose = await postAs(mentee, `/invitations/${id}/choose`);
    assert.equal(choose.statusCode, 302);
    assert.ok((await invitationRow(t, id)).chosen_at);
    assert.match((await mentee.client.get(`/invitations/${id}`)).body, /You have asked Sam Patel to be your mentor. Waiting for them to confirm./);
    assert.deepEqual((await templatesTo(t, chosen.user)).at(-1), 'chemistryChosen');
    assert.match((await chosen.client.get('/')).body, /Alex Morgan would like you to be their mentor: confirm/);
    assert.equal((await mentee.client.get(`/invitations/${id}/confirm`)).statusCode, 409, 'only the mentor confirms');

    const noAnswer = await postAs(chosen, `/invitations/${id}/confirm`, {});
    assert.equal(noAnswer.statusCode, 400);
    assertErrorPage(noAnswer.body, 'Will you be Alex Morgan', [{ field: 'decision', text: 'Choose whether you will be their mentor' }]);
    const confirmed = await postAs(chosen, `/invitations/${id}/confirm`, { decision: 'yes' });
    assert.equal(confirmed.statusCode, 302);

    const [relationship, ...others] = await relationshipsOf(mentee.user.id);
    assert.equal(others.length, 0);
    assert.equal(relationship?.mentor_id, chosen.user.id);
    assert.equal(relationship?.status, 'active');
    assert.equal(relationship?.phase, 'building_rapport');
    assert.equal(relationship?.mentoring_type, 'peer', 'the type chosen for the invitation');
    assert.equal(relationship?.invitation_id, id);
    const phases = await t.db.selectFrom('relationship_phase_events').select(['from_phase', 'to_phase']).where('relationship_id', '=', relationship?.id ?? '').execute();
    assert.deepEqual(phases, [{ from_phase: null, to_phase: 'building_rapport' }]);
    assert.equal((await invitationRow(t, id)).status, 'chosen');
    assert.deepEqual(await eventsOf(t, otherMet), ['new→pending', 'pending→accepted', 'accepted→met', 'met→not_chosen']);
    assert.deepEqual(await eventsOf(t, otherAccepted), ['new→pending', 'pending→accepted', 'accepted→not_chosen']);
    assert.deepEqual(await eventsOf(t, otherPending), ['new→pending', 'pending→withdrawn']);
    for (const mentor of [metToo, acceptedOnly, stillPending]) assert.equal((await templatesTo(t, mentor.user)).at(-1), 'chemistryThankYou');
    const cancel = (await calendarsTo(t, acceptedOnly.user)).at(-1);
    assert.equal(cancel?.method, 'CANCEL', 'a meeting that will not happen leaves the calendar');
    assert.equal(Number(cancel?.event.sequence), 1);
    assert.deepEqual((await templatesTo(t, mentee.user)).at(-1), 'chemistryConfirmed');
    const broker = await t.db.selectFrom('broker_requests').select('status').where('mentee_id', '=', mentee.user.id).executeTakeFirstOrThrow();
    assert.equal(broker.status, 'closed');
    const post = await t.db.selectFrom('seeking_posts').select(['status', 'closed_at']).where('mentee_id', '=', mentee.user.id).executeTakeFirstOrThrow();
    assert.equal(post.status, 'closed', 'the "seeking a mentor" post comes down once they have one');
    assert.ok(post.closed_at);
    assert.match((await chosen.client.get('/')).body, /Your mentees[\s\S]*Alex Morgan<\/a>, since/);
    assert.match((await mentee.client.get('/')).body, /Your mentor is <a href="\/relationships\/[0-9a-f-]+">Sam Patel<\/a>/);
    assert.match((await mentee.client.get(`/invitations/${otherMet}`)).body, /Closed because you found a mentor/);
    assert.ok(!(await allEmailText(t)).includes(SECRET_MESSAGE));
    const audit = await t.db.selectFrom('audit_events').select('action').where('subject_id', '=', relationship?.id ?? '').execute();
    assert.deepEqual(audit.map((a) => a.action), ['relationship.started']);
  });

  test('continuing with none closes the met invitation with a thank-you; the place frees up', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id);
    const mentee = await buildMentee(t, programme.id);
    const id = await metInvitation(t, mentee, mentor, programme.id);
    assert.equal((await postAs(mentor, `/invitations/${id}/none`)).statusCode, 409, 'only the mentee decides this');
    assert.equal((await postAs(mentee, `/invitations/${id}/none`)).statusCode, 302);
    const row = await invitationRow(t, id);
    assert.equal(row.status, 'not_chosen');
    assert.ok(row.closed_at);
    assert.equal((await templatesTo(t, mentor.user)).at(-1), 'chemistryThankYou');
    assert.equal((await relationshipsOf(mentee.user.id)).length, 0);
    assert.match((await mentee.client.get('/')).body, /You have 3 of 3 invitations left/);
  });

  test('the mentor may say they cannot continue: nothing starts and the mentee is told', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel' });
    const mentee = await buildMentee(t, programme.id);
    const id = await metInvitation(t, mentee, mentor, programme.id);
    assert.equal((await postAs(mentor, `/invitations/${id}/confirm`, { decision: 'yes' })).statusCode, 409, 'not before the mentee chooses');
    await postAs(mentee, `/invitations/${id}/choose`);
    assert.equal((await postAs(mentor, `/invitations/${id}/confirm`, { decision: 'no', message: 'Wishing you well' })).statusCode, 302);
    assert.equal((await invitationRow(t, id)).status, 'not_chosen');
    assert.equal((await relationshipsOf(mentee.user.id)).length, 0);
    assert.equal((await templatesTo(t, mentee.user)).at(-1), 'chemistryMentorNotContinuing');
    const page = await mentee.client.get(`/invitations/${id}`);
    assert.match(page.body, /Message from Sam Patel/);
    assert.match(page.body, /Sam Patel decided not to continue/);
  });

  test('two mentees confirmed at the same instant for a mentor with one place left: exactly one relationship', async () => {
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id, { fullName: 'Sam Patel', capacity: 1 });
    const first = await buildMentee(t, programme.id, { fullName: 'Alex Morgan' });
    const second = await buildMentee(t, programme.id, { fullName: 'Jo Lindqvist' });
    const ids = [await metInvitation(t, first, mentor, programme.id), await metInvitation(t, second, mentor, programme.id)];
    for (const [mentee, id] of [[first, ids[0]], [second, ids[1]]] as const) assert.equal((await postAs(mentee, `/invitations/${id}/choose`)).statusCode, 302);
    const csrf = await mentor.client.csrfToken('/account');
    const results = await Promise.all(ids.map((id) => mentor.client.post(`/invitations/${id}/confirm`, { decision: 'yes' }, { csrf })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [302, 409]);
    const refused = results.find((r) => r.statusCode === 409);
    assert.match(refused?.body ?? '', /Your last place has just been taken/);
    const relationships = await t.db.selectFrom('relationships').select(['mentee_id']).where('mentor_id', '=', mentor.user.id).execute();
    assert.equal(relationships.length, 1, 'exactly one relationship');
    const loserIndex = relationships[0]?.mentee_id === first.user.id ? 1 : 0;
    const loser = [first, second][loserIndex];
    const loserId = ids[loserIndex] ?? '';
    assert.equal((await invitationRow(t, loserId)).status, 'met', 'nothing of the refused confirmation was written');
    assert.match((await loser?.client.get(`/invitations/${loserId}`))?.body ?? '', /Sam Patel&#39;s last place has just been taken/);
    const again = loser ? await postAs(loser, `/invitations/${loserId}/choose`) : undefined;
    assert.equal(again?.statusCode, 409, 'choosing a full mentor again is refused');
    assert.match(again?.body ?? '', /Sam Patel has no places left at the moment/);
  });

  test('choosing another mentor moves the request: one mentor at a time is asked to confirm', async () => {
    const programme = await buildChemistryProgramme(t);
    const [a, b] = [await buildMentor(t, programme.id), await buildMentor(t, programme.id)];
    const mentee = await buildMentee(t, programme.id);
    const first = await metInvitation(t, mentee, a, programme.id);
    const second = await metInvitation(t, mentee, b, programme.id);
    await postAs(mentee, `/invitations/${first}/choose`);
    await postAs(mentee, `/invitations/${second}/choose`);
    assert.equal((await invitationRow(t, first)).chosen_at, null);
    assert.ok((await invitationRow(t, second)).chosen_at);
    assert.equal((await postAs(a, `/invitations/${first}/confirm`, { decision: 'yes' })).statusCode, 409);
    assert.equal((await relationshipsOf(mentee.user.id)).length, 0);
  });
});
