// The filter panel: every taxonomy's active terms with the ones in the address chosen, built from
// the cached term codes (no query), and its HTML, which depends only on the filters and the
// taxonomies — so the same filters reuse it rather than render ~100 fields again (the panel is a
// third of the busiest page's rendering; see bench/search.ts).
import type { Environment } from 'nunjucks';
import type { TaxonomyName } from '../../db/types.ts';
import type { TermCodes } from '../../matching/term-codes.ts';
import { queryString, type SearchQuery } from './filters.ts';

export interface Option {
  value: string;
  text: string;
  chosen: boolean;
}

export interface FilterPanel {
  professions: Option[];
  regions: Option[];
  settings: Option[];
  bands: Option[];
  areas: Option[];
  dimensions: Option[];
  languages: Option[];
  modes: Option[];
  types: Option[];
}

function options(codes: TermCodes, taxonomy: TaxonomyName, chosen: string[]): Option[] {
  return codes.activeTerms(taxonomy).map((term) => ({ value: term.key, text: term.label, chosen: chosen.includes(term.key) }));
}

export function filterPanel(codes: TermCodes, query: SearchQuery, types: { value: string; text: string }[]): FilterPanel {
  return {
    professions: options(codes, 'profession', query.profession),
    regions: options(codes, 'region', query.region),
    settings: options(codes, 'care_setting', query.setting),
    // Seniority compares ranks, so grades with no rank (students aside) cannot be filtered on.
    bands: options(codes, 'band', query.band).filter((option) => {
      const term = codes.termByKey('band', option.value);
      return term !== undefined && codes.rank(term.id) >= 0;
    }),
    areas: options(codes, 'help_area', query.area),
    dimensions: options(codes, 'leadership_dimension', query.dimension),
    languages: options(codes, 'language', query.language),
    modes: options(codes, 'meeting_mode', query.mode),
    types: types.map((type) => ({ ...type, chosen: query.type === type.value })),
  };
}

const KEPT_PER_TAXONOMY_VERSION = 500;
/** Per set of term codes (a taxonomy change makes new codes, so old panels are simply dropped). */
const rendered = new WeakMap<TermCodes, Map<string, string>>();

export function filterPanelHtml(views: Environment, codes: TermCodes, query: SearchQuery, types: { value: string; text: string }[], action: string): string {
  const key = `${action}${queryString({ ...query, page: 1 })}|${types.map((type) => type.value).join(',')}`;
  const cache = rendered.get(codes) ?? new Map<string, string>();
  rendered.set(codes, cache);
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  const html = views.render('search/views/filter-panel.njk', { panel: filterPanel(codes, query, types), query, action });
  // Oldest out first: a Map keeps insertion order.
  if (cache.size >= KEPT_PER_TAXONOMY_VERSION) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, html);
  return html;
}
