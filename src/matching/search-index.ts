// An in-memory index of one programme's approved mentors, for ranked, explained search in a few
// milliseconds over a very large register (docs/adr/0003-mentor-search-index.md). PostgreSQL stays
// the source of truth: the index is rebuilt at start and kept current by change notifications.
//
// Fields live in typed-array columns (columns.ts); a search is first compiled into lookup tables
// (query-plan.ts), then one pass over the candidates filters, counts and scores each with a few
// array reads (scan.ts). Free text goes through posting lists (a mentor must match at least one
// query word and ranks higher the more it matches; candidates.ts picks where a search starts). The
// score is the same sum as scoring.ts's scoreFit, which the tests check; the best `offset + limit`
// are kept in a small heap (top-k.ts), and a candidate that cannot beat the heap's worst is dropped
// before any name comparison. The modules depend one way: query-plan and candidates, then scan
// (with top-k), then this index; the shapes they share are in search-types.ts.
import { countWords, narrowest, type Candidates, type ValueColumn } from './candidates.ts';
import { Columns, LIVE, OFFERED, PAUSED, ROOM } from './columns.ts';
import { NameOrder } from './name-order.ts';
import { Postings } from './postings.ts';
import { FILTER_BITS, planQuery, type QueryPlan } from './query-plan.ts';
import { countRelaxations, scan, type Scratch } from './scan.ts';
import type { FilterName, IndexedMentor, SearchRequest, SearchResult } from './search-types.ts';
import { tokenize, Vocabulary } from './text.ts';

let versions = 0;
/** One counter for every index in the process: a rebuilt index never repeats an old version. */
function nextVersion(): number {
  versions += 1;
  return versions;
}

