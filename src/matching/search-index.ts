// An in-memory index of one programme's approved mentors, for ranked, explained search in a few
// milliseconds over a very large register (docs/adr/0003-mentor-search-index.md). PostgreSQL stays
// the source of truth: the index is rebuilt at start and kept current by change notifications.
//
// Fields live in typed-array columns (columns.ts); a search is first compiled into lookup tables
// (query-plan.ts), then one pass over the candidates filters, counts and scores each with a few
// array reads. Free text goes through posting lists (a mentor must match at least one query word
// and ranks higher the more it matches). The score is the same sum as scoring.ts's scoreFit, which
// the tests check; the best `offset + limit` are kept in a small heap, and a candidate that cannot
// beat the heap's worst is dropped before any name comparison.
import type { BitSet } from './bitset.ts';
import { Columns, LIVE, OFFERED, PAUSED, ROOM } from './columns.ts';
import { NameOrder } from './name-order.ts';
import { Postings } from './postings.ts';
import { FILTER_BITS, planQuery, type QueryPlan } from './query-plan.ts';
import { countRelaxations, scan, type Candidates, type Scratch } from './scan.ts';
import type { MenteeNeeds, MentorTraits, TextMatch } from './scoring.ts';
import { tokenize, Vocabulary } from './text.ts';

export const mentoringTypeBits = { traditional: 1, reverse: 2, peer: 4 } as const;

export interface IndexedMentor {
  userId: string;
  fullName: string;
  jobTitle: string;
  organisation: string;
  town: string;
  bio: string;
  traits: MentorTraits;
  languages: BitSet;
  dimensions: BitSet;
  /** mentoringTypeBits ORed together. */
  mentoringTypes: number;
  capacity: number;
  /** Active relationships: a mentor whose capacity is taken up is full and never offered. */
  activeMentees: number;
  /** Chemistry invitations accepted or met and undecided: they may become mentees soon. */
  pendingMentees: number;
  isPaused: boolean;
  /** Words of the job title, bio, organisation and areas, for free text. */
  searchText: string;
}

export interface SearchFilters {
  professionIds: number[];
  regionIds: number[];
  careSettingIds: number[];
  bandRanks: number[];
  /** Mentors must help with all of these. */
  helpAreas: BitSet | null;
  /** Mentors must offer all of these leadership dimensions. */
  dimensions: BitSet | null;
  /** Mentors must speak at least one of these. */
  languages: BitSet | null;
  /** Mentors must offer at least one of these. */
  meetingModes: BitSet | null;
  mentoringType: number | null;
  hasRoomNow: boolean;
}

export type FilterName = keyof SearchFilters | 'text';

export const noFilters = (): SearchFilters => ({
  professionIds: [], regionIds: [], careSettingIds: [], bandRanks: [], helpAreas: null, dimensions: null, languages: null, meetingModes: null, mentoringType: null, hasRoomNow: false,
});

export interface SearchRequest {
  needs: MenteeNeeds;
  text: string;
  filters: SearchFilters;
  /** Mentors this mentee already has an open invitation or relationship with. */
  exclude: ReadonlySet<string>;
  offset: number;
  limit: number;
}

export interface SearchHit {
  mentor: IndexedMentor;
  score: number;
  textMatch: TextMatch;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** When nothing matched: how many results dropping each active filter would give. */
  relaxations: { filter: FilterName; total: number }[];
}

type ValueColumn = 'profession' | 'region' | 'careSetting' | 'band';

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
    return this.withScratch(request, (plan, text) => {
      const ranks = this.names.settle(this.mentors.length);
      const { total, heap } = scan(this.columns, plan, this.scratch, this.candidates(request.filters, text), ranks, request.offset + request.limit);
      const hits = heap.sorted(this.mentors).map((entry) => ({ mentor: entry.mentor, score: entry.score, textMatch: { matched: entry.matched, total: plan.textTotal } }));
      return { total, hits: hits.slice(request.offset), relaxations: total === 0 ? this.relaxations(plan) : [] };
    });
  }

  /** How many mentors the request matches, without ranking them. */
  count(request: SearchRequest): number {
    return this.withScratch(request, (plan, text) => scan(this.columns, plan, this.scratch, this.candidates(request.filters, text), this.names.ranks, 0).total);
  }

  /** Plans the search, marks its exclusions and counts its words, and always clears them after. */
  private withScratch<T>(request: SearchRequest, run: (plan: QueryPlan, text: Candidates | null) => T): T {
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
    const text = tokens.length > 0 ? this.countWords(tokens) : null;
    try {
      return run(planQuery(this.columns, request.needs, request.filters, tokens.length), text);
    } finally {
      for (const [slot, saved] of hidden) flags[slot] = saved;
      if (text?.slots) for (let i = 0; i < text.length; i += 1) counts[text.slots[i] ?? 0] = 0;
      else if (text) counts.fill(0, 0, n);
    }
  }

  /**
   * Counts the query words each mentor has (into scratch.counts). Returns the mentors with any, as
   * a list — or, when most of the register matches, as "every slot" (a list would cost more).
   */
  private countWords(tokens: string[]): Candidates {
    const lists = tokens.map((token) => this.words.get(this.vocabulary.lookup(token)));
    const counts = this.scratch.counts;
    const dense = lists.reduce((sum, list) => sum + list.length, 0) > this.mentors.length / 4;
    const touched = this.pool;
    let length = 0;
    for (const list of lists) {
      for (let i = 0; i < list.length; i += 1) {
        const slot = list[i] ?? 0;
        if (!dense && counts[slot] === 0) touched[length++] = slot;
        counts[slot] = (counts[slot] ?? 0) + 1;
      }
    }
    return dense ? { slots: null, length: this.mentors.length } : { slots: touched.slice(0, length), length };
  }

  /** Where to start: the smallest of the word matches and each value filter's posting lists. */
  private candidates(filters: SearchFilters, text: Candidates | null): Candidates {
    let best: Candidates = text ?? { slots: null, length: this.mentors.length };
    let bestLists: readonly (readonly number[])[] | null = null;
    const byValue: [ValueColumn, number[]][] = [['profession', filters.professionIds], ['region', filters.regionIds], ['careSetting', filters.careSettingIds], ['band', filters.bandRanks]];
    for (const [column, wanted] of byValue) {
      if (wanted.length === 0) continue;
      const keys = [...new Set(wanted)];
      const size = this.values[column].sizeOf(keys);
      if (size < best.length) {
        best = { slots: null, length: size };
        bestLists = keys.map((key) => this.values[column].get(key));
      }
    }
    if (!bestLists) return best;
    const slots = new Int32Array(best.length);
    let at = 0;
    for (const list of bestLists) for (let i = 0; i < list.length; i += 1) slots[at++] = list[i] ?? 0;
    return { slots, length: at };
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
