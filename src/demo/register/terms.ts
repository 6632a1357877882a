// The taxonomy terms the demo's answers are written in, looked up once by taxonomy and key from
// what migration 0003 seeds, so each answer names its term by key rather than by id.
import type { Db } from '../../db/connection.ts';
import type { Terms } from '../plan.ts';

/** Every active term, by taxonomy and key: one query instead of one per answer. */
export async function loadTerms(db: Db): Promise<Terms> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'taxonomy', 'key']).where('retired_at', 'is', null).orderBy('sort_order').execute();
  return {
    id(taxonomy, key) {
      const row = rows.find((term) => term.taxonomy === taxonomy && term.key === key);
      if (!row) throw new Error(`demo seed: no ${taxonomy} term with key ${key}`);
      return row.id;
    },
    keys: (taxonomy) => rows.filter((term) => term.taxonomy === taxonomy).map((term) => term.key),
  };
}
