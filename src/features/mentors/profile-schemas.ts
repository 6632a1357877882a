// The mentor profile's forms, one per section, with the service manual's messages beside each
// rule. Which taxonomy terms a person may pick is checked again by the service (active terms, or
// retired ones they already had), so the schema only checks the shape of the answer.
import { z } from 'zod';
import { mentoringTypes } from '../../db/types.ts';

/** Text boxes: a missing field reads as empty, so every message on the page is reported at once. */
const text = () => z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().trim());

/** Checkboxes arrive as a string for one ticked box, an array for several, nothing for none. */
const ticked = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A select or radio answer that names one taxonomy term. */
const termId = (message: string) => text().pipe(z.string().min(1, message).pipe(z.uuid({ error: message })));

/** Checkboxes naming taxonomy terms; `minMessage` makes at least one required. */
const termIds = (invalidMessage: string, minMessage?: string) =>
  z.preprocess(ticked, z.array(z.uuid({ error: invalidMessage })).min(minMessage ? 1 : 0, minMessage ?? invalidMessage));

const wholeNumber = (emptyMessage: string, notNumberMessage: string, min: number, max: number, rangeMessage: string) =>
  text()
    .pipe(z.string().min(1, emptyMessage).regex(/^-?\d+$/, notNumberMessage))
    .transform(Number)
    .pipe(z.number().min(min, rangeMessage).max(max, rangeMessage));

export const roleFields = ['jobTitle', 'profession', 'band', 'organisation', 'region', 'careSetting', 'town', 'yearsExperience'];
export const roleSchema = z.object({
  jobTitle: text().pipe(z.string().min(1, 'Enter your job title').max(120, 'Job title must be 120 characters or fewer')),
  profession: termId('Select your profession'),
  band: termId('Select your band or grade'),
  organisation: text().pipe(z.string().min(1, 'Enter the organisation you work for').max(160, 'Organisation must be 160 characters or fewer')),
  region: termId('Select your region'),
  careSetting: termId('Select the care setting you work in'),
  town: text().pipe(z.string().max(80, 'Town or city must be 80 characters or fewer')),
  yearsExperience: wholeNumber(
    'Enter how many years you have worked in health or care',
    'Years of experience must be a whole number, like 12',
    0, 60, 'Years of experience must be between 0 and 60',
  ),
});
export type RoleInput = z.infer<typeof roleSchema>;

export const BIO_MAX = 1500;
export const offerFields = ['bio', 'helpAreas', 'leadershipDimensions', 'languages', 'mentoringTypes', 'meetingModes'];
export const offerSchema = z.object({
  // Browsers send new lines as CRLF but count them as one character, as people do.
  bio: z
    .preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n') : ''), z.string().trim())
    .pipe(z.string().min(1, 'Enter something about you as a mentor').max(BIO_MAX, 'About you must be 1,500 characters or fewer')),
  helpAreas: termIds('Select areas you can help with from the list', 'Select at least one area you can help with'),
  leadershipDimensions: termIds('Select leadership dimensions from the list'),
  languages: termIds('Select languages from the list'),
  mentoringTypes: z.preprocess(ticked, z.array(z.enum(mentoringTypes, { error: 'Select types of mentoring from the list' })).min(1, 'Select at least one type of mentoring you offer')),
  meetingModes: termIds('Select meeting modes from the list', 'Select at least one meeting mode'),
});
export type OfferInput = z.infer<typeof offerSchema>;

export const capacityFields = ['capacity', 'availability'];
export const capacitySchema = z.object({
  capacity: wholeNumber('Enter how many mentees you can mentor at once', 'Capacity must be a whole number, like 2', 1, 10, 'Capacity must be between 1 and 10'),
  availability: text().pipe(z.enum(['open', 'paused'], { error: 'Select whether you are taking on new mentees' })),
});
export type CapacityInput = z.infer<typeof capacitySchema>;

export const contactFields = ['contactEmail', 'contactPhone'];
// UK-style numbers, lightly: digits with spaces, brackets or dashes, optionally starting +44.
const PHONE = /^\+?[\d\s()-]+$/;
export const contactSchema = z.object({
  contactEmail: text()
    .pipe(z.string().min(1, 'Enter the email address mentees can contact you on').max(254, 'Email address must be 254 characters or fewer'))
    .transform((value) => value.toLowerCase())
    .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk')),
  contactPhone: text().refine(
    (value) => value === '' || (PHONE.test(value) && value.replace(/\D/g, '').length >= 10 && value.replace(/\D/g, '').length <= 13),
    'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
  ),
});
export type ContactInput = z.infer<typeof contactSchema>;

export const ethicsFields = ['agree'];
export const ethicsSchema = z.object({
  agree: z.preprocess(ticked, z.array(z.literal('yes', { error: 'Confirm that you agree to work to the code of ethics' })).min(1, 'Confirm that you agree to work to the code of ethics')),
});

/** Where to go after saving a section: back to an application's check page, or the profile. */
export const returnToField = z.object({ returnTo: z.string().optional() });
