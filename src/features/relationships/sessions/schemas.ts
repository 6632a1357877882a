// The session forms and their messages (NHS service manual style), beside the schemas that use them:
// scheduling or rescheduling (today or later), recording a session held outside the platform (in
// the past), and cancelling. Dates and times are London time, read as the chemistry-meeting form
// reads them (invitations/meeting-time.ts). Which meeting modes may be picked is checked again by
// the service.
import { z } from 'zod';
import { checkDate, dateFieldNames, todayInLondon } from '../../../platform/date-fields.ts';
import { londonInstant, parseTimeOfDay } from '../../invitations/meeting-time.ts';
import { optionalText, text } from '../fields.ts';

export const MINUTES_MIN = 15;
export const MINUTES_MAX = 180;
export const DEFAULT_MINUTES = 60;
export const LOCATION_MAX = 300;
export const AGENDA_MAX = 2000;
export const CANCEL_MESSAGE_MAX = 500;

/** The GROW model as a starting agenda: offered pre-filled through a link, so it needs no JavaScript. */
export const growAgenda = [
  'Goal: what do we want to get out of this session?',
  'Reality: where are things now, and what has already been tried?',
  'Options: what could be done?',
  'Way forward: what will be done, by whom and by when?',
].join('\n');

export const sessionTimeFields = [...dateFieldNames('sessionDate'), 'sessionTime', 'sessionMinutes', 'sessionMode'];
export const scheduleFields = [...sessionTimeFields, 'location', 'agenda'];
export const logFields = sessionTimeFields;
export const cancelFields = ['message'];

export interface SessionTime {
  startsAt: Date;
  minutes: number;
  modeId: string;
}

type When = 'future' | 'past';

const timeShape = {
  sessionTime: text(),
  sessionMinutes: text(),
  sessionMode: text().pipe(z.string().min(1, 'Choose how you will meet').pipe(z.uuid({ error: 'Choose how you will meet' }))),
};
const label = 'Date of the session';

/**
 * Date, time and length; `future` for scheduling (today or later), `past` for a session already held.
 * Runs even when other fields are wrong, so every message shows at once: it reads only text() fields,
 * which are always strings, and the date boxes, which checkDate reads as unknowns.
 */
function checkSessionTime(when: When) {
  return (values: { sessionTime: string; sessionMinutes: string } & Record<string, unknown>, ctx: z.RefinementCtx) => {
    const date = checkDate(values, 'sessionDate', { label, requiredMessage: 'Enter the date of the session', notInFuture: when === 'past' });
    const today = todayInLondon();
    if (!date.ok) ctx.addIssue({ code: 'custom', path: [date.field], message: date.message });
    else if (when === 'future' && date.value && date.value < today) ctx.addIssue({ code: 'custom', path: ['sessionDate-day'], message: `${label} must be today or in the future` });
    const time = parseTimeOfDay(values.sessionTime);
    if (values.sessionTime === '') ctx.addIssue({ code: 'custom', path: ['sessionTime'], message: 'Enter the time of the session' });
    else if (!time) ctx.addIssue({ code: 'custom', path: ['sessionTime'], message: 'Enter the time of the session, like 2:30pm or 14:30' });
    else if (date.ok && date.value === today) {
      const startsAt = londonInstant(today, time.hours, time.minutes);
      if (when === 'future' && startsAt <= new Date()) ctx.addIssue({ code: 'custom', path: ['sessionTime'], message: 'Time of the session must be in the future' });
      if (when === 'past' && startsAt > new Date()) ctx.addIssue({ code: 'custom', path: ['sessionTime'], message: 'Time of the session must be in the past' });
    }
    const minutes = values.sessionMinutes;
    if (minutes === '') ctx.addIssue({ code: 'custom', path: ['sessionMinutes'], message: 'Enter how long the session is, in minutes' });
    else if (!/^\d+$/.test(minutes)) ctx.addIssue({ code: 'custom', path: ['sessionMinutes'], message: 'Meeting length must be a whole number of minutes, like 60' });
    else if (Number(minutes) < MINUTES_MIN || Number(minutes) > MINUTES_MAX) {
      ctx.addIssue({ code: 'custom', path: ['sessionMinutes'], message: `Meeting length must be between ${MINUTES_MIN} and ${MINUTES_MAX} minutes` });
    }
  };
}

/** Every part was checked by checkSessionTime; read them again for their values. */
function sessionTimeOf(values: { sessionTime: string; sessionMinutes: string; sessionMode: string } & Record<string, unknown>): SessionTime {
  const date = checkDate(values, 'sessionDate', { label });
  const time = parseTimeOfDay(values.sessionTime) ?? { hours: 0, minutes: 0 };
  return {
    startsAt: londonInstant(date.ok && date.value ? date.value : todayInLondon(), time.hours, time.minutes),
    minutes: Number(values.sessionMinutes),
    modeId: values.sessionMode,
  };
}

/**
 * Scheduling or rescheduling: the time plus an optional place or link and agenda. One object rather
 * than an intersection with the details: zod cannot merge an intersection whose sides disagree on a
 * field (the raw and the trimmed place), and throws instead of answering 400.
 */
export const scheduleSchema = z
  .looseObject({ ...timeShape, location: optionalText('place or video link', LOCATION_MAX), agenda: optionalText('agenda', AGENDA_MAX) })
  .superRefine(checkSessionTime('future'), { when: () => true })
  .transform((values) => ({ ...sessionTimeOf(values), location: values.location, agenda: values.agenda }));
export type ScheduleInput = z.infer<typeof scheduleSchema>;

export const logSchema = z.looseObject(timeShape).superRefine(checkSessionTime('past'), { when: () => true }).transform(sessionTimeOf);
export type LogInput = z.infer<typeof logSchema>;

export const cancelSchema = z.object({ message: optionalText('message', CANCEL_MESSAGE_MAX) });

/**
 * The version of the session the reschedule form was opened on (its ics_sequence), so a change made
 * meanwhile by the other party is refused rather than silently overwritten. Missing: no check.
 */
export function sequenceOf(body: unknown): number | null {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).sequence : undefined;
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : null;
}
