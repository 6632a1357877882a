// Taxonomy administration: counts, adding (keys, duplicates, ICS regions), renaming (the key never
// changes), retiring and restoring (never deleting), the read side forms rely on, and who may do it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { TestClient } from '../../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../../test/support/builders.ts';
import type { TaxonomyName } from '../../db/types.ts';
import { termKeyFor } from './admin-service.ts';
import { allowedTermIds, labelsFor, listTermsForForms } from './service.ts';

let t: TestApp;
let platformAdmin: BuiltUser;
let programmeAdmin: BuiltUser;
let plainUser: BuiltUser;

before(async () => {
  t = await buildTestApp();
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
  programmeAdmin = await buildUser(t.db);
  plainUser = await buildUser(t.db);
  const programme = await buildProgramme(t.db);
  await addMembership(t.db, programmeAdmin.id, programme.id, 'programme_admin');
});
after(async () => t.close());

async function signedIn(userId: string): Promise<TestClient> {
  return new TestClient(t.app).setCookieHeader(await sessionCookie(t.db, userId));
}

async function term(taxonomy: TaxonomyName, key: string) {
  return t.db.selectFrom('taxonomy_terms').selectAll().where('taxonomy', '=', taxonomy).where('key', '=', key).executeTakeFirstOrThrow();
}

