// The chemistry-meeting pages the main journey (chemistry.test.ts) does not reach, in a real browser
// with axe on each page and error state: a mentor's offer, the mentee accepting it and proposing a
// time, withdrawing, a paused mentor, a refused stale action, and brokering by a programme admin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMembership, buildUser } from '../test/support/builders.ts';
import { buildChemistryProgramme, buildMentee, buildMentor, inviteOrFail, modeId } from '../src/features/invitations/testing.ts';
import { expectAccessible, newPage, startBrowserTestEnv, type BrowserTestEnv } from './support/browser.ts';
import { dateParts, expectBanner, expectErrorSummary } from './support/chemistry.ts';
import { signIn } from './support/browser.ts';

let env: BrowserTestEnv;
before(async () => {
  env = await startBrowserTestEnv();
});
after(async () => env.close());

describe('the other chemistry pages pass axe', () => {
  test('offers, proposing and changing a time, withdrawing, brokering, refusals', async () => {
    const t = env.t;
    const programme = await buildChemistryProgramme(t);
    const mentor = await buildMentor(t, programme.id, { fullName: 'Grace Okoye' });
    const paused = await buildMentor(t, programme.id, { fullName: 'Paul Paused', isPaused: true });
    const mentee = await buildMentee(t, programme.id, { fullName: 'Jo Lindqvist' });
    const admin = await buildUser(t.db, { fullName: 'Ruth Admin' });
    await addMembership(t.db, admin.id, programme.id, 'programme_admin');
    const post = await t.db.insertInto('seeking_posts')
      .values({ programme_id: programme.id, mentee_id: mentee.user.id, summary: 'Looking for a mentor in digital health', meeting_mode_ids: [await modeId(t, 'video')] })
      .returning('id').executeTakeFirstOrThrow();

    // A mentor's offer, with an empty message first.
    const mo = await newPage(env, { javaScript: true });
    await signIn(mo.page, mentor.user.email);
    await mo.page.goto(`/programmes/${programme.id}/seeking/${post.id}/offer`);
    await mo.page.getByRole('heading', { level: 1, name: 'Offer Jo Lindqvist a chemistry meeting' }).waitFor();
    await expectAccessible(mo.page, 'offer');
    await mo.page.getByRole('button', { name: 'Send offer' }).click();
    await expectErrorSummary(mo.page, 'Enter a message');
    await expectAccessible(mo.page, 'offer with errors');
    await mo.page.getByLabel('Your message to Jo Lindqvist').fill('I lead a digital nursing team and would be glad to talk');
    await mo.page.getByRole('button', { name: 'Send offer' }).click();
    await expectBanner(mo.page, 'Offer sent');
    await expectAccessible(mo.page, 'offer sent');

    // The mentee accepts it and proposes a time (bad time first), then withdraws.
    const me = await newPage(env, { javaScript: true });
    await signIn(me.page, mentee.user.email);
    await me.page.getByRole('heading', { name: 'Offers from mentors waiting for your answer' }).waitFor();
    await expectAccessible(me.page, 'mentee home with an offer');
    await me.page.getByRole('link', { name: 'Grace Okoye' }).click();
    await me.page.getByRole('button', { name: 'Accept the offer' }).click();
    await expectAccessible(me.page, 'accept an offer');
    await me.page.getByRole('button', { name: 'Accept' }).click();
    await expectBanner(me.page, 'You have accepted');
    await me.page.getByRole('link', { name: 'Propose a time for the meeting' }).click();
    const [day, month, year] = dateParts(5);
    await me.page.getByLabel('Day').fill(day);
    await me.page.getByLabel('Month').fill(month);
    await me.page.getByLabel('Year').fill(year);
    await me.page.getByLabel('Time', { exact: true }).fill('teatime');
    await me.page.getByRole('button', { name: 'Save the meeting time' }).click();
    await expectErrorSummary(me.page, 'Enter the time of the meeting, like 2:30pm or 14:30');
    await expectAccessible(me.page, 'meeting time with errors');
    await me.page.getByLabel('Time', { exact: true }).fill('14:00');
    await me.page.getByRole('radio', { name: 'Phone' }).check();
    await me.page.getByRole('button', { name: 'Save the meeting time' }).click();
    await expectBanner(me.page, 'Meeting time saved');
    await expectAccessible(me.page, 'accepted offer with a meeting');
    await me.page.getByRole('link', { name: 'Withdraw your invitation' }).click();
    await me.page.getByLabel('A message to Grace Okoye (optional)').fill('x'.repeat(501));
    await me.page.getByRole('button', { name: 'Withdraw your invitation' }).click();
    await expectErrorSummary(me.page, 'Enter a message of 500 characters or fewer');
    await expectAccessible(me.page, 'withdraw with errors');
    await me.page.getByLabel('A message to Grace Okoye (optional)').fill('Sorry, my rota has changed');
    await me.page.getByRole('button', { name: 'Withdraw your invitation' }).click();
    await expectBanner(me.page, 'Withdrawn');
    await expectAccessible(me.page, 'withdrawn');

    // A paused mentor cannot be invited; a stale accept link for a withdrawn meeting is refused.
    await me.page.goto(`/programmes/${programme.id}/mentors/${paused.user.id}/invite`);
    await me.page.getByText('Paul Paused is not taking new mentees at the moment').waitFor();
    await expectAccessible(me.page, 'invite a paused mentor');
    const stale = await inviteOrFail(t, mentee, programme.id, mentor.user.id);
    await t.db.updateTable('invitations').set({ status: 'withdrawn', closed_at: new Date() }).where('id', '=', stale).execute();
    await mo.page.goto(`/invitations/${stale}/accept`);
    await mo.page.getByRole('heading', { name: 'That can no longer be done. The page below shows the invitation as it is now' }).waitFor();
    await expectAccessible(mo.page, 'refused action');

    // The mentee asks for help; the admin proposes a mentor (none chosen first).
    await me.page.goto('/');
    await me.page.getByRole('button', { name: /Ask a programme admin to find a mentor for you/ }).click();
    await expectBanner(me.page, 'You have asked for help to find a mentor');
    await expectAccessible(me.page, 'mentee home after asking for help');
    const ad = await newPage(env, { javaScript: true });
    await signIn(ad.page, admin.email);
    await ad.page.goto(`/admin/programmes/${programme.id}`);
    await ad.page.getByRole('link', { name: 'See mentees who have asked for help to find a mentor' }).click();
    await ad.page.getByRole('heading', { level: 1, name: 'Requests for help to find a mentor' }).waitFor();
    await expectAccessible(ad.page, 'broker queue');
    await ad.page.getByRole('link', { name: 'Jo Lindqvist' }).click();
    await expectAccessible(ad.page, 'broker request');
    await ad.page.getByRole('button', { name: 'Invite this mentor for them' }).click();
    await expectErrorSummary(ad.page, 'Choose a mentor');
    await expectAccessible(ad.page, 'broker request with errors');
    await ad.page.getByLabel('Mentor', { exact: true }).selectOption(mentor.user.id);
    await ad.page.getByRole('button', { name: 'Invite this mentor for them' }).click();
    await expectBanner(ad.page, 'Mentor invited');
    await expectAccessible(ad.page, 'broker queue after proposing');

    for (const found of [mo.problems, me.problems, ad.problems]) assert.deepEqual(found, []);
    await Promise.all([mo.context.close(), me.context.close(), ad.context.close()]);
  });
});
