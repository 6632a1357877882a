// One LISTEN connection per app instance for the in-memory caches that must forget what changed in
// the database, whichever instance changed it (ADR 0004). Triggers (migration 0011) NOTIFY a
// channel with the id of whoever the change concerns; handlers drop what they hold for that id.
// While the connection is down nothing can be trusted: `live` is false (caches step aside and read
// the database) and every reset handler runs, both when the connection is lost and when it is made
// again, because notifications may have been missed in between.
import pg from 'pg';

export const channels = {
  /** Payload: a user id — their sessions, name, platform role or programme roles changed. */
  sessionChanged: 'session_changed',
  /** Payload: a mentee's user id, or '*' for everyone (their profile, shortlist, invitations, relationships, a programme's types). */
  menteeContextChanged: 'mentee_context_changed',
} as const;

type Channel = (typeof channels)[keyof typeof channels];

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

  /** Listens until the returned function is called; reconnects after a lost connection. */
  async start(url: string, log: (message: string) => void = () => undefined): Promise<() => Promise<void>> {
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel as Channel) ?? []) handler(message.payload ?? '');
      });
      next.on('error', () => {
        this.isLive = false;
        this.reset();
        next.end().catch(() => undefined);
        if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
      });
      await next.connect();
      await next.query(Object.values(channels).map((channel) => `listen ${channel}`).join('; '));
      client = next;
      this.reset();
      this.isLive = true;
      log('listening for session and search changes');
    };
    await connect();
    return async () => {
      stopped = true;
      this.isLive = false;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      this.reset();
    };
  }
}
