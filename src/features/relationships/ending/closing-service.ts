// Closing reflections: after the relationship has ended, each party writes a short reflection on
// what went well and what they learned. Only its author ever reads it — not the other party, not
// programme admins — so it is stored as AES-256-GCM ciphertext bound to the relationship and author
// (platform/crypto.ts, migration 0010), like private notes and fit reflections. One per author,
// editable. Writing one before the end is refused (409): it is a reflection on a finished relationship.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { ConflictError, NotFoundError } from '../../../errors.ts';
import type { KeyRing } from '../../../platform/crypto.ts';
import { loadForParty } from '../access.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';

function context(relationshipId: string, authorId: string): string {
  return `closing:${relationshipId}:${authorId}`;
}

export class NotEndedYetError extends ConflictError {
  constructor() {
    super('You can write a closing reflection once the mentoring relationship has ended', 'not_ended');
  }
}

export async function readClosingReflection(db: Db, keys: KeyRing, relationshipId: string, authorId: string): Promise<string | null> {
  const row = await db.selectFrom('closing_reflections').select(['key_id', 'ciphertext'])
    .where('relationship_id', '=', relationshipId).where('author_id', '=', authorId).executeTakeFirst();
  return row ? keys.open({ keyId: row.key_id, ciphertext: row.ciphertext }, context(relationshipId, authorId)) : null;
}

export interface ClosingPage {
  frame: Frame;
  relationshipId: string;
  otherName: string;
  isEnded: boolean;
  text: string | null;
  action: string;
  endHref: string;
}

export async function getClosingPage(deps: { db: Db; keys: KeyRing }, actor: Actor, relationshipId: string): Promise<ClosingPage> {
  const c = await loadForParty(deps.db, actor, relationshipId);
  return {
    frame: frameOf(c), relationshipId, otherName: c.other.fullName, isEnded: !c.isActive,
    text: c.isActive ? null : await readClosingReflection(deps.db, deps.keys, relationshipId, actor.id),
    action: paths.closingReflection(relationshipId), endHref: paths.end(relationshipId),
  };
}

export async function saveClosingReflection(deps: { db: Db; keys: KeyRing }, actor: Actor, relationshipId: string, text: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // The same row lock as an ending, so a reflection is never saved against a relationship that is still ending.
    const r = await trx.selectFrom('relationships').select(['id', 'mentee_id', 'mentor_id', 'status', 'programme_id'])
      .where('id', '=', relationshipId).forUpdate().executeTakeFirst();
    if (!r || !policies.isRelationshipParty(actor, { menteeId: r.mentee_id, mentorId: r.mentor_id })) throw new NotFoundError();
    if (r.status !== 'ended') throw new NotEndedYetError();
    const sealed = deps.keys.seal(text, context(r.id, actor.id));
    const now = new Date();
    await trx.insertInto('closing_reflections')
      .values({ relationship_id: r.id, author_id: actor.id, key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: now })
      .onConflict((oc) => oc.columns(['relationship_id', 'author_id']).doUpdateSet({ key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: now }))
      .execute();
    await recordAudit(trx, { actorId: actor.id, action: 'relationship.closing_reflection_saved', subjectType: 'relationship', subjectId: r.id, programmeId: r.programme_id });
  });
}
