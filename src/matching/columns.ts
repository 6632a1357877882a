// The index's storage: one typed array per field, indexed by slot, so a search walks memory in
// order instead of chasing one object per mentor. Bitset fields are bit-column.ts's columns.
import { BitColumn } from './bit-column.ts';

export const PAUSED = 1;
export const LIVE = 2;
/** Live, not paused and not full: a mentor search may offer (kept in step by the index). */
export const OFFERED = 4;
/** Offered, with a place free even counting accepted chemistry meetings ("has room now"). */
export const ROOM = 8;

export class Columns {
  slots = 0;
  /** One more than the largest profession, setting, region or band value stored, for lookup tables. */
  codeLimit = 1;
  profession = new Int16Array(0);
  careSetting = new Int16Array(0);
  region = new Int16Array(0);
  band = new Int16Array(0);
  capacity = new Uint8Array(0);
  active = new Uint8Array(0);
  pending = new Uint8Array(0);
  types = new Uint8Array(0);
  flags = new Uint8Array(0);
  helpAreas = new BitColumn(1, 0);
  modes = new BitColumn(1, 0);
  languages = new BitColumn(1, 0);
  dimensions = new BitColumn(1, 0);

  /** Makes room for slot index `slot`, doubling the arrays when full. */
  ensure(slot: number): void {
    if (slot < this.slots) return;
    const size = Math.max(1024, this.slots * 2, slot + 1);
    const grow = <T extends Int16Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.profession = grow(this.profession, (n) => new Int16Array(n));
    this.careSetting = grow(this.careSetting, (n) => new Int16Array(n));
    this.region = grow(this.region, (n) => new Int16Array(n));
    this.band = grow(this.band, (n) => new Int16Array(n));
    this.capacity = grow(this.capacity, (n) => new Uint8Array(n));
    this.active = grow(this.active, (n) => new Uint8Array(n));
    this.pending = grow(this.pending, (n) => new Uint8Array(n));
    this.types = grow(this.types, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    for (const column of [this.helpAreas, this.modes, this.languages, this.dimensions]) column.grow(size);
    this.slots = size;
  }
}