async function termCount(taxonomy: TaxonomyName): Promise<number> {
  return (await t.db.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', taxonomy).execute()).length;
}

async function audits(action: string, subjectId: string) {
  return t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('subject_id', '=', subjectId).execute();
}

describe('keys made from labels', () => {
  test('lower_snake_case that matches the CHECK on taxonomy_terms.key', () => {
    assert.equal(termKeyFor('Speech & Language Therapy'), 'speech_and_language_therapy');
    assert.equal(termKeyFor('  Café  culture – 2nd wave! '), 'cafe_culture_2nd_wave');
    assert.equal(termKeyFor('???'), '');
    assert.match(termKeyFor('Band 8a / 8b'), /^[a-z0-9]+(_[a-z0-9]+)*$/);
  });
});

describe('the taxonomy pages', () => {
  test('the list shows the nine taxonomies with friendly names and counts', async () => {
    const page = await (await signedIn(platformAdmin.id)).get('/admin/taxonomies');
    assert.equal(page.statusCode, 200);
    for (const title of ['Professions', 'Bands and grades', 'Regions', 'Integrated care systems', 'Care settings', 'Leadership dimensions',
      'Areas a mentor can help with', 'Meeting modes', 'Languages']) {
      assert.match(page.body, new RegExp(`>${title}</a>`));
    }
    assert.match(page.body, /href="\/admin\/taxonomies\/meeting_mode">Meeting modes<\/a>[\s\S]*?>\s*3\s*</, 'three meeting modes');
  });

  test('a taxonomy lists its terms in order with how many profiles use each', async () => {
    const nursing = await term('profession', 'nursing');
    const video = await term('meeting_mode', 'video');
    const [mentor, mentee] = [await buildUser(t.db), await buildUser(t.db)];
    await t.db.insertInto('mentor_profiles').values({ user_id: mentor.id, profession_id: nursing.id, updated_at: new Date() }).execute();
    await t.db.insertInto('mentee_profiles').values({ user_id: mentee.id, profession_id: nursing.id, updated_at: new Date() }).execute();
    await t.db.insertInto('profile_terms').values([
      { user_id: mentor.id, side: 'mentor', term_id: video.id },
      { user_id: mentee.id, side: 'mentee', term_id: video.id },
    ]).execute();
    const client = await signedIn(platformAdmin.id);
    const professions = await client.get('/admin/taxonomies/profession');
    assert.equal(professions.statusCode, 200);
    assert.match(professions.body, /<th scope="row" class="nhsuk-table__header">Nursing<\/th>\s*<td[^>]*>2<\/td>/);
    assert.match(professions.body, /<th scope="row" class="nhsuk-table__header">Midwifery<\/th>\s*<td[^>]*>0<\/td>/);
    assert.ok(professions.body.indexOf('>Nursing<') < professions.body.indexOf('>Midwifery<'), 'in sort order');
    const modes = await client.get('/admin/taxonomies/meeting_mode');
    assert.match(modes.body, /<th scope="row" class="nhsuk-table__header">Video<\/th>\s*<td[^>]*>2<\/td>/);
  });

  test('an unknown taxonomy is not found', async () => {
    const response = await (await signedIn(platformAdmin.id)).get('/admin/taxonomies/favourite_colour');
    assert.equal(response.statusCode, 404);
  });
});

describe('adding a term', () => {
  test('an empty name gets the error summary and stores nothing', async () => {
    const client = await signedIn(platformAdmin.id);
    const before = await termCount('language');
    const response = await client.post('/admin/taxonomies/language/terms', { label: '  ' }, { from: '/admin/taxonomies/language' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Languages – /);
    assert.match(response.body, /href="#label">\s*Enter the name of the language/);
    assert.equal(await termCount('language'), before);
  });

  test('a name with no letters or numbers is refused', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post('/admin/taxonomies/language/terms', { label: '!!!' }, { from: '/admin/taxonomies/language' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Enter a name that includes at least one letter or number/);
    assert.match(response.body, /value="!!!"/);
  });

  test('adds the term at the end with a key made from the label, and audits it', async () => {
    const client = await signedIn(platformAdmin.id);
    const response = await client.post('/admin/taxonomies/language/terms', { label: 'Scots Gaelic & Doric' }, { from: '/admin/taxonomies/language' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/admin/taxonomies/language');
    const added = await term('language', 'scots_gaelic_and_doric');
    assert.equal(added.label, 'Scots Gaelic & Doric');
    assert.equal(added.retired_at, null);
    const { max } = await t.db.selectFrom('taxonomy_terms').select((eb) => eb.fn.max('sort_order').as('max')).where('taxonomy', '=', 'language').executeTakeFirstOrThrow();
    assert.equal(added.sort_order, max);
    assert.equal((await audits('taxonomy_term.added', added.id)).length, 1);
    const page = await client.get('/admin/taxonomies/language');
    assert.match(page.body, /Scots Gaelic &amp; Doric added/);
    assert.ok((await listTermsForForms(t.db)).language.some((l) => l.id === added.id), 'offered on forms');
  });

  test('a duplicate name (any case) is refused with a clear message and keeps what was typed', async () => {
    const client = await signedIn(platformAdmin.id);
    const before = await termCount('profession');
    const response = await client.post('/admin/taxonomies/profession/terms', { label: 'nURSING' }, { from: '/admin/taxonomies/profession' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#label">\s*A term with this name already exists/);
    assert.match(response.body, /value="nURSING"/);
    assert.equal(await termCount('profession'), before);
  });

  test('an integrated care system needs a real, active region', async () => {
    const client = await signedIn(platformAdmin.id);
    const from = '/admin/taxonomies/ics';
    const missing = await client.post('/admin/taxonomies/ics/terms', { label: 'Humber and North Yorkshire' }, { from });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#parentId">\s*Select the region this integrated care system is in/);
    assert.match(missing.body, /value="Humber and North Yorkshire"/);
    const notARegion = await client.post('/admin/taxonomies/ics/terms', { label: 'Humber and North Yorkshire', parentId: (await term('profession', 'nursing')).id }, { from });
    assert.equal(notARegion.statusCode, 400);
    assert.equal(await termCount('ics'), 0);

    const region = await term('region', 'north_east_yorkshire');
    const added = await client.post('/admin/taxonomies/ics/terms', { label: 'Humber and North Yorkshire', parentId: region.id }, { from });
    assert.equal(added.statusCode, 302);
    const ics = await term('ics', 'humber_and_north_yorkshire');
    assert.equal(ics.parent_id, region.id);
    const page = await client.get(from);
    assert.match(page.body, /Humber and North Yorkshire<\/th>\s*<td class="nhsuk-table__cell">North East and Yorkshire<\/td>/);
  });
});

describe('renaming, retiring and restoring', () => {
  test('renaming changes the label only; the key and profiles stay', async () => {
    const client = await signedIn(platformAdmin.id);
    const dietetics = await term('profession', 'dietetics');
    const url = `/admin/taxonomies/profession/terms/${dietetics.id}`;
    const form = await client.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Allied health: dietetics"/);

    const empty = await client.post(url, { label: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Enter the name of the profession/);
    const duplicate = await client.post(url, { label: 'Pharmacy' });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /A term with this name already exists/);
    assert.match(duplicate.body, /value="Pharmacy"/);
    assert.equal((await term('profession', 'dietetics')).label, 'Allied health: dietetics');

    const renamed = await client.post(url, { label: 'Allied health: dietetics and nutrition' });
    assert.equal(renamed.statusCode, 302);
    const after = await term('profession', 'dietetics');
    assert.equal(after.id, dietetics.id);
    assert.equal(after.label, 'Allied health: dietetics and nutrition');
    assert.equal((await labelsFor(t.db, [dietetics.id])).get(dietetics.id), 'Allied health: dietetics and nutrition');
    assert.equal((await audits('taxonomy_term.renamed', dietetics.id)).length, 1);
  });

  test('a retired term is not offered for new answers but stays where it is held; restoring brings it back', async () => {
    const client = await signedIn(platformAdmin.id);
    const podiatry = await term('profession', 'podiatry');
    const holder = await buildUser(t.db);
    await t.db.insertInto('mentor_profiles').values({ user_id: holder.id, profession_id: podiatry.id, updated_at: new Date() }).execute();

    const retired = await client.post(`/admin/taxonomies/profession/terms/${podiatry.id}/retire`, {}, { from: '/admin/taxonomies/profession' });
    assert.equal(retired.statusCode, 302);
    assert.notEqual((await term('profession', 'podiatry')).retired_at, null);
    assert.equal((await listTermsForForms(t.db)).profession.some((p) => p.id === podiatry.id), false, 'not offered to new answers');
    assert.equal((await listTermsForForms(t.db, [podiatry.id])).profession.some((p) => p.id === podiatry.id), true, 'kept for a profile that has it');
    assert.equal((await allowedTermIds(t.db, 'profession', [podiatry.id])).size, 0);
    assert.equal((await allowedTermIds(t.db, 'profession', [podiatry.id], [podiatry.id])).size, 1);
    const profile = await t.db.selectFrom('mentor_profiles').select('profession_id').where('user_id', '=', holder.id).executeTakeFirstOrThrow();
    assert.equal(profile.profession_id, podiatry.id, 'the profile keeps it');
    const page = await client.get('/admin/taxonomies/profession');
    assert.match(page.body, /Allied health: podiatry retired/);
    assert.match(page.body, /Allied health: podiatry<\/th>\s*<td[^>]*>1<\/td>\s*<td class="nhsuk-table__cell"><strong class="nhsuk-tag nhsuk-tag--grey">\s*Retired/);

    // Retiring twice changes nothing more; adding its name again points to restoring it.
    await client.post(`/admin/taxonomies/profession/terms/${podiatry.id}/retire`, {}, { from: '/admin/taxonomies/profession' });
    assert.equal((await audits('taxonomy_term.retired', podiatry.id)).length, 1);
    const again = await client.post('/admin/taxonomies/profession/terms', { label: 'Allied health: podiatry' }, { from: '/admin/taxonomies/profession' });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /A term with this name already exists\. It is retired: restore it instead/);

    const restored = await client.post(`/admin/taxonomies/profession/terms/${podiatry.id}/restore`, {}, { from: '/admin/taxonomies/profession' });
    assert.equal(restored.statusCode, 302);
    assert.equal((await term('profession', 'podiatry')).retired_at, null);
    assert.equal((await listTermsForForms(t.db)).profession.some((p) => p.id === podiatry.id), true);
    assert.equal((await audits('taxonomy_term.restored', podiatry.id)).length, 1);
  });

  test('a term of another taxonomy, or no term at all, is not found', async () => {
    const client = await signedIn(platformAdmin.id);
    const nursing = await term('profession', 'nursing');
    const wrong = await client.post(`/admin/taxonomies/band/terms/${nursing.id}/retire`, {}, { from: '/admin/taxonomies/band' });
    assert.equal(wrong.statusCode, 404);
    assert.equal((await term('profession', 'nursing')).retired_at, null);
    assert.equal((await client.get(`/admin/taxonomies/band/terms/${nursing.id}`)).statusCode, 404);
  });

  test('terms are never deleted', async () => {
    const client = await signedIn(platformAdmin.id);
    const nursing = await term('profession', 'nursing');
    const response = await client.post(`/admin/taxonomies/profession/terms/${nursing.id}/delete`, {}, { from: '/admin/taxonomies/profession' });
    assert.equal(response.statusCode, 404, 'there is no delete route');
    assert.ok(await term('profession', 'nursing'));
  });
});

describe('who may edit taxonomies', () => {
  test('anonymous people are sent to sign in', async () => {
    const response = await new TestClient(t.app).get('/admin/taxonomies/profession');
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fadmin%2Ftaxonomies%2Fprofession');
  });

  test('plain users and programme admins are refused, and their posts change nothing', async () => {
    const midwifery = await term('profession', 'midwifery');
    for (const user of [plainUser, programmeAdmin]) {
      const client = await signedIn(user.id);
      assert.equal((await client.get('/admin/taxonomies')).statusCode, 403);
      assert.equal((await client.get('/admin/taxonomies/profession')).statusCode, 403);
      const csrf = await client.csrfToken('/account');
      assert.equal((await client.post('/admin/taxonomies/profession/terms', { label: 'Sneaky profession' }, { csrf })).statusCode, 403);
      assert.equal((await client.post(`/admin/taxonomies/profession/terms/${midwifery.id}`, { label: 'Renamed' }, { csrf })).statusCode, 403);
      assert.equal((await client.post(`/admin/taxonomies/profession/terms/${midwifery.id}/retire`, {}, { csrf })).statusCode, 403);
    }
    const after = await term('profession', 'midwifery');
    assert.equal(after.label, 'Midwifery');
    assert.equal(after.retired_at, null);
    assert.equal((await t.db.selectFrom('taxonomy_terms').select('id').where('label', '=', 'Sneaky profession').execute()).length, 0);
  });
});
