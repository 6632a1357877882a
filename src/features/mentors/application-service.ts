// The applicant's side of a mentor application to one programme: see where it stands, start it,
// and submit it (draft → submitted, more_info_requested → submitted). Each change is one
// transaction that locks the application row, checks its status, writes the change, its history
// and audit rows and queues its emails. The profile and training are shared by every programme;
// the application is per programme.
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, MentorApplication, MentorApplicationStatus } from '../../db/types.ts';
import { queueEmail } from '../../email/outbox.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { absoluteUrl, mailDeps, paths, type MentorDeps } from './deps.ts';
import { mentorEmails, mentorEmailTemplates } from './emails.ts';
import { getOwnProfile, type OwnProfilePage } from './profile-service.ts';
import { mentorApplicationMachine } from './statuses.ts';
import { recordTransition } from './transitions.ts';

interface ProgrammeSummary {
  id: string;
  name: string;
  isOpen: boolean;
}

async function findProgramme(db: Db, programmeId: string): Promise<ProgrammeSummary> {
  const row = await db.selectFrom('programmes').select(['id', 'name', 'is_open']).where('id', '=', programmeId).where('archived_at', 'is', null).executeTakeFirst();
  if (!row) throw new NotFoundError();
  return { id: row.id, name: row.name, isOpen: row.is_open };
}

export interface ApplicationPage extends OwnProfilePage {
  programme: ProgrammeSummary;
  application: MentorApplication | null;
  canStart: boolean;
}

/** The actor's own application to the programme (there is no way to ask for anyone else's). */
export async function getApplicationPage(db: Db, actor: Actor, programmeId: string): Promise<ApplicationPage> {
  const programme = await findProgramme(db, programmeId);
  const application = (await db.selectFrom('mentor_applications').selectAll().where('programme_id', '=', programmeId).where('user_id', '=', actor.id).executeTakeFirst()) ?? null;
  // A programme that is not open is only known to its members and to people who already applied.
  if (!application && !policies.canViewProgramme(actor, programme)) throw new NotFoundError();
  const own = await getOwnProfile(db, actor);
  return { programme, application, canStart: policies.canApplyToProgramme(actor, programme), ...own };
}

const CLOSED = 'This programme is not taking applications at the moment';

/** The actor's application row, locked; a new draft (with its history row) if there is none. */
async function lockOrStartDraft(trx: Transaction<Database>, actor: Actor, programme: ProgrammeSummary): Promise<MentorApplication> {
  const lock = () => trx.selectFrom('mentor_applications').selectAll().where('programme_id', '=', programme.id).where('user_id', '=', actor.id).forUpdate().executeTakeFirst();
  const existing = await lock();
  if (existing) return existing;
  if (!policies.canApplyToProgramme(actor, programme)) throw new ConflictError(CLOSED, 'programme_closed');
  const inserted = await trx
    .insertInto('mentor_applications')
    .values({ programme_id: programme.id, user_id: actor.id })
    .onConflict((oc) => oc.columns(['programme_id', 'user_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  // Started twice at the same moment: the other request made the row; use it.
  if (!inserted) {
    const made = await lock();
    if (!made) throw new ConflictError(CLOSED, 'programme_closed');
    return made;
  }
  await recordTransition(trx, { applicationId: inserted.id, programmeId: programme.id, from: null, to: 'draft', actorId: actor.id });
  return inserted;
}

export async function startApplication(deps: MentorDeps, actor: Actor, programmeId: string): Promise<void> {
  const programme = await findProgramme(deps.db, programmeId);
  await deps.db.transaction().execute((trx) => lockOrStartDraft(trx, actor, programme));
}

const notSubmittable: Record<MentorApplicationStatus, string> = {
  draft: '',
  more_info_requested: '',
  submitted: 'You have already sent this application. It is waiting for a decision.',
  approved: 'This application has already been approved.',
  rejected: 'A decision has already been made on this application.',
};

export async function submitApplication(deps: MentorDeps, actor: Actor, programmeId: string): Promise<void> {
  const programme = await findProgramme(deps.db, programmeId);
  await deps.db.transaction().execute(async (trx) => {
    const application = await lockOrStartDraft(trx, actor, programme);
    mentorApplicationMachine.assertMove(application.status, 'submitted', 'applicant', () => new ConflictError(notSubmittable[application.status], 'not_submittable'));
    // A draft needs the programme still open; an answer to "more information" is already under way.
    if (application.status === 'draft' && !policies.canApplyToProgramme(actor, programme)) throw new ConflictError(CLOSED, 'programme_closed');
    const { missing } = await getOwnProfile(trx, actor);
    if (missing.length > 0) throw new ValidationError({ missing: 'Your application is not complete. Add the missing information listed below' });

    await trx
      .updateTable('mentor_applications')
      .set({ status: 'submitted', submitted_at: sql`now()`, admin_message: null, updated_at: sql`now()` })
      .where('id', '=', application.id)
      .execute();
    await recordTransition(trx, { applicationId: application.id, programmeId, from: application.status, to: 'submitted', actorId: actor.id });

    const mail = mailDeps(deps);
    await queueEmail(trx, mail, {
      to: actor.email,
      userId: actor.id,
      template: mentorEmailTemplates.applicationReceived,
      content: mentorEmails.applicationReceived({ url: absoluteUrl(deps, paths.application(programmeId)), serviceName: deps.config.serviceName }),
    });
    const admins = await trx
      .selectFrom('programme_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email'])
      .where('m.programme_id', '=', programmeId)
      .where('m.role', '=', 'programme_admin')
      .where('u.id', '<>', actor.id)
      .orderBy('u.email')
      .execute();
    for (const admin of admins) {
      await queueEmail(trx, mail, {
        to: admin.email,
        userId: admin.id,
        template: mentorEmailTemplates.applicationWaiting,
        content: mentorEmails.applicationWaiting({ url: absoluteUrl(deps, paths.queue(programmeId)), serviceName: deps.config.serviceName }),
      });
    }
  });
}
