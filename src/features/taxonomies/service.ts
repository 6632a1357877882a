// Reading the taxonomies for forms, filters and profiles. A retired term is not offered for new
// answers but stays on the profiles that already have it (and in their forms, so saving an old
// profile does not silently drop it).
import type { Db } from '../../db/connection.ts';
import { taxonomyNames, type TaxonomyName, type TaxonomyTerm } from '../../db/types.ts';

export type TermsByTaxonomy = Record<TaxonomyName, TaxonomyTerm[]>;

/** Active terms of every taxonomy, plus any retired term in `keepIds` (what a profile already has). */
export async function listTermsForForms(db: Db, keepIds: string[] = []): Promise<TermsByTaxonomy> {
  const rows = await db
    .selectFrom('taxonomy_terms')
    .selectAll()
    .where((eb) => (keepIds.length > 0 ? eb.or([eb('retired_at', 'is', null), eb('id', 'in', keepIds)]) : eb('retired_at', 'is', null)))
    .orderBy('taxonomy')
    .orderBy('sort_order')
    .orderBy('label')
    .execute();
  const grouped = Object.fromEntries(taxonomyNames.map((name) => [name, [] as TaxonomyTerm[]])) as TermsByTaxonomy;
  for (const row of rows) grouped[row.taxonomy].push(row);
  return grouped;
}

/**
 * The ids among `ids` that are real terms of `taxonomy` a person may choose: active ones, or
 * retired ones they already had. Anything else (a forged or retired id) is dropped by the caller's
 * validation with a field error.
 */
export async function allowedTermIds(db: Db, taxonomy: TaxonomyName, ids: string[], alreadyHeld: string[] = []): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('taxonomy', '=', taxonomy)
    .where('id', 'in', ids)
    .where((eb) => (alreadyHeld.length > 0 ? eb.or([eb('retired_at', 'is', null), eb('id', 'in', alreadyHeld)]) : eb('retired_at', 'is', null)))
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Labels for ids, for showing a profile. */
export async function labelsFor(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'label']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.label]));
}
