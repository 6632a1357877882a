// Taxonomy terms as the index needs them: a bit position for many-valued answers (areas, modes,
// languages, dimensions), a small integer for single answers (profession, region, setting, band),
// a seniority rank for bands, and the labels to explain a match. Rebuilt when a taxonomy changes.
// The search page also builds its filters from here, so a search costs no taxonomy query.
import type { Db } from '../db/connection.ts';
import type { TaxonomyName } from '../db/types.ts';

/**
 * Seniority on the Agenda for Change scale, with rough equivalents for medical grades, so a
 * consultant counts as more senior than a Band 6 nurse. Students and "not on Agenda for Change"
 * are not compared (-1), nor are grades an admin adds later.
 */
const BAND_RANKS: Record<string, number> = {
  afc_1: 1, afc_2: 2, afc_3: 3, afc_4: 4, afc_5: 5, afc_6: 6, afc_7: 7, afc_8a: 8, afc_8b: 9, afc_8c: 10, afc_8d: 11, afc_9: 12,
  foundation_doctor: 6, resident_doctor: 7, sas_doctor: 9, consultant: 10, gp: 10, vsm: 13, student: 0,
};

export interface CodedTerm {
  id: string;
  key: string;
  label: string;
  /** Its bit or small integer in the index. */
  code: number;
  isRetired: boolean;
}

export interface TermRow {
  id: string;
  taxonomy: TaxonomyName;
  key: string;
  label: string;
  retired_at?: Date | null;
}

export class TermCodes {
  private readonly codes = new Map<string, number>();
  private readonly ranks = new Map<string, number>();
  private readonly labels = new Map<TaxonomyName, string[]>();
  private readonly terms = new Map<TaxonomyName, CodedTerm[]>();
  private readonly byKey = new Map<string, CodedTerm>();

  constructor(rows: TermRow[]) {
    for (const row of rows) {
      const list = this.labels.get(row.taxonomy) ?? [];
      const term: CodedTerm = { id: row.id, key: row.key, label: row.label, code: list.length, isRetired: Boolean(row.retired_at) };
      this.codes.set(row.id, list.length);
      list.push(row.label);
      this.labels.set(row.taxonomy, list);
      const terms = this.terms.get(row.taxonomy) ?? [];
      terms.push(term);
      this.terms.set(row.taxonomy, terms);
      this.byKey.set(`${row.taxonomy}:${row.key}`, term);
      if (row.taxonomy === 'band') this.ranks.set(row.id, BAND_RANKS[row.key] ?? -1);
    }
  }

  /** The term's position in its taxonomy (its bit, or its small integer); -1 for none. */
  code(termId: string | null): number {
    return termId ? (this.codes.get(termId) ?? -1) : -1;
  }

  rank(bandTermId: string | null): number {
    return bandTermId ? (this.ranks.get(bandTermId) ?? -1) : -1;
  }

  label(taxonomy: TaxonomyName, code: number): string {
    return this.labels.get(taxonomy)?.[code] ?? '';
  }

  size(taxonomy: TaxonomyName): number {
    return this.labels.get(taxonomy)?.length ?? 0;
  }

  /** The terms people can choose from now (not retired), in the taxonomy's order. */
  activeTerms(taxonomy: TaxonomyName): CodedTerm[] {
    return (this.terms.get(taxonomy) ?? []).filter((term) => !term.isRetired);
  }

  /** A term by its stable key (the form search filters take in the URL); undefined if unknown. */
  termByKey(taxonomy: TaxonomyName, key: string): CodedTerm | undefined {
    return this.byKey.get(`${taxonomy}:${key}`);
  }
}

export async function loadTermCodes(db: Db): Promise<TermCodes> {
  // Retired terms keep their place: they are still on profiles.
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'taxonomy', 'key', 'label', 'retired_at'])
    .orderBy('taxonomy')
    .orderBy('sort_order')
    .orderBy('label')
    .orderBy('id')
    .execute();
  return new TermCodes(rows);
}
