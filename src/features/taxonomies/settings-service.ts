// Installation-wide settings: the code of ethics mentors accept when they join the register.
// One row (migration 0003 inserts it); platform admins edit it at /admin/settings.
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import { ForbiddenError } from '../../errors.ts';

export interface PlatformSettings {
  ethicsCodeName: string;
  ethicsCodeUrl: string;
  ethicsCodeSummary: string;
  updatedAt: Date;
}

export interface PlatformSettingsInput {
  ethicsCodeName: string;
  ethicsCodeUrl: string;
  ethicsCodeSummary: string;
}

/** The current settings. Anyone may read them: the code of ethics is shown to every mentor applicant. */
export async function getPlatformSettings(db: Db): Promise<PlatformSettings> {
  const row = await db
    .selectFrom('platform_settings')
    .select(['ethics_code_name', 'ethics_code_url', 'ethics_code_summary', 'updated_at'])
    .executeTakeFirstOrThrow();
  return {
    ethicsCodeName: row.ethics_code_name,
    ethicsCodeUrl: row.ethics_code_url,
    ethicsCodeSummary: row.ethics_code_summary,
    updatedAt: row.updated_at,
  };
}

/** Change the code of ethics. Mentors who accepted an earlier one keep its name on their profile. */
export async function updatePlatformSettings(db: Db, actor: Actor, input: PlatformSettingsInput): Promise<void> {
  if (!policies.canEditPlatformSettings(actor)) throw new ForbiddenError();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('platform_settings')
      .set({
        ethics_code_name: input.ethicsCodeName,
        ethics_code_url: input.ethicsCodeUrl,
        ethics_code_summary: input.ethicsCodeSummary,
        updated_at: new Date(),
        updated_by: actor.id,
      })
      .where('id', '=', true)
      .execute();
    await recordAudit(trx, { actorId: actor.id, action: 'platform_settings.updated', subjectType: 'platform_settings', subjectId: 'platform' });
  });
}
