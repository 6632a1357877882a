// The search page's rendered-page cache: a repeated search is served from it with this response's
// own CSP nonce, and anything the page was made from changing — the register, the person's
// shortlist — gives a fresh page, never a stale one. Plus the cache's own size bound.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildProgramme } from '../../../test/support/builders.ts';
import { PageCache } from './page-cache.ts';
import { approvedMentee, approvedMentor, indexed } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

const nonceOf = (header: unknown) => /'nonce-([^']+)'/.exec(String(header))?.[1];

test('a repeated search carries its own nonce; a change to the register or the shortlist shows at once', async () => {
  const programme = await buildProgramme(t.db);
  const mentor = await approvedMentor(t, programme.id, { fullName: 'Nia Cached', region: 'wales' });
  await indexed(t, mentor);
  const { client } = await approvedMentee(t, programme.id);
  const search = `/programmes/${programme.id}/find-a-mentor?region=wales`;
  await client.get('/account');
  const first = await client.get(search);
  const second = await client.get(search);
  for (const page of [first, second]) {
    const nonce = nonceOf(page.headers['content-security-policy']);
    assert.ok(nonce);
    assert.ok(page.body.includes(`nonce="${nonce}"`), 'the page carries the nonce of its own response');
  }
  assert.notEqual(nonceOf(first.headers['content-security-policy']), nonceOf(second.headers['content-security-policy']));
  const withoutNonce = (body: string) => body.replace(/nonce="[^"]+"/g, '');
  assert.equal(withoutNonce(second.body), withoutNonce(first.body), 'the same page, served again');

  await t.db.updateTable('mentor_profiles').set({ job_title: 'Consultant midwife' }).where('user_id', '=', mentor.id).execute();
  await indexed(t, mentor);
  assert.match((await client.get(search)).body, /Consultant midwife/, 'the register changed: a fresh page');

  await client.post(`/programmes/${programme.id}/shortlist/${mentor.id}`, { returnTo: search }, { from: search });
  assert.match((await client.get(search)).body, /Remove from shortlist/, 'the shortlist changed: a fresh page');
});

test('the cache keeps within its size, dropping the least recently used page first', () => {
  const cache = new PageCache(3 * 100);
  const page = (n: number) => `${String(n).padStart(100, '0')}`;
  cache.set('a', 'v', page(1));
  cache.set('b', 'v', page(2));
  cache.set('c', 'v', page(3));
  assert.ok(cache.get('a', 'v', 'n'), 'a is now the most recently used');
  cache.set('d', 'v', page(4));
  assert.equal(cache.get('b', 'v', 'n'), undefined, 'b was the least recently used');
  assert.ok(cache.get('a', 'v', 'n'));
  assert.equal(cache.get('a', 'other', 'n'), undefined, 'a different validity is a miss');
  assert.equal(cache.get('c', 'v', 'n')?.toString('utf8'), page(3));
  cache.set('e', 'v', `a${cache.nonceMarker}b${cache.nonceMarker}c`);
  assert.equal(cache.get('e', 'v', 'NONCE')?.toString('utf8'), 'aNONCEbNONCEc', 'the nonce goes back wherever the marker was');
});
