// Equal scores are ranked by name (then user id, so the order never wobbles). Comparing strings in
// the search's inner loop is slow — every tie reads two names from scattered memory — so each slot
// carries a number that sorts the same way, and the loop compares numbers.
//
// A mentor added or renamed between searches is placed by binary search, between its neighbours'
// numbers. After a bulk load (many changes at once), or once the gaps between numbers run out, the
// order is rebuilt once, at the next search.
export interface Named {
  fullName: string;
  userId: string;
}

/** The order of scoring.ts's tie-break: JavaScript string order of names, then of user ids. */
export function compareNames(a: Named, b: Named): number {
  if (a.fullName !== b.fullName) return a.fullName < b.fullName ? -1 : 1;
  if (a.userId !== b.userId) return a.userId < b.userId ? -1 : 1;
  return 0;
}

const NOBODY: Named = { fullName: '', userId: '' };

/** Past this many changes since the last search, sorting everything once is cheaper. */
const BULK = 512;

export class NameOrder {
  ranks = new Float64Array(0);
  private order: number[] = [];
  private isSorted = true;
  private changes = 0;

  constructor(private readonly named: (slot: number) => Named | undefined) {}

  grow(slots: number): void {
    if (slots <= this.ranks.length) return;
    const next = new Float64Array(slots);
    next.set(this.ranks);
    this.ranks = next;
  }

  /** Where `entry` goes in the order (the first position whose name sorts after it). */
  private position(entry: Named): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.named(this.order[mid] ?? -1);
      if (other && compareNames(other, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(slot: number): void {
    const entry = this.named(slot);
    this.changes += 1;
    if (!entry || !this.isSorted || this.changes > BULK) {
      this.isSorted = false;
      return;
    }
    const at = this.position(entry);
    const before = at > 0 ? (this.ranks[this.order[at - 1] ?? 0] ?? 0) : (this.ranks[this.order[0] ?? 0] ?? 0) - 2;
    const after = at < this.order.length ? (this.ranks[this.order[at] ?? 0] ?? 0) : before + 2;
    const rank = (before + after) / 2;
    this.order.splice(at, 0, slot);
    this.ranks[slot] = rank;
    // No room left between the neighbours: number everything again at the next search.
    if (!(rank > before && rank < after)) this.isSorted = false;
  }

  /** Call before the slot's mentor is forgotten. */
  remove(slot: number): void {
    const entry = this.named(slot);
    if (!entry || !this.isSorted) return;
    const at = this.position(entry);
    if (this.order[at] === slot) this.order.splice(at, 1);
    else this.isSorted = false;
  }

  /** Makes the ranks right for a search; cheap unless the register changed a lot since the last. */
  settle(slots: number): Float64Array {
    this.changes = 0;
    if (this.isSorted) return this.ranks;
    const live: number[] = [];
    for (let slot = 0; slot < slots; slot += 1) if (this.named(slot)) live.push(slot);
    live.sort((a, b) => compareNames(this.named(a) ?? NOBODY, this.named(b) ?? NOBODY));
    this.order = live;
    live.forEach((slot, rank) => (this.ranks[slot] = rank));
    this.isSorted = true;
    return this.ranks;
  }
}
