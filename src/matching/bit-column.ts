// One bitset field of the index's storage: `width` 32-bit words per slot, widened (with a copy)
// when a taxonomy grows past them, and the reads the search's inner loop makes of one slot's words
// ("all of these", "any of these", how many shared).
import { popcount, type BitSet } from './bitset.ts';

export class BitColumn {
  words: Uint32Array;
  constructor(public width: number, slots: number) {
    this.words = new Uint32Array(width * slots);
  }

  grow(slots: number): void {
    const next = new Uint32Array(this.width * slots);
    next.set(this.words);
    this.words = next;
  }

  widen(width: number, slots: number): void {
    const next = new Uint32Array(width * slots);
    for (let slot = 0; slot < slots; slot += 1) {
      for (let i = 0; i < this.width; i += 1) next[slot * width + i] = this.words[slot * this.width + i] ?? 0;
    }
    this.words = next;
    this.width = width;
  }

  write(slot: number, set: BitSet, slots: number): void {
    if (set.length > this.width) this.widen(set.length, slots);
    for (let i = 0; i < this.width; i += 1) this.words[slot * this.width + i] = set[i] ?? 0;
  }

  clear(slot: number): void {
    this.words.fill(0, slot * this.width, (slot + 1) * this.width);
  }
}

/** Every bit of `need` in the slot's word(s): an "all of these" filter. */
export function hasAll(column: BitColumn, slot: number, need: Uint32Array): boolean {
  const width = column.width;
  const base = slot * width;
  for (let w = 0; w < width; w += 1) {
    const bits = need[w] ?? 0;
    if (((column.words[base + w] ?? 0) & bits) !== bits) return false;
  }
  return true;
}

/** Any bit of `any` in the slot's word(s): an "any of these" filter. */
export function hasAny(column: BitColumn, slot: number, any: Uint32Array): boolean {
  const width = column.width;
  const base = slot * width;
  for (let w = 0; w < width; w += 1) if (((column.words[base + w] ?? 0) & (any[w] ?? 0)) !== 0) return true;
  return false;
}

/** How many bits of `want` the slot has. */
export function shared(column: BitColumn, slot: number, want: Uint32Array): number {
  const width = column.width;
  const base = slot * width;
  let count = 0;
  for (let w = 0; w < width; w += 1) count += popcount((column.words[base + w] ?? 0) & (want[w] ?? 0));
  return count;
}
