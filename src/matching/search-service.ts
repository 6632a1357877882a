// Holds one MentorIndex per programme, built on first use, and keeps them current: database
// triggers NOTIFY `mentor_changed` with a mentor's id whenever something the index reads changes,
// and `taxonomy_changed` when terms change (bit positions move, so everything is rebuilt). If the
// listening connection drops, everything is rebuilt on next use, so a missed notification can
// never leave an instance answering from stale data for long (docs/adr/0003).
import { listenForChanges } from '../platform/listener.ts';
import type { Db } from '../db/connection.ts';
import { loadApprovedMentors } from './mentor-loader.ts';
import { MentorIndex } from './search-index.ts';
import { loadTermCodes, type TermCodes } from './term-codes.ts';

export const MENTOR_CHANGED = 'mentor_changed';
export const TAXONOMY_CHANGED = 'taxonomy_changed';

export class MentorSearch {
  private codes: Promise<TermCodes> | undefined;
  private readonly indexes = new Map<string, Promise<MentorIndex>>();
  private pending = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {}

  termCodes(): Promise<TermCodes> {
    this.codes ??= loadTermCodes(this.db);
    return this.codes;
  }

  index(programmeId: string): Promise<MentorIndex> {
    let index = this.indexes.get(programmeId);
    if (!index) {
      index = this.build(programmeId);
      this.indexes.set(programmeId, index);
      // A failed build is not cached: the next search tries again.
      index.catch(() => this.indexes.delete(programmeId));
    }
    return index;
  }

  /**
   * Serve this programme from an index built elsewhere (the search benchmark's fictional register).
   * Change notifications still reach it; a reset() forgets it like any other index.
   */
  useIndex(programmeId: string, index: MentorIndex): void {
    this.indexes.set(programmeId, Promise.resolve(index));
  }

  private async build(programmeId: string): Promise<MentorIndex> {
    const index = new MentorIndex();
    for (const mentor of await loadApprovedMentors(this.db, programmeId, await this.termCodes())) index.upsert(mentor);
    return index;
  }

  /** Reloads these mentors in every index built so far (adds, updates or removes them). */
  async refreshMentors(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const codes = await this.termCodes();
    for (const [programmeId, pendingIndex] of this.indexes) {
      const index = await pendingIndex;
      const fresh = await loadApprovedMentors(this.db, programmeId, codes, userIds);
      const found = new Set(fresh.map((mentor) => mentor.userId));
      for (const mentor of fresh) index.upsert(mentor);
      for (const userId of userIds) if (!found.has(userId)) index.remove(userId);
    }
  }

  /** Forget everything; indexes are rebuilt on next use. */
  reset(): void {
    this.codes = undefined;
    this.indexes.clear();
  }

  private queue(userId: string): void {
    this.pending.add(userId);
    // Bursts (a bulk import, a seed) become one reload.
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const userIds = [...this.pending];
      this.pending = new Set();
      this.refreshMentors(userIds).catch(() => this.reset());
    }, 20);
  }

  /** Listens for change notifications until the returned function is called (platform/listener.ts: heartbeats, reconnects). */
  listen(url: string, log: (message: string) => void = () => undefined): Promise<() => Promise<void>> {
    return listenForChanges({
      url, name: 'mentoring-hub search index', channels: [MENTOR_CHANGED, TAXONOMY_CHANGED], log,
      onNotification: (channel, payload) => {
        if (channel === TAXONOMY_CHANGED) this.reset();
        else if (channel === MENTOR_CHANGED && payload) this.queue(payload);
      },
      // Notifications may have been missed: start again from the database.
      onReset: () => {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        this.pending = new Set();
        this.reset();
      },
    });
  }
}
