// The k best search hits seen so far, in flat arrays: a heap whose root is the worst hit kept.
// Equal scores are broken by name, so results are stable from one search to the next.
import type { IndexedMentor } from './search-index.ts';

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

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.slots = new Int32Array(k);
    this.matched = new Uint8Array(k);
  }

  /** True when entry i ranks above entry j. */
  private better(scoreA: number, slotA: number, scoreB: number, slotB: number, mentors: (IndexedMentor | undefined)[]): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    return (mentors[slotA]?.fullName ?? '') < (mentors[slotB]?.fullName ?? '');
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

  private above(i: number, j: number, mentors: (IndexedMentor | undefined)[]): boolean {
    return this.better(this.scores[i] ?? 0, this.slots[i] ?? 0, this.scores[j] ?? 0, this.slots[j] ?? 0, mentors);
  }

  offer(score: number, slot: number, matched: number, mentors: (IndexedMentor | undefined)[]): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size;
      this.size += 1;
      this.scores[i] = score;
      this.slots[i] = slot;
      this.matched[i] = matched;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.above(parent, i, mentors)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (!this.better(score, slot, this.scores[0] ?? 0, this.slots[0] ?? 0, mentors)) return;
    this.scores[0] = score;
    this.slots[0] = slot;
    this.matched[0] = matched;
    for (let i = 0; ; ) {
      let worst = i;
      const left = 2 * i + 1;
      const right = left + 1;
      if (left < this.size && this.above(worst, left, mentors)) worst = left;
      if (right < this.size && this.above(worst, right, mentors)) worst = right;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  sorted(mentors: (IndexedMentor | undefined)[]): RankedEntry[] {
    const entries: RankedEntry[] = [];
    for (let i = 0; i < this.size; i += 1) {
      const mentor = mentors[this.slots[i] ?? -1];
      if (mentor) entries.push({ mentor, score: this.scores[i] ?? 0, matched: this.matched[i] ?? 0 });
    }
    return entries.sort((a, b) => (a.score !== b.score ? b.score - a.score : a.mentor.fullName < b.mentor.fullName ? -1 : 1));
  }
}
