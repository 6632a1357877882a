// Writes the demo's applications: both kinds, then their histories in time order (so identity ids
// follow time, as the product's would) and the line-manager requests, whose tokens are thrown away
// and only hashed, except the printed one's, which the demo can work out again (logins.ts).
import type { Transaction } from 'kysely';
import { hashToken, newToken } from '../../auth/sessions.ts';
import type { Database } from '../../db/types.ts';
import { chunks, required } from '../helpers.ts';
import type { ApplicationPlan, Person, PlannedEvent, PlannedMenteeApplication, PlannedMentorApplication, ProgrammeKey } from '../plan.ts';

interface WriteContext { idOf: (person: Person) => string; programmeId: (key: ProgrammeKey) => string; printedTokenHash: string }

/** Both kinds of application, then their histories (in order, so ids follow time) and line-manager requests. */
export async function writeApplications(trx: Transaction<Database>, plan: ApplicationPlan, context: WriteContext): Promise<void> {
  const { idOf, programmeId } = context;
  const keyOf = (userId: string, programme: string) => `${userId} ${programme}`;
  const common = (application: PlannedMentorApplication | PlannedMenteeApplication) => ({
    programme_id: programmeId(application.programme), user_id: idOf(application.person), admin_message: application.adminMessage, submitted_at: application.submittedAt, decided_at: application.decidedAt,
    decided_by: application.decidedBy ? idOf(application.decidedBy) : null,
    created_at: application.createdAt, updated_at: application.events.at(-1)?.at ?? application.createdAt,
  });

  const mentorIds = new Map<string, string>();
  for (const batch of chunks(plan.mentorApplications)) {
    const rows = await trx.insertInto('mentor_applications').values(batch.map((application) => ({ ...common(application), status: application.status }))).returning(['id', 'user_id', 'programme_id']).execute();
    for (const row of rows) mentorIds.set(keyOf(row.user_id, row.programme_id), row.id);
  }
  const menteeIds = new Map<string, string>();
  for (const batch of chunks(plan.menteeApplications)) {
    const rows = await trx
      .insertInto('mentee_applications')
      .values(batch.map((application) => ({
        ...common(application), status: application.status, line_manager_name: application.request?.managerName ?? null, line_manager_email: application.request?.managerEmail ?? null,
      })))
      .returning(['id', 'user_id', 'programme_id'])
      .execute();
    for (const row of rows) menteeIds.set(keyOf(row.user_id, row.programme_id), row.id);
  }
  const idIn = (map: Map<string, string>, application: PlannedMentorApplication | PlannedMenteeApplication) =>
    required(map, keyOf(idOf(application.person), programmeId(application.programme)));

  const eventRow = (kind: 'mentor' | 'mentee', applicationId: string) => (event: PlannedEvent) => ({
    application_kind: kind, application_id: applicationId, from_status: event.from, to_status: event.to,
    actor_user_id: event.actor ? idOf(event.actor) : null, reason: event.reason, occurred_at: event.at,
  });
  const events = [
    ...plan.mentorApplications.flatMap((application) => application.events.map(eventRow('mentor', idIn(mentorIds, application)))),
    ...plan.menteeApplications.flatMap((application) => application.events.map(eventRow('mentee', idIn(menteeIds, application)))),
  ].sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
  for (const batch of chunks(events)) await trx.insertInto('application_events').values(batch).execute();

  const requests = plan.menteeApplications.flatMap((application) => {
    const request = application.request;
    if (!request) return [];
    return [{
      application_id: idIn(menteeIds, application), manager_name: request.managerName, manager_email: request.managerEmail,
      // Nobody needs the other links: their tokens are thrown away and only the hashes kept.
      token_hash: request.isPrinted ? context.printedTokenHash : hashToken(newToken()),
      status: request.status, reason: request.reason, created_at: request.createdAt, reminded_at: request.remindedAt,
      expires_at: request.expiresAt, responded_at: request.respondedAt,
    }];
  });
  for (const batch of chunks(requests)) await trx.insertInto('line_manager_requests').values(batch).execute();
}
