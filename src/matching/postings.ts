// Posting lists: for each key (a word of the vocabulary, or a profession, region, setting or band
// value), the index slots that have it. A search starts from the shortest lists that can answer it
// instead of walking the whole register.
export class Postings {
  private readonly lists = new Map<number, number[]>();

  add(key: number, slot: number): void {
    const list = this.lists.get(key);
    if (list) list.push(slot);
    else this.lists.set(key, [slot]);
  }

  remove(key: number, slot: number): void {
    const list = this.lists.get(key);
    const at = list ? list.lastIndexOf(slot) : -1;
    if (!list || at < 0) return;
    // Order within a list does not matter, so the last entry fills the gap.
    const last = list.pop() ?? slot;
    if (at < list.length) list[at] = last;
  }

  get(key: number): readonly number[] {
    return this.lists.get(key) ?? [];
  }

  /** How many slots the union of these keys' lists can hold (their lengths added). */
  sizeOf(keys: Iterable<number>): number {
    let size = 0;
    for (const key of keys) size += this.get(key).length;
    return size;
  }
}
