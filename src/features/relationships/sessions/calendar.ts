// The session's calendar invitation and the emails that carry it to both parties. One UID per
// session, `session-<id>@<host of BASE_URL>`, for every REQUEST and the CANCEL; SEQUENCE is
// mentoring_sessions.ics_sequence, raised by each reschedule and by the cancellation so calendars
// replace the event they already hold. The event's LOCATION is the meeting mode's label only: the
// place or link the parties typed, and the agenda, stay on the session page.
import type { EmailAttachment, MentoringSession } from '../../../db/types.ts';
import { eventCalendar, type CalendarMethod } from '../../../email/calendar.ts';
import { queueEmail } from '../../../email/outbox.ts';
import { formatDateTime } from '../../../platform/formatting.ts';
import type { Person, RelationshipContext } from '../access.ts';
import { absoluteUrl, mailDeps, type RelationshipDeps, type Trx } from '../deps.ts';
import { paths } from '../paths.ts';
import { sessionEmails, sessionTemplate } from './emails.ts';

type MailDeps = Pick<RelationshipDeps, 'jobs' | 'views' | 'config'>;
type Timing = Pick<MentoringSession, 'starts_at' | 'duration_minutes'>;

/** "3 March 2027 at 2:30pm (60 minutes)" — the date and time are all an email says about a session. */
export function sessionWhen(session: Timing): string {
  return `${formatDateTime(session.starts_at)} (${session.duration_minutes} minutes)`;
}

export function sessionUrl(deps: Pick<RelationshipDeps, 'config'>, relationshipId: string, sessionId: string): string {
  return absoluteUrl(deps, paths.session(relationshipId, sessionId));
}

async function modeLabel(trx: Trx, modeId: string): Promise<string> {
  const term = await trx.selectFrom('taxonomy_terms').select('label').where('id', '=', modeId).executeTakeFirst();
  return term?.label ?? 'To be agreed';
}

/**
 * The mentor's attendee address: the one they share with mentees (mentor_profiles.contact_email), as
 * the chemistry meeting's invitation uses. Every REQUEST and CANCEL of a session uses it, so a
 * cancellation names the same attendees as the invitation it replaces.
 */
export async function mentorAddress(trx: Trx, mentor: Pick<Person, 'id' | 'email'>): Promise<string> {
  const profile = await trx.selectFrom('mentor_profiles').select('contact_email').where('user_id', '=', mentor.id).executeTakeFirst();
  return profile?.contact_email ?? mentor.email;
}

async function sessionCalendar(trx: Trx, deps: MailDeps, context: RelationshipContext, session: MentoringSession, method: CalendarMethod): Promise<EmailAttachment> {
  const url = sessionUrl(deps, context.relationship.id, session.id);
  return eventCalendar(deps.config, {
    uidPrefix: 'session', id: session.id, product: 'Mentoring sessions', method, sequence: session.ics_sequence,
    startsAt: new Date(session.starts_at), minutes: session.duration_minutes,
    title: `Mentoring session: ${context.mentee.fullName} and ${context.mentor.fullName}`,
    description: `A mentoring session arranged through ${deps.config.serviceName}. Details: ${url}`,
    location: await modeLabel(trx, session.mode),
    attendees: [{ name: context.mentee.fullName, email: context.mentee.email }, { name: context.mentor.fullName, email: await mentorAddress(trx, context.mentor) }],
    url, filename: method === 'CANCEL' ? 'cancelled-mentoring-session.ics' : 'mentoring-session.ics',
  });
}

export type CalendarChange = 'scheduled' | 'rescheduled' | 'cancelled';

/** Emails both parties about the change, each with the .ics (REQUEST, or CANCEL for a cancellation), in the caller's transaction. */
export async function sendSessionCalendar(trx: Trx, deps: MailDeps, context: RelationshipContext, session: MentoringSession, change: CalendarChange, actorId: string): Promise<void> {
  const attachment = await sessionCalendar(trx, deps, context, session, change === 'cancelled' ? 'CANCEL' : 'REQUEST');
  const url = sessionUrl(deps, context.relationship.id, session.id);
  for (const [person, other] of [[context.mentee, context.mentor], [context.mentor, context.mentee]] as const) {
    if (!person.email) continue;
    await queueEmail(trx, mailDeps(deps), {
      to: person.email, userId: person.id, template: sessionTemplate(change),
      content: sessionEmails[change]({ name: other.fullName, url, when: sessionWhen(session), byYou: person.id === actorId }),
      attachments: [attachment],
    });
  }
}
