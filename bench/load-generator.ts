// A bounded HTTP load generator for bench/search.ts, run as its own process so it does not share
// the server's event loop: a fixed number of keep-alive connections to one loopback port, each
// sending its next request as soon as the last answer arrives, for a fixed time and at most a fixed
// number of requests. Prints one JSON line: requests, seconds, requests per second, statuses.
import http from 'node:http';

export interface LoadPlan {
  port: number;
  paths: string[];
  cookie: string;
  seconds: number;
  connections: number;
  maxRequests: number;
  /** Append `&fresh=<n>` (n counting up from `freshFrom`) so that no address is ever requested twice. */
  fresh?: { from: number };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  statuses: Record<string, number>;
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const statuses: Record<string, number> = {};
  let sent = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + plan.seconds * 1000;
  const one = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: plan.port, path, agent, headers: plan.cookie ? { cookie: plan.cookie } : {} }, (response) => {
        response.resume();
        response.on('end', () => {
          const key = String(response.statusCode);
          statuses[key] = (statuses[key] ?? 0) + 1;
          done += 1;
          resolve();
        });
      });
      request.on('error', reject);
      request.end();
    });
  await Promise.all(
    Array.from({ length: plan.connections }, async () => {
      while (performance.now() < deadline && sent < plan.maxRequests) {
        const base = plan.paths[sent % plan.paths.length] ?? '/';
        const path = plan.fresh ? `${base}&fresh=${plan.fresh.from + sent}` : base;
        sent += 1;
        await one(path);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: done, seconds, rps: done / seconds, statuses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
  // Only ever loopback, bounded in time and count (bench/search.ts sets both).
  if (!(plan.seconds > 0 && plan.seconds <= 60 && plan.maxRequests > 0 && plan.connections > 0 && plan.connections <= 64)) throw new Error('unbounded plan');
  process.stdout.write(`${JSON.stringify(await runLoad(plan))}\n`);
}
