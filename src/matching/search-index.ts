// An in-memory index of one programme's approved mentors, for ranked, explained search in a few
// milliseconds over a very large register (docs/adr/0003-mentor-search-index.md). PostgreSQL stays
// the source of truth: the index is rebuilt at start and kept current by change notifications.
//
// Fields live in typed-array columns (columns.ts); filters are integer and bitset tests; free text
// goes through posting lists (a mentor must match at least one query word and ranks higher the
// more it matches); the fit score is computed inline — the same sum as scoring.ts's scoreFit, which
// the tests check — and the best `offset + limit` are kept in a small heap.
import type { BitSet } from './bitset.ts';
import { Columns, LIVE, PAUSED, type BitColumn } from './columns.ts';
import { weights, type MenteeNeeds, type MentorTraits, type TextMatch } from './scoring.ts';
import { TopK } from './top-k.ts';
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

/** A bitset filter spread to a column's width; `null` when the filter is off. */
function fit(set: BitSet | null, column: BitColumn): Uint32Array | null {
  if (!set) return null;
  const words = new Uint32Array(column.width);
  for (let i = 0; i < Math.min(set.length, column.width); i += 1) words[i] = set[i] ?? 0;
  return words;
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class MentorIndex {
  private readonly columns = new Columns();
  private readonly mentors: (IndexedMentor | undefined)[] = [];
  private readonly tokensOf: (number[] | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly vocabulary = new Vocabulary();
  private counts = new Uint8Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  get(userId: string): IndexedMentor | undefined {
    const slot = this.slotOf.get(userId);
    return slot === undefined ? undefined : this.mentors[slot];
  }

  upsert(mentor: IndexedMentor): void {
    this.remove(mentor.userId);
    const slot = this.freeSlots.pop() ?? this.mentors.length;
    const c = this.columns;
    c.ensure(slot);
    const t = mentor.traits;
    c.profession[slot] = t.professionId;
    c.careSetting[slot] = t.careSettingId;
    c.region[slot] = t.regionId;
    c.band[slot] = t.bandRank;
    c.capacity[slot] = mentor.capacity;
    c.active[slot] = mentor.activeMentees;
    c.pending[slot] = mentor.pendingMentees;
    c.types[slot] = mentor.mentoringTypes;
    c.flags[slot] = LIVE | (mentor.isPaused ? PAUSED : 0);
    c.helpAreas.write(slot, t.helpAreas, c.slots);
    c.modes.write(slot, t.meetingModes, c.slots);
    c.languages.write(slot, mentor.languages, c.slots);
    c.dimensions.write(slot, mentor.dimensions, c.slots);
    const tokens = [...new Set(tokenize(mentor.searchText).map((token) => this.vocabulary.idOf(token)))];
    this.mentors[slot] = mentor;
    this.tokensOf[slot] = tokens;
    this.slotOf.set(mentor.userId, slot);
    for (const token of tokens) {
      const list = this.postings.get(token);
      if (list) list.push(slot);
      else this.postings.set(token, [slot]);
    }
  }

  remove(userId: string): void {
    const slot = this.slotOf.get(userId);
    if (slot === undefined) return;
    for (const token of this.tokensOf[slot] ?? []) {
      const list = this.postings.get(token);
      const at = list ? list.indexOf(slot) : -1;
      if (list && at >= 0) list.splice(at, 1);
    }
    const c = this.columns;
    c.flags[slot] = 0;
    for (const column of [c.helpAreas, c.modes, c.languages, c.dimensions]) column.clear(slot);
    this.mentors[slot] = undefined;
    this.tokensOf[slot] = undefined;
    this.slotOf.delete(userId);
    this.freeSlots.push(slot);
  }

  search(request: SearchRequest): SearchResult {
    const queryTokens = [...new Set(tokenize(request.text))];
    const { total, hits } = this.run(request, queryTokens, null, request.offset + request.limit);
    return { total, hits: hits.slice(request.offset), relaxations: total === 0 ? this.relaxations(request, queryTokens) : [] };
  }

  private relaxations(request: SearchRequest, queryTokens: string[]): { filter: FilterName; total: number }[] {
    const f = request.filters;
    const active: FilterName[] = (
      [
        ['professionIds', f.professionIds.length > 0], ['regionIds', f.regionIds.length > 0], ['careSettingIds', f.careSettingIds.length > 0],
        ['bandRanks', f.bandRanks.length > 0], ['helpAreas', f.helpAreas !== null], ['dimensions', f.dimensions !== null],
        ['languages', f.languages !== null], ['meetingModes', f.meetingModes !== null], ['mentoringType', f.mentoringType !== null],
        ['hasRoomNow', f.hasRoomNow], ['text', queryTokens.length > 0],
      ] as [FilterName, boolean][]
    ).filter(([, on]) => on).map(([name]) => name);
    return active
      .map((filter) => ({ filter, total: this.run(request, filter === 'text' ? [] : queryTokens, filter, 0).total }))
      .filter((relaxation) => relaxation.total > 0)
      .sort((a, b) => b.total - a.total);
  }

  /** One pass over the candidates: count all that pass, keep the best `keep`. */
  private run(request: SearchRequest, queryTokens: string[], skip: FilterName | null, keep: number): { total: number; hits: SearchHit[] } {
    const c = this.columns;
    const f = request.filters;
    const n = request.needs;
    const on = (name: FilterName) => skip !== name;
    const professions = on('professionIds') && f.professionIds.length ? new Set(f.professionIds) : null;
    const regions = on('regionIds') && f.regionIds.length ? new Set(f.regionIds) : null;
    const settings = on('careSettingIds') && f.careSettingIds.length ? new Set(f.careSettingIds) : null;
    const bands = on('bandRanks') && f.bandRanks.length ? new Set(f.bandRanks) : null;
    const needAreas = on('helpAreas') ? fit(f.helpAreas, c.helpAreas) : null;
    const needDimensions = on('dimensions') ? fit(f.dimensions, c.dimensions) : null;
    const anyLanguage = on('languages') ? fit(f.languages, c.languages) : null;
    const anyMode = on('meetingModes') ? fit(f.meetingModes, c.modes) : null;
    const type = on('mentoringType') ? f.mentoringType : null;
    const roomNow = on('hasRoomNow') && f.hasRoomNow;
    const excludeSlots = new Set<number>();
    for (const userId of request.exclude) {
      const slot = this.slotOf.get(userId);
      if (slot !== undefined) excludeSlots.add(slot);
    }
    // The mentee's side of the score, at the columns' widths.
    const helpWidth = c.helpAreas.width;
    const wantAreas = fit(n.helpAreas, c.helpAreas) ?? new Uint32Array(helpWidth);
    let wanted = 0;
    for (const word of wantAreas) wanted += popcount(word);
    const wantModes = fit(n.meetingModes, c.modes) ?? new Uint32Array(c.modes.width);
    const textTotal = queryTokens.length;

    const candidates = textTotal > 0 ? this.textCandidates(queryTokens) : null;
    const limit = candidates ? candidates.length : this.mentors.length;
    const heap = new TopK(keep);
    let total = 0;
    for (let i = 0; i < limit; i += 1) {
      const slot = candidates ? (candidates[i] as number) : i;
      const flags = c.flags[slot] ?? 0;
      const capacity = c.capacity[slot] ?? 0;
      const active = c.active[slot] ?? 0;
      if ((flags & LIVE) === 0 || (flags & PAUSED) !== 0 || active >= capacity) continue;
      if (excludeSlots.size > 0 && excludeSlots.has(slot)) continue;
      const profession = c.profession[slot] ?? -1;
      const region = c.region[slot] ?? -1;
      const setting = c.careSetting[slot] ?? -1;
      const band = c.band[slot] ?? -1;
      if (professions && !professions.has(profession)) continue;
      if (regions && !regions.has(region)) continue;
      if (settings && !settings.has(setting)) continue;
      if (bands && !bands.has(band)) continue;
      if (type !== null && ((c.types[slot] ?? 0) & type) === 0) continue;
      if (roomNow && active + (c.pending[slot] ?? 0) >= capacity) continue;
      if (needAreas && !hasAll(c.helpAreas, slot, needAreas)) continue;
      if (needDimensions && !hasAll(c.dimensions, slot, needDimensions)) continue;
      if (anyLanguage && !hasAny(c.languages, slot, anyLanguage)) continue;
      if (anyMode && !hasAny(c.modes, slot, anyMode)) continue;
      total += 1;
      if (keep === 0) continue;

      // The fit score: the same components, in the same order, as scoreFit.
      const matched = candidates ? (this.counts[slot] ?? 0) : 0;
      let score = 0;
      if (wanted > 0) {
        let shared = 0;
        for (let w = 0; w < helpWidth; w += 1) shared += popcount((c.helpAreas.words[slot * helpWidth + w] ?? 0) & (wantAreas[w] ?? 0));
        score += (weights.helpAreas * shared) / wanted;
      }
      if (textTotal > 0) score += (weights.freeText * matched) / textTotal;
      let senior = 0;
      if (n.bandRank >= 0 && band >= 0) {
        const gap = band - n.bandRank;
        senior = n.mentoringType === 'reverse' ? (gap < 0 ? 1 : 0) : n.mentoringType === 'peer' ? (Math.abs(gap) <= 1 ? 1 : 0) : gap > 0 ? 1 : 0;
      }
      score += weights.seniority * senior;
      if (n.careSettingId >= 0 && setting >= 0 && (n.careSettingId === setting) !== n.prefersOtherSetting) score += weights.careSetting;
      if (hasAny(c.modes, slot, wantModes)) score += weights.meetingModes;
      if (n.professionId >= 0 && profession >= 0 && (n.professionId === profession) !== n.prefersOtherProfession) score += weights.profession;
      if (n.regionId >= 0 && n.regionId === region) score += weights.region;
      heap.offer(score, slot, matched, this.mentors);
    }
    if (candidates) for (const slot of candidates) this.counts[slot] = 0;
    return {
      total,
      hits: heap.sorted(this.mentors).map((entry) => ({ mentor: entry.mentor, score: entry.score, textMatch: { matched: entry.matched, total: textTotal } })),
    };
  }

  /** Mentors matching at least one query word; counts[slot] holds how many they match. */
  private textCandidates(queryTokens: string[]): number[] {
    if (this.counts.length < this.mentors.length) this.counts = new Uint8Array(Math.max(this.mentors.length, this.counts.length * 2));
    const touched: number[] = [];
    for (const token of queryTokens) {
      const id = this.vocabulary.lookup(token);
      for (const slot of id < 0 ? [] : (this.postings.get(id) ?? [])) {
        if (this.counts[slot] === 0) touched.push(slot);
        this.counts[slot] = (this.counts[slot] ?? 0) + 1;
      }
    }
    return touched;
  }
}

function hasAll(column: BitColumn, slot: number, need: Uint32Array): boolean {
  const base = slot * column.width;
  for (let w = 0; w < column.width; w += 1) {
    const bits = need[w] ?? 0;
    if (((column.words[base + w] ?? 0) & bits) !== bits) return false;
  }
  return true;
}

function hasAny(column: BitColumn, slot: number, any: Uint32Array): boolean {
  const base = slot * column.width;
  for (let w = 0; w < column.width; w += 1) if (((column.words[base + w] ?? 0) & (any[w] ?? 0)) !== 0) return true;
  return false;
}
