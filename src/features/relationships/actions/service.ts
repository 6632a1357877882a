// Agreed actions: what the pair agreed someone will do — the mentee, the mentor, or both of them
// (owner_id null) — optionally by a date, and usually agreed in a session. Both parties add them
// and tick them off; nobody else sees them (programme admins never see content). Each change is one
// transaction under the relationship's lock, with its audit row (ids only).
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { AgreedAction } from '../../../db/types.ts';
import { NotFoundError } from '../../../errors.ts';
import { lockForChange, type RelationshipContext } from '../access.ts';
import type { RelationshipDeps, Trx } from '../deps.ts';
import { notify } from '../notices.ts';
import { paths } from '../paths.ts';
import { requireOpenSession, sessionOf, sessionWhen } from '../session-of.ts';
import type { ActionInput, ActionOwner } from './schemas.ts';

function ownerIdOf(context: RelationshipContext, owner: ActionOwner): string | null {
  return owner === 'both' ? null : owner === 'mentee' ? context.relationship.mentee_id : context.relationship.mentor_id;
}

/** Adds an action, from a session (not a cancelled one) or on its own; tells the other party that one was added, never what. */
export async function addAction(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string | null, input: ActionInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = sessionId ? await sessionOf(trx, relationshipId, sessionId) : null;
    if (session) requireOpenSession(session);
    const row = await trx.insertInto('agreed_actions').values({
      relationship_id: relationshipId, session_id: session?.id ?? null, description: input.description,
      owner_id: ownerIdOf(context, input.owner), due_on: input.dueOn, created_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.action_added', subjectType: 'relationship', subjectId: relationshipId,
      programmeId: context.relationship.programme_id, details: { actionId: row.id, sessionId: session?.id ?? null },
    });
    await notify(trx, deps, context.other, 'actionAdded', { name: context.me.fullName, when: session ? sessionWhen(session) : '', path: paths.actions(relationshipId) });
  });
}

async function lockAction(trx: Trx, relationshipId: string, actionId: string): Promise<AgreedAction> {
  const action = await trx.selectFrom('agreed_actions').selectAll().where('id', '=', actionId).where('relationship_id', '=', relationshipId).forUpdate().executeTakeFirst();
  if (!action) throw new NotFoundError();
  return action;
}

/** Marks an action done or not done (either party); returns the session it came from, for going back there. */
export async function setActionDone(deps: RelationshipDeps, actor: Actor, relationshipId: string, actionId: string, done: boolean): Promise<string | null> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const action = await lockAction(trx, relationshipId, actionId);
    // Marking an already-done action done again keeps the day it was first done.
    const doneAt = done ? (action.done_at ?? new Date()) : null;
    await trx.updateTable('agreed_actions').set({ done_at: doneAt }).where('id', '=', action.id).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: done ? 'relationship.action_done' : 'relationship.action_reopened', subjectType: 'relationship',
      subjectId: relationshipId, programmeId: context.relationship.programme_id, details: { actionId: action.id },
    });
    return action.session_id;
  });
}
