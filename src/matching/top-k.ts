// The k best search hits seen so far, in flat arrays: a heap whose root is the worst hit kept.
// Equal scores are broken by name (name-order.ts gives each slot a number that sorts like its
// name), so results are stable from one search to the next.
import type { IndexedMentor } from './search-types.ts';

export interface RankedEntry {
  mentor: IndexedMentor;
  score: number;
  matched: number;
}

export class TopK {
  private readonly scores: Float64Array;
  private readonly slots: Int32Array;
  private readonly matched: Uint8Array;
  private size = 0;

  constructor(
    private readonly k: number,
    private readonly nameRanks: Float64Array,
  ) {
    this.scores = new Float64Array(k);
    this.slots = new Int32Array(k);
    this.matched = new Uint8Array(k);
  }

  /** The score a new entry must at least equal to be kept: the worst kept once full. */
  get floor(): number {
    if (this.k === 0) return Infinity;
    return this.size < this.k ? -Infinity : (this.scores[0] ?? -Infinity);
  }

  /** True when (scoreA, slotA) ranks above (scoreB, slotB). */
  private better(scoreA: number, slotA: number, scoreB: number, slotB: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    return (this.nameRanks[slotA] ?? 0) < (this.nameRanks[slotB] ?? 0);
  }

  private swap(i: number, j: number): void {
    const score = this.scores[i] ?? 0;
    const slot = this.slots[i] ?? 0;
    const matched = this.matched[i] ?? 0;
    this.scores[i] = this.scores[j] ?? 0;
    this.slots[i] = this.slots[j] ?? 0;
    this.matched[i] = this.matched[j] ?? 0;
    this.scores[j] = score;
    this.slots[j] = slot;
    this.matched[j] = matched;
  }

  private above(i: number, j: number): boolean {
    return this.better(this.scores[i] ?? 0, this.slots[i] ?? 0, this.scores[j] ?? 0, this.slots[j] ?? 0);
  }

  offer(score: number, slot: number, matched: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size;
      this.size += 1;
      this.scores[i] = score;
      this.slots[i] = slot;
      this.matched[i] = matched;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.above(parent, i)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (!this.better(score, slot, this.scores[0] ?? 0, this.slots[0] ?? 0)) return;
    this.scores[0] = score;
    this.slots[0] = slot;
    this.matched[0] = matched;
    for (let i = 0; ; ) {
      let worst = i;
      const left = 2 * i + 1;
      const right = left + 1;
      if (left < this.size && this.above(worst, left)) worst = left;
      if (right < this.size && this.above(worst, right)) worst = right;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  /** The entries kept, best first. */
  sorted(mentors: (IndexedMentor | undefined)[]): RankedEntry[] {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => (this.above(a, b) ? -1 : this.above(b, a) ? 1 : 0));
    const entries: RankedEntry[] = [];
    for (const i of order) {
      const mentor = mentors[this.slots[i] ?? -1];
      if (mentor) entries.push({ mentor, score: this.scores[i] ?? 0, matched: this.matched[i] ?? 0 });
    }
    return entries;
  }
}
