// The index against the slow, obvious answer for every kind of filter, exclusions, "has room now",
// the one-pass counts of what dropping each filter would give, and a register that changes between
// searches (new mentors, renames, removals) — the paths the inner loop and its candidate lists take.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { containsAll, intersects, newBitSet, setBit, type BitSet } from './bitset.ts';
import { fictionalMentee, fictionalMentor, randomWords, seededRandom, SIZES } from '../../test/support/mentor-fixtures.ts';
import { MentorIndex } from './search-index.ts';
import { noFilters, type FilterName, type IndexedMentor, type SearchFilters, type SearchRequest } from './search-types.ts';
import { scoreFit } from './scoring.ts';
import { tokenize } from './text.ts';

function passes(m: IndexedMentor, f: SearchFilters, skip: FilterName | null): boolean {
  const on = (name: FilterName) => skip !== name;
  return (
    (!on('professionIds') || f.professionIds.length === 0 || f.professionIds.includes(m.traits.professionId)) &&
    (!on('regionIds') || f.regionIds.length === 0 || f.regionIds.includes(m.traits.regionId)) &&
    (!on('careSettingIds') || f.careSettingIds.length === 0 || f.careSettingIds.includes(m.traits.careSettingId)) &&
    (!on('bandRanks') || f.bandRanks.length === 0 || f.bandRanks.includes(m.traits.bandRank)) &&
    (!on('helpAreas') || !f.helpAreas || containsAll(m.traits.helpAreas, f.helpAreas)) &&
    (!on('dimensions') || !f.dimensions || containsAll(m.dimensions, f.dimensions)) &&
    (!on('languages') || !f.languages || intersects(m.languages, f.languages)) &&
    (!on('meetingModes') || !f.meetingModes || intersects(m.traits.meetingModes, f.meetingModes)) &&
    (!on('mentoringType') || f.mentoringType === null || (m.mentoringTypes & f.mentoringType) !== 0) &&
    (!on('hasRoomNow') || !f.hasRoomNow || m.activeMentees + m.pendingMentees < m.capacity)
  );
}

/** Every match, best first, and how many each dropped filter would give — the slow way. */
function bruteForce(mentors: IndexedMentor[], req: SearchRequest) {
  const query = [...new Set(tokenize(req.text))];
  const offered = mentors.filter((m) => !m.isPaused && m.activeMentees < m.capacity && !req.exclude.has(m.userId));
  const matchedOf = (m: IndexedMentor) => {
    const words = new Set(tokenize(m.searchText));
    return query.filter((q) => words.has(q)).length;
  };
  const ranked = offered
    .filter((m) => passes(m, req.filters, null) && (query.length === 0 || matchedOf(m) > 0))
    .map((m) => ({ m, score: scoreFit(req.needs, m.traits, { matched: matchedOf(m), total: query.length }) }))
    .sort((a, b) => (a.score !== b.score ? b.score - a.score : a.m.fullName < b.m.fullName ? -1 : 1));
  const dropped = (skip: FilterName) => offered.filter((m) => passes(m, req.filters, skip) && (skip === 'text' || query.length === 0 || matchedOf(m) > 0)).length;
  return { ranked, dropped };
}

function bits(random: () => number, size: number, count: number): BitSet {
  const set = newBitSet(size);
  for (let i = 0; i < count; i += 1) setBit(set, Math.floor(random() * size));
  return set;
}

function randomFilters(random: () => number, round: number): SearchFilters {
  const f = noFilters();
  const pick = (size: number) => Math.floor(random() * size);
  if (round % 2 === 0) f.regionIds = [pick(SIZES.regions)];
  if (round % 3 === 0) f.professionIds = [pick(SIZES.professions), pick(SIZES.professions)];
  if (round % 4 === 0) f.careSettingIds = [pick(SIZES.settings)];
  if (round % 5 === 0) f.bandRanks = [pick(SIZES.bands), pick(SIZES.bands), pick(SIZES.bands)];
  if (round % 6 === 1) f.helpAreas = bits(random, SIZES.helpAreas, 1);
  if (round % 7 === 2) f.dimensions = bits(random, SIZES.dimensions, 1);
  if (round % 5 === 3) f.languages = bits(random, SIZES.languages, 3);
  if (round % 4 === 1) f.meetingModes = bits(random, SIZES.modes, 1);
  if (round % 3 === 2) f.mentoringType = 1 + pick(7);
  f.hasRoomNow = round % 4 === 3;
  return f;
}

