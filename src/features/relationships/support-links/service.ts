// A programme admin's support links. When a programme has any, its pairs see only those; otherwise
// they see the platform's (resources/library-service.ts, supportLinksFor). Links are configuration, so removing
// one is a real delete, recorded in the audit trail.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { RelationshipDeps, Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import { supportKindLabels, type SupportLinkInput } from './schemas.ts';

export function supportPaths(programmeId: string) {
  const base = paths.adminSupportLinks(programmeId);
  return {
    list: base,
    create: `${base}/new`,
    edit: (id: string) => `${base}/${id}/edit`,
    update: (id: string) => `${base}/${id}`,
    remove: (id: string) => `${base}/${id}/remove`,
  };
}

/** The programme's name, after checking the actor curates it (403) and that it exists (404). */
export async function programmeNameFor(db: Db | Trx, actor: Actor, programmeId: string): Promise<string> {
  if (!policies.canCurateResources(actor, programmeId)) throw new ForbiddenError();
  const programme = await db.selectFrom('programmes').select('name').where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme.name;
}

export async function listSupportLinks(db: Db, actor: Actor, programmeId: string) {
  const programmeName = await programmeNameFor(db, actor, programmeId);
  const to = supportPaths(programmeId);
  const rows = await db.selectFrom('support_links').select(['id', 'programme_id', 'kind', 'title', 'url', 'sort_order'])
    .where((eb) => eb.or([eb('programme_id', 'is', null), eb('programme_id', '=', programmeId)]))
    .orderBy('sort_order').orderBy('title').execute();
  const view = (row: (typeof rows)[number]) => ({
    id: row.id, kind: supportKindLabels[row.kind], title: row.title, url: row.url, sortOrder: row.sort_order,
    editHref: to.edit(row.id), removeAction: to.remove(row.id),
  });
  return {
    programme: { id: programmeId, name: programmeName },
    own: rows.filter((row) => row.programme_id !== null).map(view),
    platform: rows.filter((row) => row.programme_id === null).map(view),
    links: { create: to.create },
  };
}

async function findLink(db: Db | Trx, programmeId: string, linkId: string, lock: boolean) {
  let query = db.selectFrom('support_links').select(['id', 'kind', 'title', 'url', 'sort_order'])
    .where('id', '=', linkId).where('programme_id', '=', programmeId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

export async function getSupportLinkForEdit(db: Db, actor: Actor, programmeId: string, linkId: string) {
  await programmeNameFor(db, actor, programmeId);
  const row = await findLink(db, programmeId, linkId, false);
  return { kind: row.kind, title: row.title, url: row.url, sortOrder: String(row.sort_order) };
}

export async function saveSupportLink(deps: RelationshipDeps, actor: Actor, programmeId: string, linkId: string | null, input: SupportLinkInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await programmeNameFor(trx, actor, programmeId);
    const values = { kind: input.kind, title: input.title, url: input.url, sort_order: input.sortOrder };
    let id = linkId;
    if (id === null) {
      id = (await trx.insertInto('support_links').values({ ...values, programme_id: programmeId }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      await findLink(trx, programmeId, id, true);
      await trx.updateTable('support_links').set(values).where('id', '=', id).execute();
    }
    await recordAudit(trx, { actorId: actor.id, action: linkId === null ? 'support_link.created' : 'support_link.updated', subjectType: 'support_link', subjectId: id, programmeId });
  });
}

export async function removeSupportLink(deps: RelationshipDeps, actor: Actor, programmeId: string, linkId: string): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    await programmeNameFor(trx, actor, programmeId);
    const row = await findLink(trx, programmeId, linkId, true);
    await trx.deleteFrom('support_links').where('id', '=', linkId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'support_link.removed', subjectType: 'support_link', subjectId: linkId, programmeId });
    return row.title;
  });
}
