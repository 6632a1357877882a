// Small helpers the mentors feature's handlers share: its service dependencies, where to go back
// to after saving a section, and checkbox values kept as lists when a form is shown again.
import type { FastifyInstance } from 'fastify';
import { safeReturnPath } from '../../platform/guard-hook.ts';
import { paths, type MentorDeps } from './deps.ts';

export function mentorDeps(app: FastifyInstance): MentorDeps {
  return { ...app.deps, views: app.views };
}

/**
 * Where a section's "Continue" goes: back to the page that sent the person (their profile, or an
 * application's check-your-answers page). Only our own pages, never another site.
 */
export function returnPath(value: unknown): string {
  if (typeof value !== 'string') return paths.profile;
  const path = safeReturnPath(value);
  return path.startsWith(paths.profile) || /^\/programmes\/[0-9a-f-]{36}\/mentor-application$/.test(path) ? path : paths.profile;
}

/** Ticked checkboxes come back as a string for one and an array for several; pages want a list. */
export function withLists(values: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const copy = { ...values };
  for (const field of fields) {
    const value = copy[field];
    copy[field] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
  return copy;
}
