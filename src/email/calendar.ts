// Calendar invitations as iCalendar attachments (the `ics` package), so Outlook and NHSmail put a
// meeting in both diaries without anyone granting calendar access (ARCHITECTURE.md, calendar). Each
// thing that can become a meeting has one UID, `<prefix>-<id>@<host of BASE_URL>`, used for every
// REQUEST and CANCEL; SEQUENCE rises on each change so clients replace the event they already have.
// Events carry no confidential content: a title, the time, how people meet and a link to the page.
import { createEvent, type Attendee } from 'ics';
import type { Config } from '../config.ts';
import type { EmailAttachment } from '../db/types.ts';

export interface CalendarPerson {
  name: string;
  email: string;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface CalendarEvent {
  /** What kind of thing the UID names ('invitation', 'session'), and its id. */
  uidPrefix: string;
  id: string;
  /** Names the calendar's product id, e.g. "Chemistry meetings". */
  product: string;
  method: CalendarMethod;
  sequence: number;
  startsAt: Date;
  minutes: number;
  title: string;
  /** A label such as the meeting mode; never a place or a link the parties typed. */
  location: string;
  attendees: CalendarPerson[];
  /** One line saying what this is, ending with the page's address; no message, place or note. */
  description: string;
  url: string;
  /** The attachment's file name, e.g. "mentoring-session.ics". */
  filename: string;
}

export function calendarUid(config: Pick<Config, 'baseUrl'>, uidPrefix: string, id: string): string {
  return `${uidPrefix}-${id}@${new URL(config.baseUrl).hostname}`;
}

/** "Mentoring Hub <no-reply@example.org>" → its name and address. */
function organiser(config: Pick<Config, 'mail' | 'serviceName'>): CalendarPerson {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(config.mail.from);
  return match ? { name: match[1] || config.serviceName, email: match[2] ?? config.mail.from } : { name: config.serviceName, email: config.mail.from.trim() };
}

function attendee(person: CalendarPerson): Attendee {
  return { name: person.name, email: person.email, rsvp: true, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' };
}

export function eventCalendar(config: Pick<Config, 'baseUrl' | 'mail' | 'serviceName'>, event: CalendarEvent): EmailAttachment {
  const from = organiser(config);
  const { error, value } = createEvent({
    productId: `-//${config.serviceName}//${event.product}//EN`,
    method: event.method,
    uid: calendarUid(config, event.uidPrefix, event.id),
    sequence: event.sequence,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.minutes },
    title: event.title,
    description: event.description,
    location: event.location,
    url: event.url,
    status: event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: from.name, email: from.email },
    attendees: event.attendees.map(attendee),
  });
  if (error || !value) throw error ?? new Error('The calendar invitation could not be built');
  return {
    filename: event.filename,
    contentType: `text/calendar; method=${event.method}`,
    content: value,
    method: event.method,
  };
}
