// Programmes and their admins: a platform admin creates a programme, refines every setting of it
// (PRODUCT.md, "Programmes") and appoints the people who run it.
import { sql } from 'kysely';
import type { Environment } from 'nunjucks';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { recordAudit } from '../../db/audit.ts';
import type { MentoringType, ProgrammeRole } from '../../db/types.ts';
import { emailContent } from '../../email/content.ts';
import { queueEmail } from '../../email/outbox.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { ProgrammeSettingsInput } from './schemas.ts';

export interface ProgrammeDeps {
  db: Db;
  jobs: JobQueue;
  views: Environment;
  config: Config;
}

const roleNames: Record<ProgrammeRole, string> = { programme_admin: 'Programme admin', mentor: 'Mentor', mentee: 'Mentee' };

export async function listProgrammesForActor(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('programme_memberships as m')
    .innerJoin('programmes as p', 'p.id', 'm.programme_id')
    .select(['p.id', 'p.name', sql<ProgrammeRole[]>`array_agg(m.role order by m.role)`.as('roles')])
    .where('m.user_id', '=', actor.id)
    .where('p.archived_at', 'is', null)
    .groupBy(['p.id', 'p.name'])
    .orderBy('p.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    canManage: policies.canManageProgramme(actor, row.id),
    rolesText: row.roles.map((role) => roleNames[role]).join(', '),
  }));
}

export async function listAllProgrammes(db: Db) {
  return db
    .selectFrom('programmes as p')
    .select([
      'p.id', 'p.name', 'p.is_open', 'p.mentoring_types', 'p.created_at',
      (eb) => eb.selectFrom('programme_memberships as m').whereRef('m.programme_id', '=', 'p.id').where('m.role', '=', 'programme_admin').select(sql<number>`count(*)`.as('n')).as('admin_count'),
    ])
    .where('p.archived_at', 'is', null)
    .orderBy('p.name')
    .execute();
}

export async function getProgramme(db: Db, programmeId: string) {
  const programme = await db.selectFrom('programmes').selectAll().where('id', '=', programmeId).executeTakeFirst();
  if (!programme) throw new NotFoundError();
  return programme;
}

export async function listProgrammeAdmins(db: Db, programmeId: string) {
  return db
    .selectFrom('programme_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.full_name', 'u.email', 'm.created_at'])
    .where('m.programme_id', '=', programmeId)
    .where('m.role', '=', 'programme_admin')
    .orderBy('u.full_name')
    .execute();
}

export function slugify(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'programme';
}

export interface NewProgramme {
  name: string;
  description: string;
  mentoringTypes: MentoringType[];
}

export async function createProgramme(deps: ProgrammeDeps, actor: Actor, input: NewProgramme): Promise<string> {
  if (!policies.canAdministerPlatform(actor)) throw new ForbiddenError();
  return deps.db.transaction().execute(async (trx) => {
    // Try "name", "name-2", … ; ON CONFLICT keeps two people creating "the same" programme at the
    // same moment from failing: each gets the next free slug.
    const base = slugify(input.name);
    let programme: { id: string } | undefined;
    for (let n = 1; !programme; n += 1) {
      programme = await trx
        .insertInto('programmes')
        .values({ name: input.name, slug: n === 1 ? base : `${base}-${n}`, description: input.description, mentoring_types: input.mentoringTypes, created_by: actor.id })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst();
    }
    await recordAudit(trx, { actorId: actor.id, action: 'programme.created', subjectType: 'programme', subjectId: programme.id, programmeId: programme.id });
    return programme.id;
  });
}

/** Every setting of a programme at once; the slug stays as it was so links keep working. */
export async function updateProgrammeSettings(db: Db, actor: Actor, programmeId: string, input: ProgrammeSettingsInput): Promise<void> {
  if (!policies.canAdministerPlatform(actor)) throw new ForbiddenError();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('programmes')
      .set({
        name: input.name,
        description: input.description,
        eligibility: input.eligibility,
        mentoring_types: input.mentoringTypes,
        requires_line_manager: input.requiresLineManager,
        requires_admin_approval: input.requiresAdminApproval,
        max_open_invitations: input.maxOpenInvitations,
        invitation_reminder_days: input.invitationReminderDays,
        invitation_expiry_days: input.invitationExpiryDays,
        line_manager_reminder_days: input.lineManagerReminderDays,
        line_manager_expiry_days: input.lineManagerExpiryDays,
        is_open: input.isOpen,
        confidentiality_text: input.confidentialityText,
        updated_at: new Date(),
      })
      .where('id', '=', programmeId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new NotFoundError();
    await recordAudit(trx, {
      actorId: actor.id, action: 'programme.settings_updated', subjectType: 'programme', subjectId: programmeId, programmeId,
      details: { isOpen: input.isOpen },
    });
  });
}

export async function appointProgrammeAdmin(deps: ProgrammeDeps, actor: Actor, programmeId: string, email: string): Promise<void> {
  if (!policies.canAdministerPlatform(actor)) throw new ForbiddenError();
  await getProgramme(deps.db, programmeId);
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'email']).where('email', '=', email).executeTakeFirst();
    if (!user) throw new ValidationError({ email: 'There is no account with this email address. Ask them to create an account first' });
    const inserted = await trx
      .insertInto('programme_memberships')
      .values({ programme_id: programmeId, user_id: user.id, role: 'programme_admin', created_by: actor.id })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new ValidationError({ email: 'This person is already a programme admin of this programme' });
    await queueEmail(trx, { jobs: deps.jobs, views: deps.views, serviceName: deps.config.serviceName }, {
      to: user.email,
      userId: user.id,
      template: 'programmeAdminAppointed',
      content: emailContent.programmeAdminAppointed({ programmeUrl: `${deps.config.baseUrl}/admin/programmes/${programmeId}`, serviceName: deps.config.serviceName }),
    });
    await recordAudit(trx, { actorId: actor.id, action: 'programme.admin_appointed', subjectType: 'user', subjectId: user.id, programmeId });
  });
}

export async function removeProgrammeAdmin(deps: ProgrammeDeps, actor: Actor, programmeId: string, userId: string): Promise<void> {
  if (!policies.canAdministerPlatform(actor)) throw new ForbiddenError();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('programme_memberships')
      .where('programme_id', '=', programmeId)
      .where('user_id', '=', userId)
      .where('role', '=', 'programme_admin')
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new NotFoundError();
    await recordAudit(trx, { actorId: actor.id, action: 'programme.admin_removed', subjectType: 'user', subjectId: userId, programmeId });
  });
}
