// A LISTEN connection that stays trustworthy: it sends keepalives and checks itself with a query
// every few seconds, so a connection that died silently (an idle drop by a firewall, a failover) is
// noticed; whenever it is lost it reports so (caches then stop trusting what they hold) and keeps
// trying to connect again, backing off up to 30 seconds, for as long as it takes. Every (re)connect
// also resets, because notifications may have been missed while it was away. The listener needs a
// direct connection to PostgreSQL (a transaction-pooling proxy does not pass notifications on).
import pg from 'pg';

export interface ListenOptions {
  url: string;
  /** Shown as the connection's application_name in pg_stat_activity. */
  name: string;
  channels: string[];
  onNotification(channel: string, payload: string): void;
  /** Called when the connection is lost and again when it is back: drop whatever may be stale. */
  onReset(): void;
  onLive?(live: boolean): void;
  log?(message: string): void;
  heartbeatMs?: number;
}

const MAX_BACKOFF_MS = 30_000;

/** Connects (the first attempt's failure is thrown to the caller) and listens until the returned function is called. */
export async function listenForChanges(options: ListenOptions): Promise<() => Promise<void>> {
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  let current: pg.Client | undefined;
  let stopped = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let backoff = 1000;

  const lost = (client: pg.Client, why: string) => {
    if (client !== current) return;
    current = undefined;
    clearInterval(heartbeat);
    options.onLive?.(false);
    options.onReset();
    client.end().catch(() => undefined);
    if (stopped) return;
    options.log?.(`change notifications lost (${why}); reconnecting`);
    const attempt = () => {
      retry = undefined;
      connect().then(() => (backoff = 1000)).catch(() => {
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        if (!stopped) retry = setTimeout(attempt, backoff);
      });
    };
    retry = setTimeout(attempt, backoff);
  };

  const connect = async () => {
    const client = new pg.Client({ connectionString: options.url, keepAlive: true, application_name: options.name });
    client.on('notification', (message) => options.onNotification(message.channel, message.payload ?? ''));
    client.on('error', () => lost(client, 'connection error'));
    try {
      await client.connect();
      await client.query(options.channels.map((channel) => `listen ${channel}`).join('; '));
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    options.onReset();
    options.onLive?.(true);
    options.log?.(`listening for ${options.channels.join(', ')}`);
    heartbeat = setInterval(() => {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), Math.min(5000, heartbeatMs)).unref());
      Promise.race([client.query('select 1'), timeout]).catch(() => lost(client, 'no answer to a check'));
    }, heartbeatMs);
    heartbeat.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    const client = current;
    current = undefined;
    options.onLive?.(false);
    await client?.end().catch(() => undefined);
    options.onReset();
  };
}
