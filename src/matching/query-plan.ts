// A search turned into what the index's inner loop reads (docs/adr/0003): each filter as a lookup
// table or a bit mask, and the mentee's side of the fit score as tables of points, so scoring a
// candidate is a handful of array reads and additions — no closures, Sets or function calls.
//
// The points are computed with the very expressions of scoring.ts's scoreFit and added in its
// order, so the index's score is the same double, bit for bit, and the ranking the same
// (search-index.test.ts checks it against a brute-force ranking with scoreFit).
import type { BitColumn } from './bit-column.ts';
import { popcount, type BitSet } from './bitset.ts';
import type { Columns } from './columns.ts';
import { weights, type MenteeNeeds } from './scoring.ts';
import type { FilterName, SearchFilters } from './search-types.ts';

/** One bit per filter, to count in one pass what dropping each filter would give. */
export const FILTER_BITS: Record<FilterName, number> = {
  professionIds: 1, regionIds: 2, careSettingIds: 4, bandRanks: 8, helpAreas: 16, dimensions: 32,
  languages: 64, meetingModes: 128, mentoringType: 256, hasRoomNow: 512, text: 1024,
};

export interface QueryPlan {
  /** 1 where the filter allows the code (indexed by code + 1, so "none" (-1) is 0); null when off. */
  professions: Uint8Array | null;
  regions: Uint8Array | null;
  settings: Uint8Array | null;
  bands: Uint8Array | null;
  types: number;
  hasRoomNow: boolean;
  areasAll: Uint32Array | null;
  dimensionsAll: Uint32Array | null;
  languagesAny: Uint32Array | null;
  modesAny: Uint32Array | null;

  wantAreas: Uint32Array;
  wanted: number;
  /** Points for sharing n of the mentee's areas, n = 0..wanted. */
  areaPoints: Float64Array;
  wantModes: Uint32Array;
  textTotal: number;
  /** Points for matching n of the query's words, n = 0..textTotal. */
  textPoints: Float64Array;
  /** Points per band rank, setting, profession and region (indexed by value + 1). */
  seniorPoints: Float64Array;
  settingPoints: Float64Array;
  professionPoints: Float64Array;
  regionPoints: Float64Array;
}

/** A bitset at a column's width (a taxonomy may have grown since the set was made). */
export function spread(set: BitSet | null, column: BitColumn): Uint32Array | null {
  if (!set) return null;
  const words = new Uint32Array(column.width);
  for (let i = 0; i < Math.min(set.length, column.width); i += 1) words[i] = set[i] ?? 0;
  return words;
}

function allowed(values: number[], size: number): Uint8Array | null {
  if (values.length === 0) return null;
  const table = new Uint8Array(size);
  for (const value of values) if (value + 1 >= 0 && value + 1 < size) table[value + 1] = 1;
  return table;
}

function seniorityFit(mentee: MenteeNeeds, band: number): number {
  if (mentee.bandRank < 0 || band < 0) return 0;
  const gap = band - mentee.bandRank;
  if (mentee.mentoringType === 'reverse') return gap < 0 ? 1 : 0;
  if (mentee.mentoringType === 'peer') return Math.abs(gap) <= 1 ? 1 : 0;
  return gap > 0 ? 1 : 0;
}

/**
 * Points for a single-valued answer (scoreFit gives them only when both sides have one): `points`
 * when "the same as the mentee's" is what they asked for — or, with `other`, when it is not.
 */
function matchPoints(size: number, mine: number, other: boolean, points: number): Float64Array {
  const table = new Float64Array(size);
  if (mine < 0) return table;
  for (let value = 0; value + 1 < size; value += 1) if ((value === mine) !== other) table[value + 1] = points;
  return table;
}

export function planQuery(columns: Columns, needs: MenteeNeeds, filters: SearchFilters, textTotal: number): QueryPlan {
  const size = columns.codeLimit + 1;
  const plan: QueryPlan = {
    professions: allowed(filters.professionIds, size),
    regions: allowed(filters.regionIds, size),
    settings: allowed(filters.careSettingIds, size),
    bands: allowed(filters.bandRanks, size),
    types: filters.mentoringType ?? -1,
    hasRoomNow: filters.hasRoomNow,
    areasAll: spread(filters.helpAreas, columns.helpAreas),
    dimensionsAll: spread(filters.dimensions, columns.dimensions),
    languagesAny: spread(filters.languages, columns.languages),
    modesAny: spread(filters.meetingModes, columns.modes),
    wantAreas: spread(needs.helpAreas, columns.helpAreas) ?? new Uint32Array(columns.helpAreas.width),
    wanted: 0,
    areaPoints: new Float64Array(0),
    wantModes: spread(needs.meetingModes, columns.modes) ?? new Uint32Array(columns.modes.width),
    textTotal,
    textPoints: new Float64Array(textTotal + 1),
    seniorPoints: new Float64Array(size),
    settingPoints: matchPoints(size, needs.careSettingId, needs.prefersOtherSetting, weights.careSetting),
    professionPoints: matchPoints(size, needs.professionId, needs.prefersOtherProfession, weights.profession),
    regionPoints: matchPoints(size, needs.regionId, false, weights.region),
  };
  for (const word of plan.wantAreas) plan.wanted += popcount(word);
  plan.areaPoints = new Float64Array(plan.wanted + 1);
  for (let shared = 1; shared <= plan.wanted; shared += 1) plan.areaPoints[shared] = (weights.helpAreas * shared) / plan.wanted;
  for (let matched = 1; matched <= textTotal; matched += 1) plan.textPoints[matched] = (weights.freeText * matched) / textTotal;
  for (let band = -1; band + 1 < size; band += 1) plan.seniorPoints[band + 1] = weights.seniority * seniorityFit(needs, band);
  return plan;
}
