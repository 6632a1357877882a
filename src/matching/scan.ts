// The index's inner loops, over typed-array columns and a compiled query plan (query-plan.ts): one
// pass that filters, counts and scores candidates into a top-k heap, and one that counts, when
// nothing matched, what dropping each filter alone would give. Hot code: plain loops and array
// reads only; the score adds scoreFit's components in scoreFit's order, so it is the same double.
import { hasAll, hasAny, shared } from './bit-column.ts';
import type { Candidates } from './candidates.ts';
import { popcount } from './bitset.ts';
import { OFFERED, ROOM, type Columns } from './columns.ts';
import { FILTER_BITS, type QueryPlan } from './query-plan.ts';
import { weights } from './scoring.ts';
import { TopK } from './top-k.ts';

export interface Scratch {
  /** Query words each slot matched (0 for none); all zero between searches. */
  counts: Uint8Array;
}

export function scan(c: Columns, plan: QueryPlan, scratch: Scratch, candidates: Candidates, nameRanks: Float64Array, keep: number): { total: number; heap: TopK } {
  const { flags, profession, region, careSetting, band, types } = c;
  const { counts } = scratch;
  const need = OFFERED | (plan.hasRoomNow ? ROOM : 0);
  const { professions, regions, settings, bands, areasAll, dimensionsAll, languagesAny, modesAny, wantAreas, wantModes } = plan;
  const { areaPoints, textPoints, seniorPoints, settingPoints, professionPoints, regionPoints, wanted, textTotal } = plan;
  const typeMask = plan.types;
  const hasText = textTotal > 0;
  // Most taxonomies fit in one 32-bit word: read those columns directly.
  const narrow = c.helpAreas.width === 1 && c.modes.width === 1;
  // Every column read in the loop is a local: a property first reached mid-loop would make V8
  // throw the optimised loop away (it had no type feedback for it).
  const { helpAreas, dimensions, languages, modes } = c;
  const areaWords = helpAreas.words;
  const modeWords = modes.words;
  const want0 = wantAreas[0] ?? 0;
  const modes0 = wantModes[0] ?? 0;
  // The most the components after areas and words can add, to drop a candidate early.
  const restMax = max(seniorPoints) + max(settingPoints) + weights.meetingModes + max(professionPoints) + max(regionPoints) + 1e-9;
  const modePoints = weights.meetingModes;
  const heap = new TopK(keep, nameRanks);
  let floor = keep > 0 ? -Infinity : Infinity;
  let total = 0;
  const list = candidates.slots;
  const limit = candidates.length;
  for (let i = 0; i < limit; i += 1) {
    const slot = list ? (list[i] ?? 0) : i;
    if (((flags[slot] ?? 0) & need) !== need) continue;
    const matched = counts[slot] ?? 0;
    if (hasText && matched === 0) continue;
    const p = (profession[slot] ?? -1) + 1;
    const r = (region[slot] ?? -1) + 1;
    const s = (careSetting[slot] ?? -1) + 1;
    const b = (band[slot] ?? -1) + 1;
    if ((professions && professions[p] !== 1) || (regions && regions[r] !== 1) || (settings && settings[s] !== 1) || (bands && bands[b] !== 1)) continue;
    if (typeMask >= 0 && ((types[slot] ?? 0) & typeMask) === 0) continue;
    if (areasAll && !hasAll(helpAreas, slot, areasAll)) continue;
    if (dimensionsAll && !hasAll(dimensions, slot, dimensionsAll)) continue;
    if (languagesAny && !hasAny(languages, slot, languagesAny)) continue;
    if (modesAny && !hasAny(modes, slot, modesAny)) continue;
    total += 1;
    let score = 0;
    if (wanted > 0) score += areaPoints[narrow ? popcount((areaWords[slot] ?? 0) & want0) : shared(helpAreas, slot, wantAreas)] ?? 0;
    if (hasText) score += textPoints[matched] ?? 0;
    // Counted above; it cannot reach the heap's worst even with every remaining point.
    if (score + restMax < floor) continue;
    score += seniorPoints[b] ?? 0;
    score += settingPoints[s] ?? 0;
    if (narrow ? ((modeWords[slot] ?? 0) & modes0) !== 0 : hasAny(modes, slot, wantModes)) score += modePoints;
    score += professionPoints[p] ?? 0;
    score += regionPoints[r] ?? 0;
    // Cannot beat the worst kept: no heap work, no name comparison.
    if (score < floor) continue;
    heap.offer(score, slot, matched);
    floor = heap.floor;
  }
  return { total, heap };
}

function max(values: Float64Array): number {
  let most = 0;
  for (const value of values) most = Math.max(most, value);
  return most;
}

/**
 * For each filter bit, how many offered mentors fail that filter and no other: what dropping it
 * alone would give. One pass over every slot, whatever the filters.
 */
export function countRelaxations(c: Columns, plan: QueryPlan, scratch: Scratch, slots: number): Map<number, number> {
  const totals = new Map<number, number>();
  const hasText = plan.textTotal > 0;
  for (let slot = 0; slot < slots; slot += 1) {
    if (((c.flags[slot] ?? 0) & OFFERED) === 0) continue;
    let fails = 0;
    if (plan.professions && plan.professions[(c.profession[slot] ?? -1) + 1] !== 1) fails |= FILTER_BITS.professionIds;
    if (plan.regions && plan.regions[(c.region[slot] ?? -1) + 1] !== 1) fails |= FILTER_BITS.regionIds;
    if (plan.settings && plan.settings[(c.careSetting[slot] ?? -1) + 1] !== 1) fails |= FILTER_BITS.careSettingIds;
    if (plan.bands && plan.bands[(c.band[slot] ?? -1) + 1] !== 1) fails |= FILTER_BITS.bandRanks;
    if (plan.areasAll && !hasAll(c.helpAreas, slot, plan.areasAll)) fails |= FILTER_BITS.helpAreas;
    if (plan.dimensionsAll && !hasAll(c.dimensions, slot, plan.dimensionsAll)) fails |= FILTER_BITS.dimensions;
    if (plan.languagesAny && !hasAny(c.languages, slot, plan.languagesAny)) fails |= FILTER_BITS.languages;
    if (plan.modesAny && !hasAny(c.modes, slot, plan.modesAny)) fails |= FILTER_BITS.meetingModes;
    if (plan.types >= 0 && ((c.types[slot] ?? 0) & plan.types) === 0) fails |= FILTER_BITS.mentoringType;
    if (plan.hasRoomNow && ((c.flags[slot] ?? 0) & ROOM) === 0) fails |= FILTER_BITS.hasRoomNow;
    if (hasText && (scratch.counts[slot] ?? 0) === 0) fails |= FILTER_BITS.text;
    if (fails !== 0 && (fails & (fails - 1)) === 0) totals.set(fails, (totals.get(fails) ?? 0) + 1);
  }
  return totals;
}
