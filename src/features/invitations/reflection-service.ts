// Private fit reflections: each party's own notes on how well they fit, once they have met. Stored
// only as AES-256-GCM ciphertext bound to the invitation and author (platform/crypto.ts), read back
// only for their author: never the other party, never admins (PRODUCT.md, "who sees what").
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../errors.ts';
import type { KeyRing } from '../../platform/crypto.ts';
import { allowedActions } from './actions.ts';
import { lockForAction } from './respond-service.ts';
import { auditInvitation, roleOf } from './transitions.ts';

function context(invitationId: string, authorId: string): string {
  return `fit:${invitationId}:${authorId}`;
}

export interface ReflectionPage {
  invitationId: string;
  otherName: string;
  text: string | null;
  updatedAt: Date | null;
}

export async function getReflection(db: Db, keys: KeyRing, actor: Actor, invitationId: string): Promise<ReflectionPage> {
  const invitation = await db.selectFrom('invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
  if (!invitation || !policies.isInvitationParty(actor, { menteeId: invitation.mentee_id, mentorId: invitation.mentor_id })) throw new NotFoundError();
  const role = roleOf(invitation, actor.id);
  const mine = await db.selectFrom('fit_reflections').selectAll().where('invitation_id', '=', invitationId).where('author_id', '=', actor.id).executeTakeFirst();
  // A reflection already written stays readable by its author; writing one needs the meeting to have happened.
  if (!mine && !allowedActions(invitation, role).has('reflect')) throw new NotFoundError();
  const other = await db.selectFrom('users').select('full_name').where('id', '=', role === 'mentee' ? invitation.mentor_id : invitation.mentee_id).executeTakeFirstOrThrow();
  return {
    invitationId,
    otherName: other.full_name,
    text: mine ? keys.open({ keyId: mine.key_id, ciphertext: mine.ciphertext }, context(invitationId, actor.id)) : null,
    updatedAt: mine?.updated_at ?? null,
  };
}

export async function saveReflection(deps: { db: Db; keys: KeyRing }, actor: Actor, invitationId: string, text: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { invitation } = await lockForAction(trx, actor, invitationId, 'reflect');
    const sealed = deps.keys.seal(text, context(invitation.id, actor.id));
    await trx
      .insertInto('fit_reflections')
      .values({ invitation_id: invitation.id, author_id: actor.id, key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['invitation_id', 'author_id']).doUpdateSet({ key_id: sealed.keyId, ciphertext: sealed.ciphertext, updated_at: new Date() }))
      .execute();
    await auditInvitation(trx, invitation, actor.id, 'reflection_saved');
  });
}
