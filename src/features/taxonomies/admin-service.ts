// Editing the taxonomies (platform admins). Terms are never deleted: a profile that chose a term
// keeps it after the term is retired (service.ts shows retired terms only to those who hold them).
// Keys are made once from the first label and never change, so renaming cannot break a profile,
// a filter or a report.
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/connection.ts';
import type { Transaction } from 'kysely';
import { taxonomyNames, type Database, type TaxonomyName } from '../../db/types.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';

/** "Speech & language therapy" → "speech_and_language_therapy" (the CHECK on taxonomy_terms.key). */
export function termKeyFor(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
}

/** The single-valued profile column each taxonomy fills, where there is one. */
const profileColumn: Partial<Record<TaxonomyName, 'profession_id' | 'band_id' | 'region_id' | 'care_setting_id'>> = {
  profession: 'profession_id',
  band: 'band_id',
  region: 'region_id',
  care_setting: 'care_setting_id',
};

const DUPLICATE = 'A term with this name already exists';

function assertMayEdit(actor: Actor): void {
  if (!policies.canEditPlatformSettings(actor)) throw new ForbiddenError();
}

export async function listTaxonomySummaries(db: Db) {
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['taxonomy', sql<number>`count(*) filter (where retired_at is null)`.as('active'), sql<number>`count(*) filter (where retired_at is not null)`.as('retired')])
    .groupBy('taxonomy')
    .execute();
  return taxonomyNames.map((taxonomy) => {
    const row = rows.find((r) => r.taxonomy === taxonomy);
    return { taxonomy, active: row?.active ?? 0, retired: row?.retired ?? 0 };
  });
}

