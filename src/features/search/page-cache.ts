// The search page's rendered-page cache (ADR 0003, "serving the page"). Searching and rendering a
// results page costs milliseconds; people repeat searches all the time (paging back and forth, the
// back button, a filter added and removed). So a page is kept, per person, per address, together
// with everything it was made from — the index's version, the taxonomy codes, the person's own
// search context (profile, shortlist, who they are in touch with), their name, their CSRF secret —
// and served again only if all of those are still the same. Nothing is ever served stale: the
// check runs on every request against live data, and any change simply misses.
//
// Bounded by bytes with least-recently-used eviction (a Map keeps insertion order; a hit is moved
// to the end). Pages are kept as UTF-8 bytes, ready to send (half the size of a JavaScript string
// holding the same page, and nothing to encode again per response). The CSP nonce is per response,
// so a page is stored in pieces around the places its nonce goes, and each response's own nonce is
// put back in between.
import { randomBytes } from 'node:crypto';

interface Entry {
  validity: string;
  /** The page's bytes, split where the nonce goes. */
  pieces: Buffer[];
  bytes: number;
}

export class PageCache {
  /** Stands in for the CSP nonce in stored pages: random per process, so no user text can contain it. */
  readonly nonceMarker = `nonce${randomBytes(12).toString('hex')}`;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  /** The stored page with this response's nonce, or undefined when there is none or it was made from something that has changed. */
  get(key: string, validity: string, nonce: string): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.validity !== validity) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.entries.delete(key);
    this.entries.set(key, entry);
    const between = Buffer.from(nonce, 'utf8');
    return Buffer.concat(entry.pieces.flatMap((piece, i) => (i === 0 ? [piece] : [between, piece])));
  }

  /** Keeps a page rendered with `nonceMarker` in place of its nonce. */
  set(key: string, validity: string, html: string): void {
    const pieces = html.split(this.nonceMarker).map((piece) => Buffer.from(piece, 'utf8'));
    const bytes = pieces.reduce((sum, piece) => sum + piece.length, 0);
    if (bytes > this.maxBytes) return;
    this.drop(key);
    this.entries.set(key, { validity, pieces, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

const identities = new WeakMap<object, number>();
let identityCount = 0;

/** A number that stands for this object for as long as it lives (the term codes are replaced, not changed). */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    identityCount += 1;
    id = identityCount;
    identities.set(value, id);
  }
  return id;
}
