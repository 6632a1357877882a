// Raising a concern (PRODUCT.md, journey 5): either party, in confidence, to the programme admins
// only. The other party is never told: nothing is emailed to them and nothing appears on any page
// they can open. The raiser sees that they raised one, when, and its status — not the admins' notes.
// Concerns can be raised after the relationship has ended too: what went wrong is often clearer
// then, and the admins still need to hear it.
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import type { ConcernStatus } from '../../../db/types.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { NotFoundError } from '../../../errors.ts';
import { loadForParty } from '../access.ts';
import { absoluteUrl, mailDeps, type RelationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { concernEmails } from './emails.ts';
import { CONCERN_MAX, concernStatusLabels, type ConcernInput } from './schemas.ts';
import { frameOf, type Frame } from '../frame.ts';

export interface ConcernPage {
  frame: Frame;
  programmeName: string;
  concernMax: number;
  mine: { raisedAt: Date; status: ConcernStatus; statusLabel: string }[];
  links: { action: string; resources: string };
}

export async function getConcernPage(db: Db, actor: Actor, relationshipId: string): Promise<ConcernPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const mine = await db.selectFrom('concerns').select(['created_at', 'status'])
    .where('relationship_id', '=', relationshipId).where('raised_by', '=', actor.id).orderBy('created_at', 'desc').execute();
  return {
    frame: frameOf(context),
    programmeName: context.programme.name,
    concernMax: CONCERN_MAX,
    mine: mine.map((row) => ({ raisedAt: row.created_at, status: row.status, statusLabel: concernStatusLabels[row.status] })),
    links: { action: paths.concern(relationshipId), resources: paths.resources(relationshipId) },
  };
}

/** Stores the concern and emails the programme's admins (content-free), in one transaction. */
export async function raiseConcern(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: ConcernInput): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    // Lock the relationship row as every change does, but without lockForChange's "still active"
    // rule: a concern may be raised after the end (see above).
    const locked = await trx.selectFrom('relationships').select('id').where('id', '=', relationshipId).forUpdate().executeTakeFirst();
    if (!locked) throw new NotFoundError();
    const context = await loadForParty(trx, actor, relationshipId);
    const programmeId = context.relationship.programme_id;
    const concern = await trx.insertInto('concerns')
      .values({ programme_id: programmeId, relationship_id: relationshipId, raised_by: actor.id, body: input.body })
      .returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'concern.raised', subjectType: 'concern', subjectId: concern.id, programmeId, details: { relationshipId } });
    const admins = await trx.selectFrom('programme_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email'])
      .where('m.programme_id', '=', programmeId).where('m.role', '=', 'programme_admin')
      // An admin who is themself in this relationship is not told: they may be the one it is about.
      .where('u.id', 'not in', [context.mentee.id, context.mentor.id])
      .execute();
    for (const admin of admins) {
      await queueEmail(trx, mailDeps(deps), {
        to: admin.email, userId: admin.id, template: 'relationshipConcernRaised',
        content: concernEmails.concernRaised({ programmeName: context.programme.name, url: absoluteUrl(deps, paths.adminConcerns(programmeId)) }),
      });
    }
    return concern.id;
  });
}
