// The search page's rendered-page cache (ADR 0003, "serving the page"). Searching and rendering a
// results page costs milliseconds; people repeat searches all the time (paging back and forth, the
// back button, a filter added and removed). So a page is kept, per person, per address, together
// with everything it was made from — the index's version, the taxonomy codes, the person's own
// search context (profile, shortlist, who they are in touch with), their name, their CSRF secret —
// and served again only if all of those are still the same. Nothing is ever served stale: the
// check runs on every request against live data, and any change simply misses.
//
// Bounded by bytes with least-recently-used eviction (a Map keeps insertion order; a hit is moved
// to the end). The CSP nonce is per response, so pages are stored with a per-process marker in its
// place and the response's own nonce is put back on the way out.
import { randomBytes } from 'node:crypto';

interface Entry {
  validity: string;
  html: string;
}

export class PageCache {
  /** Stands in for the CSP nonce in stored pages: random per process, so no user text can contain it. */
  readonly nonceMarker = `nonce${randomBytes(12).toString('hex')}`;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, validity: string, nonce: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.validity !== validity) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.html.replaceAll(this.nonceMarker, nonce);
  }

  set(key: string, validity: string, html: string): void {
    if (html.length * 2 > this.maxBytes) return;
    this.drop(key);
    this.entries.set(key, { validity, html });
    this.bytes += html.length * 2;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.html.length * 2;
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
