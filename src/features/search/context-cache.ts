// Mentees' search contexts held in memory between searches (ADR 0004): what a search is made from on
// the mentee's side (profile and terms, shortlist, who they are in touch with, the programme's kinds
// of mentoring). Served only while the change feed is live; the feed drops a mentee's contexts when
// any of that changes for them, on any instance, and everything when a programme's types change.
import type { Db } from '../../db/connection.ts';
import { channels, type ChangeFeed } from '../../platform/change-feed.ts';
import { loadSearchContext, type SearchContext } from './context.ts';

/** However quiet the feed, a context is read afresh at least this often. */
const MAX_AGE_MS = 60_000;

export class ContextCache {
  /** By mentee, then programme, so forgetting one mentee touches only their own entries. */
  private readonly entries = new Map<string, Map<string, { context: SearchContext; readAt: number }>>();
  private size = 0;
  /** Counts notifications: a context read while one arrived may predate that change, so it is not kept. */
  private epoch = 0;

  constructor(private readonly feed: ChangeFeed, private readonly maxEntries = 20_000) {
    feed.on(channels.menteeContextChanged, (menteeId) => {
      if (menteeId === '*') this.clear();
      else this.forget(menteeId);
    });
    feed.onReset(() => this.clear());
  }

  async load(db: Db, menteeId: string, programmeId: string, now = Date.now()): Promise<SearchContext> {
    const held = this.feed.live ? this.entries.get(menteeId)?.get(programmeId) : undefined;
    if (held && now - held.readAt < MAX_AGE_MS) return held.context;
    const epoch = this.epoch;
    const context = await loadSearchContext(db, menteeId, programmeId);
    if (this.feed.live && epoch === this.epoch) {
      if (this.size >= this.maxEntries) this.clear();
      const mine = this.entries.get(menteeId) ?? new Map<string, { context: SearchContext; readAt: number }>();
      if (!mine.has(programmeId)) this.size += 1;
      mine.set(programmeId, { context, readAt: now });
      this.entries.set(menteeId, mine);
    }
    return context;
  }

  /** Drops a mentee's contexts (their own change on this instance is seen at once, without waiting for the notification). */
  forget(menteeId: string): void {
    this.epoch += 1;
    this.size -= this.entries.get(menteeId)?.size ?? 0;
    this.entries.delete(menteeId);
  }

  private clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.size = 0;
  }
}
