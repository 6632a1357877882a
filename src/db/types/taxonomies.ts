// Table type for taxonomy terms (migrations 0002 and 0003): the answers profiles, search filters
// and resources choose from, one list per taxonomy.
import type { Generated, Selectable } from 'kysely';
import type { NullableTimestamp } from './columns.ts';

export const taxonomyNames = ['profession', 'band', 'region', 'ics', 'care_setting', 'leadership_dimension', 'help_area', 'meeting_mode', 'language'] as const;
export type TaxonomyName = (typeof taxonomyNames)[number];

export interface TaxonomyTermsTable {
  id: Generated<string>;
  taxonomy: TaxonomyName;
  key: string;
  label: string;
  parent_id: string | null;
  sort_order: Generated<number>;
  retired_at: NullableTimestamp;
}

export type TaxonomyTerm = Selectable<TaxonomyTermsTable>;