describe('mentor search index, every filter against the slow answer', () => {
  test('totals, order and "drop this filter" counts agree with a brute-force search', () => {
    const random = seededRandom(31);
    const mentors = Array.from({ length: 4000 }, (_, n) => fictionalMentor(random, n));
    const index = new MentorIndex();
    for (const mentor of mentors) index.upsert(mentor);
    let emptyRounds = 0;
    for (let round = 0; round < 60; round += 1) {
      const exclude = new Set(mentors.slice(round * 7, round * 7 + 30).map((m) => m.userId));
      const req: SearchRequest = {
        needs: { ...fictionalMentee(random), mentoringType: (['traditional', 'reverse', 'peer'] as const)[round % 3] ?? 'traditional' },
        text: round % 3 === 0 ? randomWords(random, 1 + (round % 4)) : round % 10 === 1 ? 'zzznothing' : '',
        filters: randomFilters(random, round),
        exclude,
        offset: round % 5 === 0 ? 20 : 0,
        limit: 20,
      };
      const { ranked, dropped } = bruteForce(mentors, req);
      const result = index.search(req);
      assert.equal(result.total, ranked.length, `round ${round}: total`);
      assert.deepEqual(result.hits.map((h) => h.mentor.userId), ranked.slice(req.offset, req.offset + req.limit).map((r) => r.m.userId), `round ${round}: order`);
      assert.deepEqual(result.hits.map((h) => h.score), ranked.slice(req.offset, req.offset + req.limit).map((r) => r.score), `round ${round}: scores`);
      assert.equal(index.count(req), ranked.length, `round ${round}: count`);
      if (result.total === 0) {
        emptyRounds += 1;
        assert.ok(result.relaxations.length > 0, `round ${round}: something to relax`);
        for (const { filter, total } of result.relaxations) assert.equal(total, dropped(filter), `round ${round}: dropping ${filter}`);
        const names = new Set(result.relaxations.map((r) => r.filter));
        for (const filter of ['regionIds', 'professionIds', 'text'] as FilterName[]) if (!names.has(filter)) assert.equal(dropped(filter), 0, `round ${round}: ${filter} left out`);
      }
    }
    assert.ok(emptyRounds >= 3, 'the searches included some that match nobody');
  });

  test('still right after mentors are added, renamed, filled up and removed between searches', () => {
    const random = seededRandom(5);
    let mentors = Array.from({ length: 1500 }, (_, n) => fictionalMentor(random, n));
    const index = new MentorIndex();
    for (const mentor of mentors) index.upsert(mentor);
    const req = (round: number): SearchRequest => ({
      needs: fictionalMentee(seededRandom(round)), text: round % 2 ? randomWords(random, 2) : '', filters: randomFilters(random, round), exclude: new Set(), offset: 0, limit: 25,
    });
    for (let round = 0; round < 30; round += 1) {
      // A few changes of each kind, as notifications would bring them.
      for (let i = 0; i < 5; i += 1) {
        const at = Math.floor(random() * mentors.length);
        const old = mentors[at];
        if (!old) continue;
        const changed = { ...old, fullName: `${String.fromCharCode(65 + Math.floor(random() * 26))}${old.fullName}`, activeMentees: Math.floor(random() * 3) };
        mentors[at] = changed;
        index.upsert(changed);
      }
      const removed = mentors[Math.floor(random() * mentors.length)];
      if (removed) {
        index.remove(removed.userId);
        mentors = mentors.filter((m) => m.userId !== removed.userId);
      }
      const added = fictionalMentor(random, 10_000 + round);
      mentors.push(added);
      index.upsert(added);
      const request = req(round);
      const { ranked } = bruteForce(mentors, request);
      const result = index.search(request);
      assert.equal(result.total, ranked.length, `round ${round}: total`);
      assert.deepEqual(result.hits.map((h) => h.mentor.userId), ranked.slice(0, 25).map((r) => r.m.userId), `round ${round}: order`);
    }
    assert.equal(index.size, mentors.length);
  });
});
