// The programme admins' concerns queue and one concern: who raised it, about which relationship,
// when, the text and the admins' actions. Only admins of the concern's own programme see it; a
// concern id from another programme is a 404. An admin who is a party to the relationship a concern
// is about never sees it (it may be about them), so it is a 404 for them too.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import type { ConcernStatus } from '../../../db/types.ts';
import { ForbiddenError, NotFoundError } from '../../../errors.ts';
import type { RelationshipDeps, Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import {
  ACTION_NOTE_MAX, concernStatusColours, concernStatusLabels, concernStatuses, type ConcernActionInput,
} from './schemas.ts';
import { paragraphsOf } from '../paragraphs.ts';

async function programmeFor(db: Db | Trx, actor: Actor, programmeId: string) {
  if (!policies.canOverseeRelationships(actor, programmeId)) throw new ForbiddenError();
  const programme = await db.selectFrom('programmes').select(['id', 'name']).where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme;
}

/** Concerns of the programme, with the pair's names, leaving out any about the admin's own relationships. */
function concernsQuery(db: Db | Trx, actor: Actor, programmeId: string) {
  return db.selectFrom('concerns as c')
    .leftJoin('relationships as r', 'r.id', 'c.relationship_id')
    .leftJoin('users as raiser', 'raiser.id', 'c.raised_by')
    .leftJoin('users as mentee', 'mentee.id', 'r.mentee_id')
    .leftJoin('users as mentor', 'mentor.id', 'r.mentor_id')
    .where('c.programme_id', '=', programmeId)
    .where((eb) => eb.or([eb('r.id', 'is', null), eb.and([eb('r.mentee_id', '<>', actor.id), eb('r.mentor_id', '<>', actor.id)])]));
}

export async function getConcernQueue(db: Db, actor: Actor, programmeId: string, status: ConcernStatus) {
  const programme = await programmeFor(db, actor, programmeId);
  const [counts, rows] = await Promise.all([
    concernsQuery(db, actor, programmeId).select(['c.status', (eb) => eb.fn.countAll<string>().as('count')]).groupBy('c.status').execute(),
    concernsQuery(db, actor, programmeId)
      .select(['c.id', 'c.created_at', 'c.updated_at', 'raiser.full_name as raiserName', 'mentee.full_name as menteeName', 'mentor.full_name as mentorName'])
      .where('c.status', '=', status).orderBy('c.created_at', status === 'closed' ? 'desc' : 'asc').execute(),
  ]);
  return {
    programme, status, statusLabel: concernStatusLabels[status],
    tabs: concernStatuses.map((s) => ({
      status: s, label: concernStatusLabels[s], count: Number(counts.find((c) => c.status === s)?.count ?? 0),
      href: `${paths.adminConcerns(programmeId)}?status=${s}`, isCurrent: s === status,
    })),
    concerns: rows.map((row) => ({
      href: paths.adminConcern(programmeId, row.id), raisedAt: row.created_at, updatedAt: row.updated_at,
      raiserName: row.raiserName ?? 'Someone no longer registered',
      pair: row.menteeName && row.mentorName ? `${row.menteeName} (mentee) and ${row.mentorName} (mentor)` : 'Not known',
    })),
  };
}

async function findConcern(db: Db | Trx, actor: Actor, programmeId: string, concernId: string) {
  const row = await concernsQuery(db, actor, programmeId)
    .select(['c.id', 'c.relationship_id', 'c.raised_by', 'c.body', 'c.status', 'c.created_at', 'r.mentee_id', 'raiser.full_name as raiserName', 'mentee.full_name as menteeName', 'mentor.full_name as mentorName'])
    .where('c.id', '=', concernId).executeTakeFirst();
  if (!row) throw new NotFoundError();
  return row;
}

export async function getConcernForAdmin(db: Db, actor: Actor, programmeId: string, concernId: string) {
  const programme = await programmeFor(db, actor, programmeId);
  const concern = await findConcern(db, actor, programmeId, concernId);
  const actions = await db.selectFrom('concern_actions as a').leftJoin('users as u', 'u.id', 'a.admin_id')
    .select(['a.note', 'a.created_at', 'u.full_name as adminName']).where('a.concern_id', '=', concernId).orderBy('a.created_at').execute();
  const raiserRole = concern.raised_by === null ? null : concern.raised_by === concern.mentee_id ? 'mentee' : 'mentor';
  return {
    programme,
    concern: {
      id: concern.id, status: concern.status, statusLabel: concernStatusLabels[concern.status], statusColour: concernStatusColours[concern.status],
      raisedAt: concern.created_at, paragraphs: paragraphsOf(concern.body),
      raiser: concern.raiserName ? `${concern.raiserName}${raiserRole ? ` (the ${raiserRole})` : ''}` : 'Someone no longer registered',
      pair: concern.menteeName && concern.mentorName ? { mentee: concern.menteeName, mentor: concern.mentorName } : null,
      relationshipHref: concern.relationship_id ? paths.adminRelationship(programmeId, concern.relationship_id) : null,
    },
    actions: actions.map((a) => ({ at: a.created_at, adminName: a.adminName ?? 'A former admin', paragraphs: paragraphsOf(a.note) })),
    noteMax: ACTION_NOTE_MAX,
    statusOptions: concernStatuses.map((s) => ({ value: s, text: concernStatusLabels[s] })),
    links: { action: paths.adminConcern(programmeId, concernId), queue: paths.adminConcerns(programmeId) },
  };
}

/** Records what an admin did and sets the status, in one transaction on the locked concern. */
export async function recordConcernAction(deps: RelationshipDeps, actor: Actor, programmeId: string, concernId: string, input: ConcernActionInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await programmeFor(trx, actor, programmeId);
    await findConcern(trx, actor, programmeId, concernId);
    const locked = await trx.selectFrom('concerns').select(['id', 'status']).where('id', '=', concernId).forUpdate().executeTakeFirstOrThrow();
    await trx.insertInto('concern_actions').values({ concern_id: concernId, admin_id: actor.id, note: input.note }).execute();
    await trx.updateTable('concerns').set({ status: input.status, updated_at: new Date() }).where('id', '=', concernId).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: 'concern.action_recorded', subjectType: 'concern', subjectId: concernId, programmeId,
      details: { from: locked.status, to: input.status },
    });
  });
}
