// The search page's state lives in its address, so filters work without JavaScript, survive a
// reload and can be shared or bookmarked: taxonomy terms by their stable keys (`region=london`),
// repeated for checkboxes (`area=networking&area=leading_change`). Unknown keys are ignored rather
// than refused: an old bookmark after a term is renamed still opens a page.
import { z } from 'zod';
import { mentoringTypes, type MentoringType } from '../../db/types.ts';

/** One value or several; anything else (a nested object from a crafted URL) counts as none. */
const values = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
  z.array(z.unknown()).transform((items) => [...new Set(items.filter((item): item is string => typeof item === 'string' && item.length > 0 && item.length <= 80))].slice(0, 40)),
);

const text = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().catch('').default('')).transform((value) => value.trim().slice(0, 200));

export const searchQuerySchema = z.object({
  q: text,
  profession: values,
  region: values,
  setting: values,
  band: values,
  area: values,
  dimension: values,
  language: values,
  mode: values,
  type: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.enum(mentoringTypes).optional().catch(undefined)),
  room: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().optional().catch(undefined)).transform((value) => value === 'yes'),
  page: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});

export interface SearchQuery {
  q: string;
  /** Only set when the mentee chose a type; otherwise every type they may have (service.ts). */
  profession: string[];
  region: string[];
  setting: string[];
  band: string[];
  area: string[];
  dimension: string[];
  language: string[];
  mode: string[];
  type?: MentoringType;
  room: boolean;
  page: number;
}

/** What a malformed address gives: the fields that parsed, and nothing for the rest. */
export function parseSearchQuery(raw: unknown): SearchQuery {
  const parsed = searchQuerySchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : searchQuerySchema.parse({});
}

/** The address's parameters, one per filter the mentee can remove. */
export type FilterParam = 'q' | 'profession' | 'region' | 'setting' | 'band' | 'area' | 'dimension' | 'language' | 'mode' | 'type' | 'room';

/** How each filter is named in "Remove the … filter". */
export const filterNames: Record<FilterParam, string> = {
  q: 'search words',
  profession: 'profession',
  region: 'region',
  setting: 'care setting',
  band: 'band or grade',
  area: 'areas they can help with',
  dimension: 'leadership dimensions',
  language: 'language',
  mode: 'meeting mode',
  type: 'mentoring type',
  room: '"has room for a new mentee now"',
};

const LIST_PARAMS = ['profession', 'region', 'setting', 'band', 'area', 'dimension', 'language', 'mode'] as const;

/** The query string for this state (leading "?", or "" when empty), in one stable order. */
export function queryString(query: SearchQuery, change: { drop?: FilterParam; page?: number } = {}): string {
  const params = new URLSearchParams();
  if (query.q && change.drop !== 'q') params.append('q', query.q);
  for (const name of LIST_PARAMS) if (change.drop !== name) for (const value of query[name]) params.append(name, value);
  if (query.type && change.drop !== 'type') params.append('type', query.type);
  if (query.room && change.drop !== 'room') params.append('room', 'yes');
  const page = change.page ?? (change.drop ? 1 : query.page);
  if (page > 1) params.append('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when the mentee has chosen any filter or typed any words. */
export function hasChosenFilters(query: SearchQuery): boolean {
  return query.q !== '' || query.type !== undefined || query.room || LIST_PARAMS.some((name) => query[name].length > 0);
}