/** How many profiles (mentor and mentee, counted apart) use each term of the taxonomy. */
async function usageCounts(db: Db, taxonomy: TaxonomyName): Promise<Map<string, number>> {
  const queries = [
    db
      .selectFrom('profile_terms as pt')
      .innerJoin('taxonomy_terms as t', 't.id', 'pt.term_id')
      .select(['pt.term_id as termId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('t.taxonomy', '=', taxonomy)
      .groupBy('pt.term_id')
      .execute(),
  ];
  const column = profileColumn[taxonomy];
  if (column) {
    for (const table of ['mentor_profiles', 'mentee_profiles'] as const) {
      queries.push(
        db
          .selectFrom(table)
          .select([sql.ref<string>(column).as('termId'), (eb) => eb.fn.countAll<number>().as('n')])
          .where(column, 'is not', null)
          .groupBy(column)
          .execute(),
      );
    }
  }
  const counts = new Map<string, number>();
  for (const rows of await Promise.all(queries)) for (const row of rows) counts.set(row.termId, (counts.get(row.termId) ?? 0) + row.n);
  return counts;
}

export async function listTermsWithUsage(db: Db, taxonomy: TaxonomyName) {
  const [terms, counts] = await Promise.all([
    db
      .selectFrom('taxonomy_terms as t')
      .leftJoin('taxonomy_terms as parent', 'parent.id', 't.parent_id')
      .select(['t.id', 't.key', 't.label', 't.retired_at', 'parent.label as parentLabel'])
      .where('t.taxonomy', '=', taxonomy)
      .orderBy('t.sort_order')
      .orderBy('t.label')
      .execute(),
    usageCounts(db, taxonomy),
  ]);
  return terms.map((term) => ({ ...term, isRetired: term.retired_at !== null, uses: counts.get(term.id) ?? 0 }));
}

export async function getTerm(db: Db, taxonomy: TaxonomyName, termId: string) {
  const term = await db.selectFrom('taxonomy_terms').selectAll().where('taxonomy', '=', taxonomy).where('id', '=', termId).executeTakeFirst();
  if (!term) throw new NotFoundError();
  return term;
}

/**
 * One change to a taxonomy at a time: the duplicate-name check and the write must not interleave
 * with another admin adding the same name (the unique key alone would not catch equal labels).
 */
async function lockTaxonomy(trx: Transaction<Database>, taxonomy: TaxonomyName): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`taxonomy_terms:${taxonomy}`}))`.execute(trx);
}

async function assertNameFree(trx: Transaction<Database>, taxonomy: TaxonomyName, label: string, exceptId?: string): Promise<void> {
  const clash = await trx
    .selectFrom('taxonomy_terms')
    .select(['id', 'retired_at'])
    .where('taxonomy', '=', taxonomy)
    .where((eb) => eb.or([eb(sql`lower(label)`, '=', label.toLowerCase()), eb('key', '=', termKeyFor(label))]))
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId ?? ''))
    .executeTakeFirst();
  if (!clash) return;
  throw new ValidationError({ label: clash.retired_at ? `${DUPLICATE}. It is retired: restore it instead` : DUPLICATE });
}

export interface NewTerm {
  label: string;
  parentId?: string | undefined;
}

export async function addTerm(db: Db, actor: Actor, taxonomy: TaxonomyName, input: NewTerm): Promise<string> {
  assertMayEdit(actor);
  const key = termKeyFor(input.label);
  if (!key) throw new ValidationError({ label: 'Enter a name that includes at least one letter or number' });
  return db.transaction().execute(async (trx) => {
    await lockTaxonomy(trx, taxonomy);
    await assertNameFree(trx, taxonomy, input.label);
    // An ICS belongs to a region: an active region term, never a forged or retired id.
    let parentId: string | null = null;
    if (taxonomy === 'ics') {
      const region = input.parentId
        ? await trx.selectFrom('taxonomy_terms').select('id').where('id', '=', input.parentId).where('taxonomy', '=', 'region').where('retired_at', 'is', null).executeTakeFirst()
        : undefined;
      if (!region) throw new ValidationError({ parentId: 'Select the region this integrated care system is in' });
      parentId = region.id;
    }
    const { next } = await trx
      .selectFrom('taxonomy_terms')
      .select(sql<number>`coalesce(max(sort_order), 0) + 10`.as('next'))
      .where('taxonomy', '=', taxonomy)
      .executeTakeFirstOrThrow();
    const term = await trx
      .insertInto('taxonomy_terms')
      .values({ taxonomy, key, label: input.label, parent_id: parentId, sort_order: next })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'taxonomy_term.added', subjectType: 'taxonomy_term', subjectId: term.id, details: { taxonomy } });
    return term.id;
  });
}

/** A new label; the key stays what it was. */
export async function renameTerm(db: Db, actor: Actor, taxonomy: TaxonomyName, termId: string, label: string): Promise<void> {
  assertMayEdit(actor);
  await db.transaction().execute(async (trx) => {
    await lockTaxonomy(trx, taxonomy);
    const term = await trx.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', taxonomy).where('id', '=', termId).executeTakeFirst();
    if (!term) throw new NotFoundError();
    await assertNameFree(trx, taxonomy, label, termId);
    await trx.updateTable('taxonomy_terms').set({ label }).where('id', '=', termId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'taxonomy_term.renamed', subjectType: 'taxonomy_term', subjectId: termId, details: { taxonomy } });
  });
}

/**
 * Retire (no longer offered for new answers) or restore a term. Asking for the state it is already
 * in (a double click, a second tab) changes nothing and writes no audit row.
 */
export async function setTermRetired(db: Db, actor: Actor, taxonomy: TaxonomyName, termId: string, retire: boolean): Promise<{ label: string }> {
  assertMayEdit(actor);
  return db.transaction().execute(async (trx) => {
    const term = await trx.selectFrom('taxonomy_terms').select(['id', 'label', 'retired_at']).where('taxonomy', '=', taxonomy).where('id', '=', termId).forUpdate().executeTakeFirst();
    if (!term) throw new NotFoundError();
    if ((term.retired_at !== null) === retire) return { label: term.label };
    await trx.updateTable('taxonomy_terms').set({ retired_at: retire ? new Date() : null }).where('id', '=', termId).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: retire ? 'taxonomy_term.retired' : 'taxonomy_term.restored', subjectType: 'taxonomy_term', subjectId: termId, details: { taxonomy },
    });
    return { label: term.label };
  });
}
