// Sessions held in memory between requests (ADR 0004), so a signed-in page needs no database round
// trip just to learn who is asking. An entry is served only while the change feed is live, for at
// most TOUCH_AFTER_MS after it was read (after that the database read also records the activity),
// and only within the same idle and absolute limits the database read applies. The feed drops a
// person's entries whenever their sessions, name or roles change on any instance; this instance
// also drops an ended session at once, without waiting for the notification.
import type { Db } from '../db/connection.ts';
import { channels, type ChangeFeed } from '../platform/change-feed.ts';
import { hashToken, loadSession, TOUCH_AFTER_MS, type LoadedSession, type SessionSettings } from './sessions.ts';

interface Entry {
  session: LoadedSession;
  readAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Counts changes heard of: a session read while one arrived may predate it, so it is not kept. */
  private epoch = 0;
  /** Requests answered from memory (for tests and diagnostics). */
  hits = 0;

  constructor(private readonly feed: ChangeFeed, private readonly maxEntries = 20_000) {
    feed.on(channels.sessionChanged, (userId) => this.forgetUser(userId));
    feed.onReset(() => this.clear());
  }

  async load(db: Db, token: string, settings: SessionSettings, now = Date.now()): Promise<LoadedSession | null> {
    const id = hashToken(token);
    const entry = this.entries.get(id);
    if (entry && this.feed.live && now - entry.readAt < TOUCH_AFTER_MS && this.withinLimits(entry.session, settings, now)) {
      this.hits += 1;
      return entry.session;
    }
    this.forget(id);
    const epoch = this.epoch;
    const session = await loadSession(db, token, settings);
    // Kept only if read while the feed is live and no change was heard of during the read.
    if (session && this.feed.live && epoch === this.epoch) this.keep(session, now);
    return session;
  }

  forget(sessionId: string): void {
    this.epoch += 1;
    const entry = this.entries.get(sessionId);
    if (!entry) return;
    this.entries.delete(sessionId);
    this.byUser.get(entry.session.actor.id)?.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.epoch += 1;
    for (const sessionId of this.byUser.get(userId) ?? []) this.entries.delete(sessionId);
    this.byUser.delete(userId);
  }

  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.byUser.clear();
  }

  private withinLimits(session: LoadedSession, settings: SessionSettings, now: number): boolean {
    return now - session.lastSeenAt.getTime() < settings.idleMinutes * 60_000 && now - session.createdAt.getTime() < settings.absoluteHours * 3_600_000;
  }

  private keep(session: LoadedSession, now: number): void {
    if (this.entries.size >= this.maxEntries) this.clear();
    this.entries.set(session.id, { session, readAt: now });
    const ids = this.byUser.get(session.actor.id) ?? new Set<string>();
    ids.add(session.id);
    this.byUser.set(session.actor.id, ids);
  }
}
