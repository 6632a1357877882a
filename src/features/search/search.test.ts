// The search page: who may search, ranking with reasons, filters and free text kept in the
// address, the mentors never offered (self, already in touch, full, paused), suggestions when
// nothing matches, and pagination.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { addMembership, buildProgramme, buildUser } from '../../../test/support/builders.ts';
import { signedIn } from '../mentors/testing.ts';
import { approvedMentee, approvedMentor, decodeEntities, indexed, namesOnPage } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const searchUrl = (programmeId: string, query = '') => `/programmes/${programmeId}/find-a-mentor${query}`;

describe('who may search', () => {
  test('anonymous people are sent to sign in and come back to the search', async () => {
    const programme = await buildProgramme(t.db);
    const response = await t.app.inject({ method: 'GET', url: searchUrl(programme.id, '?region=london') });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(searchUrl(programme.id, '?region=london'))}`);
  });

  test('a mentee of programme B cannot search programme A; a mentor, an admin or a not-yet-approved mentee of A cannot either', async () => {
    const a = await buildProgramme(t.db);
    const b = await buildProgramme(t.db);
    const menteeOfB = await approvedMentee(t, b.id);
    assert.equal((await menteeOfB.client.get(searchUrl(b.id))).statusCode, 200);
    assert.equal((await menteeOfB.client.get(searchUrl(a.id))).statusCode, 403);

    const mentorOfA = await approvedMentor(t, a.id);
    assert.equal((await (await signedIn(t, mentorOfA)).get(searchUrl(a.id))).statusCode, 403);

    const admin = await buildUser(t.db);
    await addMembership(t.db, admin.id, a.id, 'programme_admin');
    assert.equal((await (await signedIn(t, admin)).get(searchUrl(a.id))).statusCode, 403);

    const applicant = await buildUser(t.db);
    await t.db.insertInto('mentee_applications').values({ programme_id: a.id, user_id: applicant.id, status: 'awaiting_admin' }).execute();
    const refused = await (await signedIn(t, applicant)).get(searchUrl(a.id));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /You do not have access to this page/);
  });
});

describe('ranking and reasons', () => {
  test('the best fit comes first and each result says why, in plain words', async () => {
    const programme = await buildProgramme(t.db);
    const best = await approvedMentor(t, programme.id, { fullName: 'Zara Best', profession: 'nursing', region: 'london', helpAreas: ['career_progression'], band: 'afc_8a' });
    const weaker = await approvedMentor(t, programme.id, { fullName: 'Adam Weaker', profession: 'pharmacy', region: 'north_west', helpAreas: ['digital_skills'], careSetting: 'primary_care', band: 'afc_5', modes: ['phone'] });
    await indexed(t, best, weaker);
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(searchUrl(programme.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>Find a mentor – Mentoring Hub – NHS<\/title>/);
    assert.deepEqual(namesOnPage(page.body), ['Zara Best', 'Adam Weaker']);
    assert.match(page.body, /2 mentors match/);
    const card = page.body.slice(page.body.indexOf('Zara Best'), page.body.indexOf('Adam Weaker'));
    for (const reason of ['helps with career progression — your area', 'more senior (Band 8a)', 'also works in acute hospital', 'offers video', 'also in nursing', 'in London too']) {
      assert.ok(card.includes(reason), `reason: ${reason}`);
    }
    assert.match(card, /nhsuk-tag[^>]*>Traditional</);
    assert.match(page.body, new RegExp(`<a href="/programmes/${programme.id}/mentors/${best.id}">Zara Best</a>`));
  });

  test('free text finds mentors by their words and says it matched', async () => {
    const programme = await buildProgramme(t.db);
    const orthoptist = await approvedMentor(t, programme.id, { fullName: 'Orla Eyes', bio: 'Twenty years in orthoptics and paediatric eye care.' });
    const other = await approvedMentor(t, programme.id, { fullName: 'Owen Other', bio: 'Finance and estates leadership.' });
    await indexed(t, orthoptist, other);
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(searchUrl(programme.id, '?q=orthoptic'));
    assert.deepEqual(namesOnPage(page.body), ['Orla Eyes']);
    assert.match(page.body, /1 mentor matches/);
    assert.match(page.body, /matches your search/);
    assert.match(page.body, /id="q" name="q" type="search" value="orthoptic"/, 'the words stay in the box');
  });
});

describe('filters in the address', () => {
  test('each filter narrows the results and the form shows what is chosen', async () => {
    const programme = await buildProgramme(t.db, { mentoringTypes: ['traditional', 'peer'] });
    const london = await approvedMentor(t, programme.id, { fullName: 'Lara London', region: 'london', helpAreas: ['confidence_resilience', 'networking'], languages: ['welsh'], mentoringTypes: ['traditional', 'peer'] });
    const northWest = await approvedMentor(t, programme.id, { fullName: 'Nia North', region: 'north_west', helpAreas: ['confidence_resilience'], modes: ['phone'], dimensions: ['leading_with_care'] });
    const full = await approvedMentor(t, programme.id, { fullName: 'Fay Full', region: 'london', capacity: 1 });
    // One accepted chemistry meeting: not full, but no room for anyone else now.
    await t.db.insertInto('invitations').values({ programme_id: programme.id, mentee_id: (await buildUser(t.db)).id, mentor_id: full.id, status: 'accepted', expires_at: new Date(Date.now() + 86_400_000) }).execute();
    await indexed(t, london, northWest, full);
    const { client } = await approvedMentee(t, programme.id);

    const byRegion = await client.get(searchUrl(programme.id, '?region=north_west'));
    assert.deepEqual(namesOnPage(byRegion.body), ['Nia North']);
    assert.match(byRegion.body, /<option value="north_west" selected>North West<\/option>/);

    const bothAreas = await client.get(searchUrl(programme.id, '?area=confidence_resilience&area=networking'));
    assert.deepEqual(namesOnPage(bothAreas.body), ['Lara London'], 'areas: must help with all chosen');
    assert.match(bothAreas.body, /value="networking" checked/);
    assert.match(bothAreas.body, /<details class="nhsuk-details" open>/, 'the chosen list starts open');

    assert.deepEqual(namesOnPage((await client.get(searchUrl(programme.id, '?mode=phone'))).body), ['Nia North']);
    assert.deepEqual(namesOnPage((await client.get(searchUrl(programme.id, '?language=welsh&language=bsl'))).body), ['Lara London'], 'languages: any');
    assert.deepEqual(namesOnPage((await client.get(searchUrl(programme.id, '?dimension=leading_with_care'))).body), ['Nia North']);
    assert.deepEqual(namesOnPage((await client.get(searchUrl(programme.id, '?type=peer'))).body), ['Lara London']);

    const room = await client.get(searchUrl(programme.id, '?region=london&room=yes'));
    assert.deepEqual(namesOnPage(room.body), ['Lara London']);
    assert.match(room.body, /name="room" type="checkbox" value="yes" checked/);
    assert.deepEqual(namesOnPage((await client.get(searchUrl(programme.id, '?region=london'))).body).sort(), ['Fay Full', 'Lara London']);
  });

  test('only the types of mentoring the programme offers are offered as a filter', async () => {
    const programme = await buildProgramme(t.db, { mentoringTypes: ['traditional', 'reverse'] });
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(searchUrl(programme.id));
    assert.match(page.body, /name="type" type="radio" value="reverse"/);
    assert.doesNotMatch(page.body, /name="type" type="radio" value="peer"/);
    const single = await buildProgramme(t.db, { mentoringTypes: ['traditional'] });
    const mentee = await approvedMentee(t, single.id);
    assert.doesNotMatch((await mentee.client.get(searchUrl(single.id))).body, /name="type" type="radio"/, 'no choice to make');
  });

  test('a malformed address still gives a page', async () => {
    const programme = await buildProgramme(t.db);
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(searchUrl(programme.id, '?page=-3&type=nonsense&region[x]=1&room=maybe&area=unknown_key'));
    assert.equal(page.statusCode, 200);
  });
});

describe('mentors never offered', () => {
  test('the mentee themself, mentors they are already in touch with, full and paused mentors', async () => {
    const programme = await buildProgramme(t.db);
    const { user: mentee, client } = await approvedMentee(t, programme.id, { fullName: 'Mina Mentee' });
    // The mentee is also a mentor here (peer schemes make this common).
    await t.db.insertInto('mentor_profiles').values({ user_id: mentee.id, bio: 'Mentor too', capacity: 2 }).execute();
    await t.db.insertInto('mentor_applications').values({ programme_id: programme.id, user_id: mentee.id, status: 'approved' }).execute();
    const invited = await approvedMentor(t, programme.id, { fullName: 'Ivy Invited' });
    const declined = await approvedMentor(t, programme.id, { fullName: 'Dev Declined' });
    const mentoring = await approvedMentor(t, programme.id, { fullName: 'Rhys Relationship' });
    const full = await approvedMentor(t, programme.id, { fullName: 'Fern Full', capacity: 1 });
    const paused = await approvedMentor(t, programme.id, { fullName: 'Paul Paused', isPaused: true });
    const free = await approvedMentor(t, programme.id, { fullName: 'Fran Free' });
    const soon = new Date(Date.now() + 86_400_000);
    await t.db.insertInto('invitations').values([
      { programme_id: programme.id, mentee_id: mentee.id, mentor_id: invited.id, status: 'pending', expires_at: soon },
      { programme_id: programme.id, mentee_id: mentee.id, mentor_id: declined.id, status: 'declined', expires_at: soon },
    ]).execute();
    const someoneElse = await buildUser(t.db);
    await t.db.insertInto('relationships').values([
      { programme_id: programme.id, mentee_id: mentee.id, mentor_id: mentoring.id, mentoring_type: 'traditional' },
      { programme_id: programme.id, mentee_id: someoneElse.id, mentor_id: full.id, mentoring_type: 'traditional' },
    ]).execute();
    await indexed(t, mentee, invited, declined, mentoring, full, paused, free);
    const page = await client.get(searchUrl(programme.id));
    assert.deepEqual(namesOnPage(page.body).sort(), ['Dev Declined', 'Fran Free']);
  });
});

describe('when nothing matches', () => {
  test('it says so and offers to drop one filter at a time, with how many that gives', async () => {
    const programme = await buildProgramme(t.db);
    const mentors = await Promise.all(['Ana', 'Ben', 'Cai'].map((name) => approvedMentor(t, programme.id, { fullName: `${name} Mentor`, region: 'london', bio: 'Clinical leadership in the acute sector.' })));
    await indexed(t, ...mentors);
    const { client } = await approvedMentee(t, programme.id);
    const page = await client.get(searchUrl(programme.id, '?q=leadership&region=wales'));
    assert.match(page.body, /0 mentors match/);
    assert.match(page.body, /No mentors match your search and filters/);
    const links = [...page.body.matchAll(/<li><a href="([^"]+)">(Remove the [^<]+)<\/a><\/li>/g)].map((m) => [decodeEntities(m[1] ?? ''), m[2]]);
    assert.deepEqual(links, [[searchUrl(programme.id, '?q=leadership'), 'Remove the region filter — 3 mentors']]);
    const relaxed = await client.get(links[0]?.[0] ?? '');
    assert.equal(namesOnPage(relaxed.body).length, 3);
  });
});

describe('pagination', () => {
  test('20 to a page with numbered nhsuk pagination that keeps the filters', async () => {
    const programme = await buildProgramme(t.db);
    const mentors = [];
    for (let n = 0; n < 23; n += 1) mentors.push(await approvedMentor(t, programme.id, { fullName: `Mentor ${String(n).padStart(2, '0')}`, region: 'midlands' }));
    await indexed(t, ...mentors);
    const { client } = await approvedMentee(t, programme.id);
    const first = await client.get(searchUrl(programme.id, '?region=midlands'));
    assert.equal(namesOnPage(first.body).length, 20);
    assert.match(first.body, /23 mentors match/);
    assert.match(first.body, /Page 1 of 2/);
    assert.match(first.body, /class="nhsuk-pagination/);
    const next = /<a href="([^"]+)" class="nhsuk-pagination__next"/.exec(first.body)?.[1];
    assert.equal(decodeEntities(next ?? ''), searchUrl(programme.id, '?region=midlands&page=2'));
    const second = await client.get(searchUrl(programme.id, '?region=midlands&page=2'));
    assert.equal(namesOnPage(second.body).length, 3);
    const all = [...namesOnPage(first.body), ...namesOnPage(second.body)];
    assert.equal(new Set(all).size, 23, 'no mentor on two pages');
    const past = await client.get(searchUrl(programme.id, '?region=midlands&page=9'));
    assert.equal(namesOnPage(past.body).length, 3, 'a page past the end shows the last page');
  });
});
