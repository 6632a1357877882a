// The chemistry meeting as an iCalendar attachment (the `ics` package), so Outlook and NHSmail put
// it in both diaries without anyone granting calendar access (ARCHITECTURE.md, calendar). One UID
// per invitation, `invitation-<id>@<host of BASE_URL>`, for every REQUEST and CANCEL; SEQUENCE is
// invitations.ics_sequence, raised on each change so clients replace the event they already have.
// The event carries no message: a title, the time, how they meet and a link to the page.
import { createEvent, type Attendee } from 'ics';
import type { Config } from '../../config.ts';
import type { EmailAttachment } from '../../db/types.ts';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface MeetingCalendar {
  invitationId: string;
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  startsAt: Date;
  minutes: number;
  modeLabel: string;
  mentee: CalendarPerson;
  mentor: CalendarPerson;
  url: string;
}

export function calendarUid(config: Pick<Config, 'baseUrl'>, invitationId: string): string {
  return `invitation-${invitationId}@${new URL(config.baseUrl).hostname}`;
}

/** "Mentoring Hub <no-reply@example.org>" → its name and address. */
function organiser(config: Pick<Config, 'mail' | 'serviceName'>): CalendarPerson {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(config.mail.from);
  return match ? { name: match[1] || config.serviceName, email: match[2] ?? config.mail.from } : { name: config.serviceName, email: config.mail.from.trim() };
}

function attendee(person: CalendarPerson): Attendee {
  return { name: person.name, email: person.email, rsvp: true, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' };
}

export function meetingCalendar(config: Pick<Config, 'baseUrl' | 'mail' | 'serviceName'>, meeting: MeetingCalendar): EmailAttachment {
  const from = organiser(config);
  const { error, value } = createEvent({
    productId: `-//${config.serviceName}//Chemistry meetings//EN`,
    method: meeting.method,
    uid: calendarUid(config, meeting.invitationId),
    sequence: meeting.sequence,
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: meeting.minutes },
    title: `Chemistry meeting: ${meeting.mentee.name} and ${meeting.mentor.name}`,
    description: `A chemistry meeting arranged through ${config.serviceName}. Details: ${meeting.url}`,
    location: meeting.modeLabel,
    url: meeting.url,
    status: meeting.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: from.name, email: from.email },
    attendees: [attendee(meeting.mentee), attendee(meeting.mentor)],
  });
  if (error || !value) throw error ?? new Error('The calendar invitation could not be built');
  return {
    filename: meeting.method === 'CANCEL' ? 'cancelled-meeting.ics' : 'chemistry-meeting.ics',
    contentType: `text/calendar; method=${meeting.method}`,
    content: value,
    method: meeting.method,
  };
}
