// A mentor's training and accreditation records. Only their owner adds, changes or removes them
// (policies.isSelf, checked in SQL by owner). A new or changed record is unverified until a
// programme admin verifies it; an approved mentor stays approved meanwhile, and the record shows in
// their programmes' queues as "training to verify".
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { MentorDeps } from './deps.ts';
import type { TrainingInput } from './training-schemas.ts';

export interface TrainingRecordView {
  id: string;
  body: string;
  qualification: string;
  level: string;
  completedOn: string;
  expiresOn: string | null;
  verifiedAt: Date | null;
  isExpired: boolean;
}

export async function listTraining(db: Db, userId: string): Promise<TrainingRecordView[]> {
  const rows = await db
    .selectFrom('training_records')
    .select(['id', 'body', 'qualification', 'level', 'completed_on', 'expires_on', 'verified_at', sql<boolean>`coalesce(expires_on < current_date, false)`.as('is_expired')])
    .where('user_id', '=', userId)
    .orderBy('completed_on', 'desc')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id, body: row.body, qualification: row.qualification, level: row.level,
    completedOn: row.completed_on, expiresOn: row.expires_on, verifiedAt: row.verified_at, isExpired: row.is_expired,
  }));
}

/** One of the actor's own records; anyone else's is "not found", so ids reveal nothing. */
export async function getOwnTraining(db: Db, actor: Actor, recordId: string): Promise<TrainingRecordView> {
  const record = (await listTraining(db, actor.id)).find((row) => row.id === recordId);
  if (!record) throw new NotFoundError();
  return record;
}

export async function addTraining(deps: MentorDeps, actor: Actor, input: TrainingInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_records')
      .values({ user_id: actor.id, body: input.body, qualification: input.qualification, level: input.level, completed_on: input.completedOn, expires_on: input.expiresOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'training_record.added', subjectType: 'training_record', subjectId: row.id });
  });
}

export async function updateTraining(deps: MentorDeps, actor: Actor, recordId: string, input: TrainingInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('training_records').selectAll().where('id', '=', recordId).forUpdate().executeTakeFirst();
    if (!current || !policies.isSelf(actor, current.user_id)) throw new NotFoundError();
    const changed =
      current.body !== input.body || current.qualification !== input.qualification || current.level !== input.level ||
      current.completed_on !== input.completedOn || current.expires_on !== input.expiresOn;
    if (!changed) return;
    // A changed record goes back to the programme admins to verify.
    await trx
      .updateTable('training_records')
      .set({ body: input.body, qualification: input.qualification, level: input.level, completed_on: input.completedOn, expires_on: input.expiresOn, verified_at: null, verified_by: null })
      .where('id', '=', recordId)
      .execute();
    await recordAudit(trx, { actorId: actor.id, action: 'training_record.changed', subjectType: 'training_record', subjectId: recordId });
  });
}

export async function removeTraining(deps: MentorDeps, actor: Actor, recordId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('training_records').select('user_id').where('id', '=', recordId).forUpdate().executeTakeFirst();
    if (!current || !policies.isSelf(actor, current.user_id)) throw new NotFoundError();
    await trx.deleteFrom('training_records').where('id', '=', recordId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'training_record.removed', subjectType: 'training_record', subjectId: recordId });
  });
}

/**
 * A programme admin verifies a record of someone who applied to their programme. Verifying is part
 * of deciding on that application, so it follows the same rule (never one's own).
 */
export async function verifyTraining(deps: MentorDeps, actor: Actor, programmeId: string, applicationId: string, recordId: string): Promise<'verified' | 'already_verified'> {
  return deps.db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('mentor_applications')
      .select(['user_id', 'programme_id', 'submitted_at'])
      .where('id', '=', applicationId)
      .where('programme_id', '=', programmeId)
      .executeTakeFirst();
    if (!application || application.submitted_at === null) throw new NotFoundError();
    if (!policies.canDecideApplication(actor, { userId: application.user_id, programmeId })) throw new ForbiddenError();
    const record = await trx.selectFrom('training_records').select(['user_id', 'verified_at']).where('id', '=', recordId).forUpdate().executeTakeFirst();
    if (!record || record.user_id !== application.user_id) throw new NotFoundError();
    if (record.verified_at) return 'already_verified';
    await trx.updateTable('training_records').set({ verified_at: sql`now()`, verified_by: actor.id }).where('id', '=', recordId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'training_record.verified', subjectType: 'training_record', subjectId: recordId, programmeId });
    return 'verified';
  });
}
