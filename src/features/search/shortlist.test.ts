// A mentor's profile as mentees see it (no contact details), and the shortlist: buttons that
// return to the page they were on, adding and removing twice changes nothing twice, and the list
// says when a shortlisted mentor became full, paused or left the register.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership, buildProgramme, buildUser } from '../../../test/support/builders.ts';
import { signedIn } from '../mentors/testing.ts';
import { approvedMentee, approvedMentor, indexed, namesOnPage } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const profileUrl = (programmeId: string, mentorId: string) => `/programmes/${programmeId}/mentors/${mentorId}`;

describe("a mentor's profile", () => {
  test('shows role, offer, how they mentor and room in words — never contact details — with invite and shortlist', async () => {
    const programme = await buildProgramme(t.db);
    const mentor = await approvedMentor(t, programme.id, {
      fullName: 'Grace Adeyemi', jobTitle: 'Deputy chief nurse', capacity: 3, languages: ['welsh'],
      contactEmail: 'grace.private@example.nhs.uk', contactPhone: '07700 900123',
    });
    await t.db.insertInto('relationships').values({ programme_id: programme.id, mentee_id: (await buildUser(t.db)).id, mentor_id: mentor.id, mentoring_type: 'traditional' }).execute();
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(profileUrl(programme.id, mentor.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Grace Adeyemi<\/h1>/);
    assert.match(page.body, /Deputy chief nurse/);
    assert.match(page.body, /Has room for 2 more mentees/);
    assert.match(page.body, /Welsh/);
    assert.doesNotMatch(page.body, /grace\.private@example\.nhs\.uk|07700 900123/);
    assert.doesNotMatch(page.body, new RegExp(mentor.email.replace(/[.+]/g, '\\$&')), 'not the account email either');
    assert.match(page.body, /Only a mentee whose chemistry invitation this mentor has accepted, and programme admins/);
    assert.match(page.body, new RegExp(`href="/programmes/${programme.id}/mentors/${mentor.id}/invite"[^>]*>\\s*Invite to a chemistry meeting`));
    assert.match(page.body, /Shortlist<span class="nhsuk-u-visually-hidden"> Grace Adeyemi<\/span>/);
  });

  test('a full mentor says so and offers no invitation; a mentor of the programme sees the profile without the buttons', async () => {
    const programme = await buildProgramme(t.db);
    const mentor = await approvedMentor(t, programme.id, { capacity: 1 });
    await t.db.insertInto('relationships').values({ programme_id: programme.id, mentee_id: (await buildUser(t.db)).id, mentor_id: mentor.id, mentoring_type: 'traditional' }).execute();
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(profileUrl(programme.id, mentor.id));
    assert.match(page.body, /Full at the moment/);
    assert.doesNotMatch(page.body, /Invite to a chemistry meeting/);
    const colleague = await approvedMentor(t, programme.id);
    const seen = await (await signedIn(t, colleague)).get(profileUrl(programme.id, mentor.id));
    assert.equal(seen.statusCode, 200);
    assert.doesNotMatch(seen.body, /Invite to a chemistry meeting|Shortlist<span/);
  });

  test('not found unless approved in this programme; refused to people outside the programmes it is in', async () => {
    const a = await buildProgramme(t.db);
    const b = await buildProgramme(t.db);
    const mentor = await approvedMentor(t, a.id);
    const menteeOfA = await approvedMentee(t, a.id);
    const menteeOfB = await approvedMentee(t, b.id);
    assert.equal((await menteeOfA.client.get(profileUrl(b.id, mentor.id))).statusCode, 404, 'not on B’s register');
    assert.equal((await menteeOfA.client.get(profileUrl(a.id, randomUUID()))).statusCode, 404);
    assert.equal((await menteeOfA.client.get(`/programmes/${a.id}/mentors/not-an-id`)).statusCode, 404);
    assert.equal((await menteeOfB.client.get(profileUrl(a.id, mentor.id))).statusCode, 403);
    const adminOfB = await buildUser(t.db);
    await addMembership(t.db, adminOfB.id, b.id, 'programme_admin');
    assert.equal((await (await signedIn(t, adminOfB)).get(profileUrl(a.id, mentor.id))).statusCode, 403);
  });
});

describe('the shortlist', () => {
  test('the button returns to the same search page, toggles, and the shortlist lists the mentor', async () => {
    const programme = await buildProgramme(t.db);
    const mentor = await approvedMentor(t, programme.id, { fullName: 'Sian Short', region: 'wales' });
    await indexed(t, mentor);
    const { user, client } = await approvedMentee(t, programme.id);
    const search = `/programmes/${programme.id}/find-a-mentor?region=wales`;
    await client.get(search);
    const added = await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}`, { returnTo: search }, { from: search });
    assert.equal(added.statusCode, 302);
    assert.equal(added.headers.location, search);
    const again = await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}`, { returnTo: search }, { from: search });
    assert.equal(again.statusCode, 302, 'adding twice is fine');
    const rows = await t.db.selectFrom('shortlist_entries').selectAll().where('mentee_id', '=', user.id).execute();
    assert.equal(rows.length, 1);
    const audit = await t.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', user.id).execute();
    assert.deepEqual(audit.map((row) => row.action), ['shortlist.added'], 'one change, one audit row');

    const page = await client.get(search);
    assert.match(page.body, /Remove from shortlist<span class="nhsuk-u-visually-hidden"> Sian Short<\/span>/);
    const list = await client.get(`/programmes/${programme.id}/shortlist`);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(namesOnPage(list.body), ['Sian Short']);
    assert.match(list.body, /Has room for 2 more mentees/);

    const removed = await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}/remove`, { returnTo: search }, { from: search });
    assert.equal(removed.headers.location, search);
    await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}/remove`, { returnTo: search }, { from: search });
    assert.equal((await t.db.selectFrom('shortlist_entries').selectAll().where('mentee_id', '=', user.id).execute()).length, 0);
    assert.match((await client.get(`/programmes/${programme.id}/shortlist`)).body, /You have not shortlisted anyone yet/);
  });

  test('a mentor who became full, paused or left the register says so instead of disappearing', async () => {
    const programme = await buildProgramme(t.db);
    const paused = await approvedMentor(t, programme.id, { fullName: 'Pat Paused' });
    const full = await approvedMentor(t, programme.id, { fullName: 'Fen Full', capacity: 1 });
    const gone = await approvedMentor(t, programme.id, { fullName: 'Gil Gone' });
    const { client } = await approvedMentee(t, programme.id);
    for (const mentor of [paused, full, gone]) {
      const response = await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}`, {}, { from: '/account' });
      assert.equal(response.headers.location, `/programmes/${programme.id}/shortlist`, 'no return address: the shortlist');
    }
    await t.db.updateTable('mentor_profiles').set({ is_paused: true }).where('user_id', '=', paused.id).execute();
    await t.db.insertInto('relationships').values({ programme_id: programme.id, mentee_id: (await buildUser(t.db)).id, mentor_id: full.id, mentoring_type: 'traditional' }).execute();
    await t.db.updateTable('mentor_applications').set({ status: 'rejected' }).where('user_id', '=', gone.id).execute();
    const list = await client.get(`/programmes/${programme.id}/shortlist`);
    for (const [name, words] of [['Pat Paused', 'Not taking new mentees at the moment'], ['Fen Full', 'Full at the moment'], ['Gil Gone', 'No longer on this programme’s register']] as const) {
      const card = list.body.slice(list.body.indexOf(`${name}`));
      assert.ok(card.slice(0, 1500).includes(words), `${name}: ${words}`);
    }
    assert.doesNotMatch(list.body, new RegExp(`href="/programmes/${programme.id}/mentors/${gone.id}"`), 'no profile link for someone no longer on the register');
  });

  test('refused to people who cannot search here; an off-site return address is not followed', async () => {
    const a = await buildProgramme(t.db);
    const b = await buildProgramme(t.db);
    const mentor = await approvedMentor(t, a.id);
    const menteeOfB = await approvedMentee(t, b.id);
    const refused = await menteeOfB.client.post(`/programmes/${a.id}/shortlist/${mentor.id}`, {}, { from: '/account' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await menteeOfB.client.get(`/programmes/${a.id}/shortlist`)).statusCode, 403);
    const notHere = await menteeOfB.client.post(`/programmes/${b.id}/shortlist/${mentor.id}`, {}, { from: '/account' });
    assert.equal(notHere.statusCode, 404, 'not on B’s register');
    const menteeOfA = await approvedMentee(t, a.id);
    const offSite = await menteeOfA.client.post(`/programmes/${a.id}/shortlist/${mentor.id}`, { returnTo: '//evil.example/steal' }, { from: '/account' });
    assert.equal(offSite.headers.location, `/programmes/${a.id}/shortlist`);
    const noToken = await menteeOfA.client.post(`/programmes/${a.id}/shortlist/${mentor.id}/remove`, {}, { csrf: false });
    assert.equal(noToken.statusCode, 403, 'CSRF token required');
  });
});
