// Search latency inside the process: a 100,000-mentor fictional register in the in-memory index,
// searched with a realistic mix of filters and free text. Prints p50/p95/p99 and memory.
// (The full search benchmark, with the HTTP page against a hello-world route, is bench/search.ts.)
import { performance } from 'node:perf_hooks';
import { newBitSet, setBit } from '../src/matching/bitset.ts';
import { MentorIndex } from '../src/matching/search-index.ts';
import { noFilters, type SearchRequest } from '../src/matching/search-types.ts';
import { fictionalMentee, fictionalMentor, randomWords, seededRandom } from '../test/support/mentor-fixtures.ts';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function buildRegister(size: number): MentorIndex {
  const random = seededRandom(2026);
  const index = new MentorIndex();
  for (let n = 0; n < size; n += 1) index.upsert(fictionalMentor(random, n));
  return index;
}

/** A mix like real use: most searches use a filter or two, half add a few words. */
export function searchMix(count: number): SearchRequest[] {
  const random = seededRandom(99);
  return Array.from({ length: count }, (_, n) => {
    const filters = noFilters();
    if (n % 2 === 0) filters.regionIds = [Math.floor(random() * 10)];
    if (n % 3 === 0) {
      const areas = newBitSet(21);
      setBit(areas, Math.floor(random() * 21));
      filters.helpAreas = areas;
    }
    if (n % 5 === 0) filters.hasRoomNow = true;
    return { needs: fictionalMentee(random), text: n % 2 === 1 ? randomWords(random, 1 + (n % 3)) : '', filters, exclude: new Set(), offset: 0, limit: 20 };
  });
}

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

/** Times each search of the mix (after a warm-up), in milliseconds. */
export function measureIndexLatency(index: MentorIndex, count = 2000): Latency {
  const requests = searchMix(count);
  for (const request of requests.slice(0, 200)) index.search(request); // warm up
  const times: number[] = [];
  for (const request of requests) {
    const t0 = performance.now();
    index.search(request);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), count: times.length };
}

async function main() {
  const size = Number(process.argv[2] ?? 100_000);
  const started = performance.now();
  const index = buildRegister(size);
  const buildMs = performance.now() - started;
  const latency = measureIndexLatency(index);
  const memory = process.memoryUsage();
  console.log(`register: ${size.toLocaleString('en-GB')} mentors, index built in ${buildMs.toFixed(0)} ms`);
  console.log(`search latency over ${latency.count} searches: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
  console.log(`memory: heap used ${(memory.heapUsed / 1048576).toFixed(0)} MiB, rss ${(memory.rss / 1048576).toFixed(0)} MiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
