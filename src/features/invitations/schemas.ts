// The chemistry-meeting forms and their messages, in NHS service manual style, beside the schemas
// that use them. Which taxonomy terms and mentors may be picked is checked again by the services.
import { z } from 'zod';
import { mentoringTypes } from '../../db/types.ts';
import { checkDate, dateFieldNames, todayInLondon, type DateRules } from '../../platform/date-fields.ts';
import { declineReasonCodes } from './statuses.ts';
import { londonInstant, parseTimeOfDay } from './meeting-time.ts';

export const MESSAGE_MAX = 500;
export const TIMES_MAX = 200;
export const REFLECTION_MAX = 2000;

/** Browsers send new lines as CRLF but count them as one character, as the character count does. */
const text = () => z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : ''), z.string().trim());

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
const ticked = (value: unknown): unknown[] => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

const requiredMessage = text().pipe(z.string().min(1, 'Enter a message').max(MESSAGE_MAX, `Enter a message of ${MESSAGE_MAX} characters or fewer`));
const optionalMessage = text().pipe(z.string().max(MESSAGE_MAX, `Enter a message of ${MESSAGE_MAX} characters or fewer`));
/** Only asked when the programme and the mentor share more than one type; the service decides otherwise. */
const mentoringType = z.preprocess((value) => (value === '' ? undefined : value), z.enum(mentoringTypes, { error: 'Choose the type of mentoring' }).optional());

export const idParams = z.object({
  programmeId: z.uuid().optional(),
  mentorId: z.uuid().optional(),
  postId: z.uuid().optional(),
  invitationId: z.uuid().optional(),
  requestId: z.uuid().optional(),
});

export const inviteFields = ['message', 'mentoringType', 'meetingModes', 'preferredTimes'];
export const inviteSchema = z.object({
  message: requiredMessage,
  mentoringType,
  meetingModes: z.preprocess(ticked, z.array(z.uuid({ error: 'Choose meeting modes from the list' })).min(1, 'Choose at least one meeting mode')),
  preferredTimes: text().pipe(z.string().max(TIMES_MAX, `Enter preferred times of ${TIMES_MAX} characters or fewer`)),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const offerFields = ['message', 'mentoringType'];
export const offerSchema = z.object({ message: requiredMessage, mentoringType });
export type OfferInput = z.infer<typeof offerSchema>;

const meetingDateRules: DateRules = { label: 'Date of the meeting', requiredMessage: 'Enter the date of the meeting' };

export const meetingFields = [...dateFieldNames('meetingDate'), 'meetingTime', 'meetingMinutes', 'meetingMode'];
/** The meeting the mentor proposes when accepting, or either party's change to it. London time. */
export const meetingSchema = z
  .looseObject({
    meetingTime: text(),
    meetingMinutes: text(),
    meetingMode: text().pipe(z.string().min(1, 'Choose how you will meet').pipe(z.uuid({ error: 'Choose how you will meet' }))),
  })
  .superRefine((values, ctx) => {
    const date = checkDate(values, 'meetingDate', meetingDateRules);
    if (!date.ok) ctx.addIssue({ code: 'custom', path: [date.field], message: date.message });
    else if (date.value && date.value < todayInLondon()) ctx.addIssue({ code: 'custom', path: ['meetingDate-day'], message: 'Date of the meeting must be today or in the future' });
    const time = parseTimeOfDay(values.meetingTime);
    if (values.meetingTime === '') ctx.addIssue({ code: 'custom', path: ['meetingTime'], message: 'Enter the time of the meeting' });
    else if (!time) ctx.addIssue({ code: 'custom', path: ['meetingTime'], message: 'Enter the time of the meeting, like 2:30pm or 14:30' });
    else if (date.ok && date.value && date.value === todayInLondon() && londonInstant(date.value, time.hours, time.minutes) <= new Date()) {
      ctx.addIssue({ code: 'custom', path: ['meetingTime'], message: 'Time of the meeting must be in the future' });
    }
    const minutes = values.meetingMinutes;
    if (minutes === '') ctx.addIssue({ code: 'custom', path: ['meetingMinutes'], message: 'Enter how long the meeting will be, in minutes' });
    else if (!/^\d+$/.test(minutes)) ctx.addIssue({ code: 'custom', path: ['meetingMinutes'], message: 'Meeting length must be a whole number of minutes, like 45' });
    else if (Number(minutes) < 15 || Number(minutes) > 180) ctx.addIssue({ code: 'custom', path: ['meetingMinutes'], message: 'Meeting length must be between 15 and 180 minutes' });
  })
  .transform((values) => {
    // Every part was checked above; read them again for their values.
    const date = checkDate(values, 'meetingDate', meetingDateRules);
    const time = parseTimeOfDay(values.meetingTime) ?? { hours: 0, minutes: 0 };
    return {
      startsAt: londonInstant(date.ok && date.value ? date.value : todayInLondon(), time.hours, time.minutes),
      minutes: Number(values.meetingMinutes),
      modeId: values.meetingMode,
    };
  });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const declineFields = ['reason', 'message'];
export const declineSchema = z.object({
  reason: text().pipe(z.enum(declineReasonCodes, { error: 'Choose a reason' })),
  message: optionalMessage,
});
/** A mentee turning down a mentor's offer gives no reason, only an optional message. */
export const offerDeclineSchema = z.object({ message: optionalMessage }).transform((values) => ({ reason: null, message: values.message }));
export type DeclineInput = { reason: z.infer<typeof declineSchema>['reason'] | null; message: string };

export const withdrawFields = ['message'];
export const withdrawSchema = z.object({ message: optionalMessage });

export const reflectionFields = ['reflection'];
export const reflectionSchema = z.object({
  reflection: text().pipe(z.string().min(1, 'Enter your reflection').max(REFLECTION_MAX, 'Enter a reflection of 2,000 characters or fewer')),
});

export const confirmFields = ['decision', 'message'];
export const confirmSchema = z.object({
  decision: text().pipe(z.enum(['yes', 'no'], { error: 'Choose whether you will be their mentor' })),
  message: optionalMessage,
});
export type ConfirmInput = z.infer<typeof confirmSchema>;

export const proposeFields = ['mentorId', 'message'];
export const proposeSchema = z.object({
  mentorId: text().pipe(z.string().min(1, 'Choose a mentor').pipe(z.uuid({ error: 'Choose a mentor from the list' }))),
  message: optionalMessage,
});
export type ProposeInput = z.infer<typeof proposeSchema>;
