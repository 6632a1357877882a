// One LISTEN connection per app instance for the in-memory caches that must forget what changed in
// the database, whichever instance changed it (ADR 0004). Triggers (migration 0011) NOTIFY a
// channel with the id of whoever the change concerns; handlers drop what they hold for that id.
// While the connection is down nothing can be trusted: `live` is false (caches step aside and read
// the database) and every reset handler runs, both when the connection is lost and when it is made
// again, because notifications may have been missed in between (platform/listener.ts).
import { listenForChanges } from './listener.ts';

export const channels = {
  /** Payload: a user id — their sessions, name, platform role or programme roles changed. */
  sessionChanged: 'session_changed',
  /** Payload: a mentee's user id, or '*' for everyone (their profile, shortlist, invitations, relationships, a programme's types). */
  menteeContextChanged: 'mentee_context_changed',
} as const;

type Channel = (typeof channels)[keyof typeof channels];

/** The listening connection's application_name. */
export const CHANGE_FEED_NAME = 'mentoring-hub change feed';

export class ChangeFeed {
  private readonly handlers = new Map<Channel, ((payload: string) => void)[]>();
  private readonly resets: (() => void)[] = [];
  private isLive = false;

  /** True only while the listening connection is up: a cache may serve from memory only then. */
  get live(): boolean {
    return this.isLive;
  }

  on(channel: Channel, handler: (payload: string) => void): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  onReset(handler: () => void): void {
    this.resets.push(handler);
  }

  private reset(): void {
    for (const handler of this.resets) handler();
  }

  /** Listens until the returned function is called (platform/listener.ts: heartbeats, reconnects for as long as it takes). */
  start(url: string, log: (message: string) => void = () => undefined, heartbeatMs?: number): Promise<() => Promise<void>> {
    return listenForChanges({
      url, name: CHANGE_FEED_NAME, channels: Object.values(channels), log, ...(heartbeatMs ? { heartbeatMs } : {}),
      onNotification: (channel, payload) => {
        for (const handler of this.handlers.get(channel as Channel) ?? []) handler(payload);
      },
      onReset: () => this.reset(),
      onLive: (live) => (this.isLive = live),
    });
  }
}
