import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newBitSet, setBit } from './bitset.ts';
import { fictionalMentee, fictionalMentor, randomWords, seededRandom } from '../../test/support/mentor-fixtures.ts';
import { MentorIndex } from './search-index.ts';
import { noFilters, type IndexedMentor, type SearchRequest } from './search-types.ts';
import { scoreFit } from './scoring.ts';
import { tokenize } from './text.ts';

function buildIndex(count: number, seed = 7): { index: MentorIndex; mentors: IndexedMentor[] } {
  const random = seededRandom(seed);
  const index = new MentorIndex();
  const mentors = Array.from({ length: count }, (_, n) => fictionalMentor(random, n));
  for (const mentor of mentors) index.upsert(mentor);
  return { index, mentors };
}

function request(overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { needs: fictionalMentee(seededRandom(3)), text: '', filters: noFilters(), exclude: new Set(), offset: 0, limit: 20, ...overrides };
}

/** What the index must return, computed the slow, obvious way. */
function bruteForce(mentors: IndexedMentor[], req: SearchRequest) {
  const query = [...new Set(tokenize(req.text))];
  return mentors
    .filter((m) => !m.isPaused && m.activeMentees < m.capacity && !req.exclude.has(m.userId))
    .map((m) => {
      const words = new Set(tokenize(m.searchText));
      const matched = query.filter((q) => words.has(q)).length;
      return { m, matched, score: scoreFit(req.needs, m.traits, { matched, total: query.length }) };
    })
    .filter((r) => query.length === 0 || r.matched > 0)
    .filter((r) => req.filters.regionIds.length === 0 || req.filters.regionIds.includes(r.m.traits.regionId))
    .sort((a, b) => (a.score !== b.score ? b.score - a.score : a.m.fullName < b.m.fullName ? -1 : 1));
}

describe('mentor search index', () => {
  test('ranks exactly as the scoring function does, with and without free text and filters', () => {
    const { index, mentors } = buildIndex(3000);
    const random = seededRandom(11);
    for (let round = 0; round < 25; round += 1) {
      const req = request({
        needs: fictionalMentee(random),
        text: round % 2 === 0 ? randomWords(random, 2) : '',
        filters: { ...noFilters(), regionIds: round % 3 === 0 ? [Math.floor(random() * 10)] : [] },
        offset: round % 4 === 0 ? 20 : 0,
      });
      const expected = bruteForce(mentors, req);
      const result = index.search(req);
      assert.equal(result.total, expected.length, `round ${round}: total`);
      assert.deepEqual(result.hits.map((h) => h.mentor.userId), expected.slice(req.offset, req.offset + req.limit).map((r) => r.m.userId), `round ${round}: order`);
    }
  });

  test('full, paused and excluded mentors are never offered', () => {
    const { index, mentors } = buildIndex(500);
    const excluded = new Set(mentors.slice(0, 50).map((m) => m.userId));
    const result = index.search(request({ exclude: excluded, limit: 1000 }));
    for (const hit of result.hits) {
      assert.equal(hit.mentor.isPaused, false);
      assert.ok(hit.mentor.activeMentees < hit.mentor.capacity);
      assert.equal(excluded.has(hit.mentor.userId), false);
    }
  });

  test('"has room now" also counts mentees on the way (accepted chemistry meetings)', () => {
    const { index } = buildIndex(500);
    const result = index.search(request({ filters: { ...noFilters(), hasRoomNow: true }, limit: 1000 }));
    assert.ok(result.total > 0);
    for (const hit of result.hits) assert.ok(hit.mentor.activeMentees + hit.mentor.pendingMentees < hit.mentor.capacity);
  });

  test('area filters require all chosen areas; language filters any', () => {
    const { index } = buildIndex(800);
    const areas = newBitSet(21);
    setBit(areas, 2);
    setBit(areas, 5);
    const languages = newBitSet(28);
    setBit(languages, 1);
    setBit(languages, 4);
    const result = index.search(request({ filters: { ...noFilters(), helpAreas: areas, languages }, limit: 1000 }));
    for (const hit of result.hits) {
      assert.ok((hit.mentor.traits.helpAreas[0] ?? 0) & (1 << 2) && (hit.mentor.traits.helpAreas[0] ?? 0) & (1 << 5));
      assert.ok((hit.mentor.languages[0] ?? 0) & ((1 << 1) | (1 << 4)));
    }
  });

  test('when nothing matches it says which filter to relax, most helpful first', () => {
    const { index } = buildIndex(300);
    const result = index.search(request({ text: 'zzzunknownword leadership', filters: { ...noFilters(), regionIds: [99] } }));
    assert.equal(result.total, 0);
    assert.deepEqual(result.relaxations.map((r) => r.filter), ['regionIds']);
    assert.ok((result.relaxations[0]?.total ?? 0) > 0);
  });

  test('updating and removing a mentor takes effect at once', () => {
    const { index, mentors } = buildIndex(100);
    const first = mentors[0] as IndexedMentor;
    index.upsert({ ...first, searchText: 'orthoptics specialist', isPaused: false, activeMentees: 0 });
    assert.deepEqual(index.search(request({ text: 'orthoptics' })).hits.map((h) => h.mentor.userId), [first.userId]);
    index.upsert({ ...first, searchText: 'podiatry' });
    assert.equal(index.search(request({ text: 'orthoptics' })).total, 0);
    index.remove(first.userId);
    assert.equal(index.search(request({ text: 'podiatry' })).total, 0);
    assert.equal(index.size, 99);
  });
});
