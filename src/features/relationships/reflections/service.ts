// Saving a session reflection: the mentee's own few words on a held session ("one thing I got out
// of it"), how useful it was (1–10), an emoji, and whether the mentor may see it; one per session.
// One transaction under the relationship's lock, with its audit row (no text), and a notice to the
// mentor (never what it says) when it is first shared with them.
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import { ConflictError, ValidationError } from '../../../errors.ts';
import type { FormResult } from '../../../platform/forms.ts';
import { lockForChange, requireMentee } from '../access.ts';
import type { RelationshipDeps } from '../deps.ts';
import { notify } from '../notices.ts';
import { paths } from '../paths.ts';
import { sessionOf, sessionWhen } from '../session-of.ts';
import type { ReflectionInput } from './schemas.ts';

/**
 * Saves the mentee's reflection on a held session; the mentor is told (never what) when it is first
 * shared with them. The form is checked only after the refusals, so a mentor is told the reflection
 * is not theirs to write (409) whatever they sent, rather than how to fill it in.
 */
export async function saveReflection(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string, form: FormResult<ReflectionInput>): Promise<ReflectionInput> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = await sessionOf(trx, relationshipId, sessionId);
    requireMentee(actor, context, 'write a reflection on a session');
    if (session.status !== 'held') throw new ConflictError('You can write a reflection once the session has been held', 'session_not_held');
    if (!form.ok) throw new ValidationError(form.errors);
    const input = form.data;
    const before = await trx.selectFrom('session_reflections').select('shared_with_mentor').where('session_id', '=', sessionId).executeTakeFirst();
    const values = { takeaway: input.takeaway, usefulness: input.usefulness, emoji: input.emoji, shared_with_mentor: input.share };
    await trx.insertInto('session_reflections').values({ session_id: sessionId, mentee_id: context.relationship.mentee_id, ...values })
      .onConflict((oc) => oc.column('session_id').doUpdateSet(values)).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.session_reflection_saved', subjectType: 'relationship', subjectId: relationshipId,
      programmeId: context.relationship.programme_id, details: { sessionId, shared: input.share },
    });
    if (input.share && before?.shared_with_mentor !== true) {
      await notify(trx, deps, context.mentor, 'reflectionShared', { name: context.mentee.fullName, when: sessionWhen(session), path: paths.sessionReflection(relationshipId, sessionId) });
    }
    return input;
  });
}
