// The one way a relationship closes, shared by a party's ending and an admin's: inside the caller's
// transaction, with the relationship row already locked, it marks the relationship ended and moved
// on, keeps the phase history, stores the ending (the reason is for programme admins only), cancels
// the sessions still to come with calendar cancellations, writes the audit row (no reason) and
// queues the emails — all or nothing. The mentor's place is freed by the status change itself:
// capacity counts active relationships, and the 0004 trigger tells the search index at commit.
import type { Relationship, RelationshipEndKind, EmailAttachment } from '../../../db/types.ts';
import { recordAudit } from '../../../db/audit.ts';
import { ConflictError } from '../../../errors.ts';
import { eventCalendar } from '../../../email/calendar.ts';
import type { EmailContent } from '../../../email/content.ts';
import { queueEmail } from '../../../email/outbox.ts';
import type { Person } from '../access.ts';
import { absoluteUrl, mailDeps, type RelationshipDeps, type Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import { endingEmails, endingTemplate, type EndingEmail } from './emails.ts';
import { mentorAddress } from '../sessions/index.ts';

export type EndedBy = 'mentee' | 'mentor' | 'admin';

/** Ending twice (two tabs, both parties at once, a party and an admin): the second is told, and nothing changes. */
export class AlreadyEndedError extends ConflictError {
  constructor() {
    super('This mentoring relationship has already ended', 'already_ended');
  }
}

export interface Closing {
  relationship: Relationship;
  programmeName: string;
  mentee: Person;
  mentor: Person;
  kind: RelationshipEndKind;
  endedBy: EndedBy;
  actorId: string;
  reason: string;
  now: Date;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cancels the sessions still to come and builds one calendar CANCEL for each (same UID as its invitation). */
async function cancelFutureSessions(trx: Trx, deps: Pick<RelationshipDeps, 'config'>, closing: Closing): Promise<EmailAttachment[]> {
  const sessions = await trx.updateTable('mentoring_sessions')
    .set((eb) => ({ status: 'cancelled', cancelled_at: closing.now, cancelled_by: closing.actorId, updated_at: closing.now, ics_sequence: eb('ics_sequence', '+', 1) }))
    .where('relationship_id', '=', closing.relationship.id)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>', closing.now)
    .returning(['id', 'starts_at', 'duration_minutes', 'mode', 'ics_sequence'])
    .execute();
  if (sessions.length === 0) return [];
  const modeIds = [...new Set(sessions.map((s) => s.mode).filter((mode) => uuidPattern.test(mode)))];
  const modes = modeIds.length > 0 ? await trx.selectFrom('taxonomy_terms').select(['id', 'label']).where('id', 'in', modeIds).execute() : [];
  // The same attendees as the sessions' invitations (sessions/calendar.ts): the mentor by the address they share with mentees.
  const mentor = { ...closing.mentor, email: await mentorAddress(trx, closing.mentor) };
  const attendees = [closing.mentee, mentor].filter((p) => p.email !== '').map((p) => ({ name: p.fullName, email: p.email }));
  return sessions.map((session, index) => {
    const url = absoluteUrl(deps, paths.session(closing.relationship.id, session.id));
    return eventCalendar(deps.config, {
      uidPrefix: 'session', id: session.id, product: 'Mentoring sessions', method: 'CANCEL', sequence: session.ics_sequence,
      startsAt: session.starts_at, minutes: session.duration_minutes,
      title: `Mentoring session: ${closing.mentee.fullName} and ${closing.mentor.fullName}`,
      description: `A mentoring session arranged through ${deps.config.serviceName}, cancelled because the relationship has closed. Details: ${url}`,
      location: modes.find((m) => m.id === session.mode)?.label ?? 'Mentoring session',
      attendees, url, filename: `cancelled-session-${index + 1}.ics`,
    });
  });
}

export async function closeRelationship(trx: Trx, deps: RelationshipDeps, closing: Closing): Promise<void> {
  const r = closing.relationship;
  await trx.updateTable('relationships')
    .set({ status: 'ended', end_kind: closing.kind, ended_at: closing.now, phase: 'moving_on' })
    .where('id', '=', r.id).execute();
  if (r.phase !== 'moving_on') {
    await trx.insertInto('relationship_phase_events')
      .values({ relationship_id: r.id, from_phase: r.phase, to_phase: 'moving_on', actor_user_id: closing.actorId, occurred_at: closing.now }).execute();
  }
  await trx.insertInto('relationship_endings')
    .values({ relationship_id: r.id, ended_by: closing.actorId, kind: closing.kind, reason: closing.reason, created_at: closing.now }).execute();
  const calendars = await cancelFutureSessions(trx, deps, closing);
  await recordAudit(trx, {
    actorId: closing.actorId, action: 'relationship.ended', subjectType: 'relationship', subjectId: r.id, programmeId: r.programme_id,
    details: { kind: closing.kind, endedBy: closing.endedBy, cancelledSessions: calendars.length },
  });
  await notify(trx, deps, closing, calendars);
}

/** Which message each party gets: the ender a confirmation, the other a neutral notice; both the same when an admin ends it. */
function messageFor(closing: Closing, role: 'mentee' | 'mentor', common: Parameters<typeof endingEmails.endedByYou>[0]): [EndingEmail, EmailContent] {
  if (closing.kind === 'ended_by_admin') return ['endedByAdmin', endingEmails.endedByAdmin(common)];
  if (closing.endedBy === role) return ['endedByYou', endingEmails.endedByYou(common)];
  return ['endedForOther', endingEmails.endedForOther({ ...common, kind: closing.kind })];
}

async function notify(trx: Trx, deps: RelationshipDeps, closing: Closing, calendars: EmailAttachment[]): Promise<void> {
  const url = absoluteUrl(deps, paths.end(closing.relationship.id));
  for (const role of ['mentee', 'mentor'] as const) {
    const person = role === 'mentee' ? closing.mentee : closing.mentor;
    if (person.email === '') continue;
    const other = role === 'mentee' ? closing.mentor : closing.mentee;
    const [email, content] = messageFor(closing, role, {
      programmeName: closing.programmeName, name: other.fullName, url, cancelledSessions: calendars.length, forMentee: role === 'mentee',
    });
    await queueEmail(trx, mailDeps(deps), { to: person.email, userId: person.id, template: endingTemplate(email), content, attachments: calendars });
  }
}
