// Where a search starts, so it need not visit every slot: the mentors that have one of the query's
// words (counting, per slot, how many they have, for the score), or the posting lists of one value
// filter (profession, region, care setting or band), whichever holds fewer slots.
import type { Postings } from './postings.ts';
import type { SearchFilters } from './search-types.ts';

/** The slots to look at: a list, or every slot below `length` when `slots` is null. */
export interface Candidates {
  slots: Int32Array | null;
  length: number;
}

/** The single-valued fields the index keeps posting lists for. */
export type ValueColumn = 'profession' | 'region' | 'careSetting' | 'band';

/**
 * Counts, into `counts`, how many of the query words' posting `lists` each slot is on. Returns the
 * slots with any, as a list gathered in `touched` — or, when most of the `slots` match, as "every
 * slot" (a list would cost more).
 */
export function countWords(lists: readonly (readonly number[])[], counts: Uint8Array, touched: Int32Array, slots: number): Candidates {
  const dense = lists.reduce((sum, list) => sum + list.length, 0) > slots / 4;
  let length = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i += 1) {
      const slot = list[i] ?? 0;
      if (!dense && counts[slot] === 0) touched[length++] = slot;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
  }
  return dense ? { slots: null, length: slots } : { slots: touched.slice(0, length), length };
}

/** The smallest of the word matches (or every one of `slots`) and each value filter's posting lists. */
export function narrowest(filters: SearchFilters, text: Candidates | null, values: Record<ValueColumn, Postings>, slots: number): Candidates {
  let best: Candidates = text ?? { slots: null, length: slots };
  let bestLists: readonly (readonly number[])[] | null = null;
  const byValue: [ValueColumn, number[]][] = [['profession', filters.professionIds], ['region', filters.regionIds], ['careSetting', filters.careSettingIds], ['band', filters.bandRanks]];
  for (const [column, wanted] of byValue) {
    if (wanted.length === 0) continue;
    const keys = [...new Set(wanted)];
    const size = values[column].sizeOf(keys);
    if (size < best.length) {
      best = { slots: null, length: size };
      bestLists = keys.map((key) => values[column].get(key));
    }
  }
  if (!bestLists) return best;
  const list = new Int32Array(best.length);
  let at = 0;
  for (const postings of bestLists) for (let i = 0; i < postings.length; i += 1) list[at++] = postings[i] ?? 0;
  return { slots: list, length: at };
}
