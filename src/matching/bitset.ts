// Small fixed-size bitsets over taxonomy terms (one bit per term), as 32-bit words. Taxonomies
// have tens of terms, so a set is one or two words and AND + popcount is a handful of instructions.

export type BitSet = Uint32Array;

export function newBitSet(bits: number): BitSet {
  return new Uint32Array(Math.max(1, Math.ceil(bits / 32)));
}

export function setBit(set: BitSet, bit: number): void {
  const index = bit >>> 5;
  if (index < set.length) set[index] = (set[index] ?? 0) | (1 << (bit & 31));
}

export function hasBit(set: BitSet, bit: number): boolean {
  return (((set[bit >>> 5] ?? 0) >>> (bit & 31)) & 1) === 1;
}

/** How many bits of one 32-bit word are set. */
export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function bitCount(set: BitSet): number {
  let count = 0;
  for (let i = 0; i < set.length; i += 1) count += popcount(set[i] ?? 0);
  return count;
}

/** How many bits the two sets share. */
export function bitsAnd(a: BitSet, b: BitSet): number {
  let count = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) count += popcount((a[i] ?? 0) & (b[i] ?? 0));
  return count;
}

/** True when every bit of `required` is in `set` (an "all of these" filter). */
export function containsAll(set: BitSet, required: BitSet): boolean {
  for (let i = 0; i < required.length; i += 1) {
    const need = required[i] ?? 0;
    if (((set[i] ?? 0) & need) !== need) return false;
  }
  return true;
}

/** True when the sets share at least one bit (an "any of these" filter). */
export function intersects(a: BitSet, b: BitSet): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (((a[i] ?? 0) & (b[i] ?? 0)) !== 0) return true;
  return false;
}

export function isEmpty(set: BitSet): boolean {
  for (let i = 0; i < set.length; i += 1) if ((set[i] ?? 0) !== 0) return false;
  return true;
}