export class MentorIndex {
  private readonly columns = new Columns();
  private readonly mentors: (IndexedMentor | undefined)[] = [];
  private readonly tokensOf: (number[] | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly vocabulary = new Vocabulary();
  private readonly words = new Postings();
  private readonly names = new NameOrder((slot) => this.mentors[slot]);
  private readonly values: Record<ValueColumn, Postings> = { profession: new Postings(), region: new Postings(), careSetting: new Postings(), band: new Postings() };
  // Scratch space reused by every search (a search runs start to finish without yielding).
  private scratch: Scratch = { counts: new Uint8Array(0) };
  private pool = new Int32Array(0);

  /**
   * Changes whenever the index does (and differs between any two index objects), so a cache of
   * anything computed from it — a rendered results page — knows when it is stale.
   */
  version = nextVersion();

  get size(): number {
    return this.slotOf.size;
  }

  get(userId: string): IndexedMentor | undefined {
    const slot = this.slotOf.get(userId);
    return slot === undefined ? undefined : this.mentors[slot];
  }

  upsert(mentor: IndexedMentor): void {
    this.remove(mentor.userId);
    this.version = nextVersion();
    const slot = this.freeSlots.pop() ?? this.mentors.length;
    const c = this.columns;
    c.ensure(slot);
    const t = mentor.traits;
    c.profession[slot] = t.professionId;
    c.careSetting[slot] = t.careSettingId;
    c.region[slot] = t.regionId;
    c.band[slot] = t.bandRank;
    c.codeLimit = Math.max(c.codeLimit, t.professionId + 1, t.careSettingId + 1, t.regionId + 1, t.bandRank + 1);
    c.capacity[slot] = mentor.capacity;
    c.active[slot] = mentor.activeMentees;
    c.pending[slot] = mentor.pendingMentees;
    c.types[slot] = mentor.mentoringTypes;
    const offered = !mentor.isPaused && mentor.activeMentees < mentor.capacity;
    const room = offered && mentor.activeMentees + mentor.pendingMentees < mentor.capacity;
    c.flags[slot] = LIVE | (mentor.isPaused ? PAUSED : 0) | (offered ? OFFERED : 0) | (room ? ROOM : 0);
    c.helpAreas.write(slot, t.helpAreas, c.slots);
    c.modes.write(slot, t.meetingModes, c.slots);
    c.languages.write(slot, mentor.languages, c.slots);
    c.dimensions.write(slot, mentor.dimensions, c.slots);
    const tokens = [...new Set(tokenize(mentor.searchText).map((token) => this.vocabulary.idOf(token)))];
    this.mentors[slot] = mentor;
    this.tokensOf[slot] = tokens;
    this.slotOf.set(mentor.userId, slot);
    for (const token of tokens) this.words.add(token, slot);
    for (const column of Object.keys(this.values) as ValueColumn[]) this.values[column].add(c[column][slot] ?? -1, slot);
    this.names.grow(c.slots);
    this.names.add(slot);
  }

  remove(userId: string): void {
    const slot = this.slotOf.get(userId);
    if (slot === undefined) return;
    this.version = nextVersion();
    const c = this.columns;
    this.names.remove(slot);
    for (const token of this.tokensOf[slot] ?? []) this.words.remove(token, slot);
    for (const column of Object.keys(this.values) as ValueColumn[]) this.values[column].remove(c[column][slot] ?? -1, slot);
    c.flags[slot] = 0;
    for (const column of [c.helpAreas, c.modes, c.languages, c.dimensions]) column.clear(slot);
    this.mentors[slot] = undefined;
    this.tokensOf[slot] = undefined;
    this.slotOf.delete(userId);
    this.freeSlots.push(slot);
  }

  search(request: SearchRequest): SearchResult {
    return this.withScratch(request, (plan, candidates) => {
      const ranks = this.names.settle(this.mentors.length);
      const { total, heap } = scan(this.columns, plan, this.scratch, candidates, ranks, request.offset + request.limit);
      const hits = heap.sorted(this.mentors).map((entry) => ({ mentor: entry.mentor, score: entry.score, textMatch: { matched: entry.matched, total: plan.textTotal } }));
      return { total, hits: hits.slice(request.offset), relaxations: total === 0 ? this.relaxations(plan) : [] };
    });
  }

  /** How many mentors the request matches, without ranking them. */
  count(request: SearchRequest): number {
    return this.withScratch(request, (plan, candidates) => scan(this.columns, plan, this.scratch, candidates, this.names.ranks, 0).total);
  }

  /** Plans the search, marks its exclusions, counts its words and picks its candidates, and always clears them after. */
  private withScratch<T>(request: SearchRequest, run: (plan: QueryPlan, candidates: Candidates) => T): T {
    const n = this.mentors.length;
    if (this.scratch.counts.length < n) {
      this.scratch = { counts: new Uint8Array(this.columns.slots) };
      this.pool = new Int32Array(this.columns.slots);
    }
    const { counts } = this.scratch;
    const flags = this.columns.flags;
    // Excluded mentors are hidden by clearing their "offered" flag for this search only: one
    // array read fewer per candidate in the inner loop.
    const hidden: [number, number][] = [];
    for (const userId of request.exclude) {
      const slot = this.slotOf.get(userId);
      if (slot !== undefined) hidden.push([slot, flags[slot] ?? 0]);
    }
    for (const [slot, saved] of hidden) flags[slot] = saved & ~(OFFERED | ROOM);
    const tokens = [...new Set(tokenize(request.text))];
    const text = tokens.length > 0 ? countWords(tokens.map((token) => this.words.get(this.vocabulary.lookup(token))), counts, this.pool, n) : null;
    try {
      return run(planQuery(this.columns, request.needs, request.filters, tokens.length), narrowest(request.filters, text, this.values, n));
    } finally {
      for (const [slot, saved] of hidden) flags[slot] = saved;
      if (text?.slots) for (let i = 0; i < text.length; i += 1) counts[text.slots[i] ?? 0] = 0;
      else if (text) counts.fill(0, 0, n);
    }
  }

  /** When nothing matches: how many results dropping each filter alone would give, most first. */
  private relaxations(plan: QueryPlan): { filter: FilterName; total: number }[] {
    const totals = countRelaxations(this.columns, plan, this.scratch, this.mentors.length);
    return (Object.keys(FILTER_BITS) as FilterName[])
      .map((filter) => ({ filter, total: totals.get(FILTER_BITS[filter]) ?? 0 }))
      .filter((relaxation) => relaxation.total > 0)
      .sort((a, b) => b.total - a.total);
  }
}
