// Small helpers every part of the demo shares: random draws, dates and times of day, and writing
// in batches. Everything random draws from the seeded faker, so every demo is the same, and in the
// order each planner calls it.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Person } from './plan.ts';
import type { Ctx, Pool } from './mentoring-plan.ts';

export const DAY = 86_400_000;

export const uuid = () => faker.string.uuid();
export const between = (min: number, max: number) => faker.number.float({ min, max });
export const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
export const daysAgo = (now: Date, min: number, max: number) => plusDays(now, -between(min, max));
export const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
export const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
export const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
export const chance = (probability: number) => faker.datatype.boolean(probability);

/** The same moment, or if it fell at night the same day's waking hours (7am to 9pm): never more than eight hours away. */
export function daytime(date: Date): Date {
  const at = new Date(date);
  const hour = at.getUTCHours();
  if (hour < 7) at.setUTCHours(hour + 7);
  else if (hour >= 21) at.setUTCHours(hour - 8);
  return at;
}

/** The same day (or the Friday before a weekend), on the hour or half past, in working hours: never a later day. */
export function workingTime(date: Date): Date {
  const at = new Date(date);
  const weekday = at.getUTCDay();
  if (weekday === 0) at.setUTCDate(at.getUTCDate() - 2);
  if (weekday === 6) at.setUTCDate(at.getUTCDate() - 1);
  at.setUTCHours(pick([8, 9, 10, 11, 12, 13, 14, 15]), pick([0, 30]), 0, 0);
  return at;
}

/** The meeting_mode taxonomy keys (migration 0003) that invitations, contracts and sessions draw from. */
export const modeKeys = ['face_to_face', 'video', 'phone'] as const;

/** `count` meeting modes, as taxonomy term ids. */
export const modeIds = (ctx: Ctx, count: number) => faker.helpers.arrayElements([...modeKeys], count).map((key) => ctx.terms.id('meeting_mode', key));

/** A mentor the pool may still give a mentee to: not paused, and within their capacity. */
export const hasRoom = (pool: Pool, id: string) => !pool.paused.has(id) && (pool.active.get(id) ?? 0) < (pool.capacity.get(id) ?? 0);

/** Dates relative to `now`, for planning what happened over the past year. */
export function createClock(now: Date) {
  return {
    now,
    ago: ([min, max]: [number, number]) => new Date(now.getTime() - faker.number.float({ min, max }) * DAY),
    /** Some days after `from`, but always before now, however little room is left. */
    after: (from: Date, min: number, max: number) => {
      const room = (now.getTime() - from.getTime()) / DAY;
      return new Date(from.getTime() + Math.min(faker.number.float({ min, max }), room * 0.8) * DAY);
    },
  };
}
export type Clock = ReturnType<typeof createClock>;

export const fullName = (person: Pick<Person, 'firstName' | 'lastName'>) => `${person.firstName} ${person.lastName}`;
export const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A value stored earlier under `key`; the demo's own bookkeeping, so a miss is a bug. */
export function required<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: nothing stored for ${key}`);
  return value;
}

/** Batches small enough to stay far below PostgreSQL's 65,535 bind parameters per statement. */
export function chunks<T>(rows: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}
