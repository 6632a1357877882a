// The chemistry meeting as an iCalendar attachment (the shared email/calendar.ts). One UID per
// invitation, `invitation-<id>@<host of BASE_URL>`, for every REQUEST and CANCEL; SEQUENCE is
// invitations.ics_sequence, raised on each change so clients replace the event they already have.
// The event carries no message: a title, the time, how they meet and a link to the page.
import type { Config } from '../../config.ts';
import type { EmailAttachment } from '../../db/types.ts';
import { eventCalendar, type CalendarPerson } from '../../email/calendar.ts';


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

export function meetingCalendar(config: Pick<Config, 'baseUrl' | 'mail' | 'serviceName'>, meeting: MeetingCalendar): EmailAttachment {
  return eventCalendar(config, {
    uidPrefix: 'invitation',
    id: meeting.invitationId,
    product: 'Chemistry meetings',
    method: meeting.method,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    minutes: meeting.minutes,
    title: `Chemistry meeting: ${meeting.mentee.name} and ${meeting.mentor.name}`,
    description: `A chemistry meeting arranged through ${config.serviceName}. Details: ${meeting.url}`,
    location: meeting.modeLabel,
    attendees: [meeting.mentee, meeting.mentor],
    url: meeting.url,
    filename: meeting.method === 'CANCEL' ? 'cancelled-meeting.ics' : 'chemistry-meeting.ics',
  });
}
