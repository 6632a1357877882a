// Curating a resource library: platform admins keep the platform's (programme_id null), programme
// admins their own programme's (policies.canCurateResources). Resources are retired and restored,
// never deleted, so a link from an old page or email still finds something to say. A resource id
// that is not in the library being curated is a 404, whoever asks.
import { sql } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { RelationshipDeps, Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import { phaseLabelsOf, topicLabelsOf } from './library-service.ts';
import type { ResourceInput } from './schemas.ts';

/** Which library: the platform's (null) or one programme's. */
export interface LibraryScope {
  programmeId: string | null;
}

export interface CurationRow {
  id: string;
  title: string;
  phases: string;
  topics: string;
  isRetired: boolean;
  updatedAt: Date;
  editHref: string;
  retireAction: string;
  restoreAction: string;
}

/** Every address under one library's curation pages. */
export function curationPaths(scope: LibraryScope) {
  const base = scope.programmeId === null ? paths.platformResources() : paths.adminResources(scope.programmeId);
  return {
    list: base,
    create: `${base}/new`,
    edit: (id: string) => `${base}/${id}/edit`,
    update: (id: string) => `${base}/${id}`,
    retire: (id: string) => `${base}/${id}/retire`,
    restore: (id: string) => `${base}/${id}/restore`,
  };
}

/** The library's name for headings (the platform's, or the programme's name), after checking the actor may curate it (403, or 404 for no such programme). */
export async function libraryName(db: Db | Trx, actor: Actor, scope: LibraryScope): Promise<string> {
  if (!policies.canCurateResources(actor, scope.programmeId)) throw new ForbiddenError();
  if (scope.programmeId === null) return 'Platform resource library';
  const programme = await db.selectFrom('programmes').select('name').where('id', '=', scope.programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme.name;
}

export async function listForCuration(db: Db, actor: Actor, scope: LibraryScope) {
  const name = await libraryName(db, actor, scope);
  const to = curationPaths(scope);
  const rows = await db.selectFrom('resources').select(['id', 'title', 'phases', 'topics', 'retired_at', 'updated_at'])
    .where((eb) => (scope.programmeId === null ? eb('programme_id', 'is', null) : eb('programme_id', '=', scope.programmeId)))
    .orderBy(sql`retired_at is not null`).orderBy('title').execute();
  const resources: CurationRow[] = rows.map((row) => ({
    id: row.id, title: row.title,
    phases: phaseLabelsOf(row.phases).join(', ') || 'Any phase',
    topics: topicLabelsOf(row.topics).join(', ') || 'None',
    isRetired: row.retired_at !== null, updatedAt: row.updated_at,
    editHref: to.edit(row.id), retireAction: to.retire(row.id), restoreAction: to.restore(row.id),
  }));
  return { name, isPlatform: scope.programmeId === null, resources, links: { create: to.create } };
}

async function findInScope(db: Db | Trx, scope: LibraryScope, resourceId: string, lock: boolean) {
  let query = db.selectFrom('resources')
    .select(['id', 'title', 'summary', 'body', 'url', 'phases', 'topics', 'retired_at', sql<string>`updated_at::text`.as('version')])
    .where('id', '=', resourceId)
    .where((eb) => (scope.programmeId === null ? eb('programme_id', 'is', null) : eb('programme_id', '=', scope.programmeId)));
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

/** The edit form's starting values (as the form names them) and the revision it was opened at. */
export async function getForEdit(db: Db, actor: Actor, scope: LibraryScope, resourceId: string) {
  const name = await libraryName(db, actor, scope);
  const row = await findInScope(db, scope, resourceId, false);
  return {
    name,
    values: { title: row.title, summary: row.summary, body: row.body, url: row.url ?? '', phases: row.phases, topics: row.topics, version: row.version },
  };
}

export async function createResource(deps: RelationshipDeps, actor: Actor, scope: LibraryScope, input: ResourceInput): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    await libraryName(trx, actor, scope);
    const row = await trx.insertInto('resources').values({
      programme_id: scope.programmeId, title: input.title, summary: input.summary, body: input.body, url: input.url || null,
      phases: input.phases, topics: input.topics, created_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'resource.created', subjectType: 'resource', subjectId: row.id, programmeId: scope.programmeId });
    return row.id;
  });
}

export async function updateResource(deps: RelationshipDeps, actor: Actor, scope: LibraryScope, resourceId: string, input: ResourceInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await libraryName(trx, actor, scope);
    const current = await findInScope(trx, scope, resourceId, true);
    // Two admins editing the same guide: the second save would silently undo the first.
    if (current.version !== input.version) {
      throw new ConflictError('Someone else changed this resource after you opened it. Go back to the list and open it again to see their changes.', 'resource_stale');
    }
    await trx.updateTable('resources').set({
      title: input.title, summary: input.summary, body: input.body, url: input.url || null,
      phases: input.phases, topics: input.topics, updated_at: sql<Date>`clock_timestamp()`,
    }).where('id', '=', resourceId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'resource.updated', subjectType: 'resource', subjectId: resourceId, programmeId: scope.programmeId });
  });
}

/** Retire (hidden from every pair) or restore. Doing it twice changes nothing the second time. */
export async function setRetired(deps: RelationshipDeps, actor: Actor, scope: LibraryScope, resourceId: string, retire: boolean): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    await libraryName(trx, actor, scope);
    const current = await findInScope(trx, scope, resourceId, true);
    if ((current.retired_at !== null) !== retire) {
      await trx.updateTable('resources').set({ retired_at: retire ? sql<Date>`now()` : null, updated_at: sql<Date>`clock_timestamp()` }).where('id', '=', resourceId).execute();
      await recordAudit(trx, { actorId: actor.id, action: retire ? 'resource.retired' : 'resource.restored', subjectType: 'resource', subjectId: resourceId, programmeId: scope.programmeId });
    }
    return current.title;
  });
}
