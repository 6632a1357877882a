// The words of the demo: mentors' bios, mentees' goals and preferences, training courses, and what
// admins and line managers wrote when they asked for more, turned someone down or declined. All
// invented, written the way people on a real register write (NHS service manual tone).
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Person } from '../plan.ts';

const HELP = [
  'I enjoy helping people find their feet in a new leadership role and work out what kind of leader they want to be.',
  'I can help with preparing for interviews, building a portfolio and thinking through your next career step.',
  'I have led teams through service redesign and am happy to share what went well and what I would do differently.',
  'I returned to work after a career break, so I understand how daunting that can feel.',
  'I am particularly keen to support colleagues from groups that are under-represented in senior roles.',
  'I can offer a listening ear on balancing clinical work, study and life outside work.',
  'I like helping people get to grips with budgets, business cases and working with finance colleagues.',
  'I have supported many newly qualified colleagues through preceptorship and their first year in practice.',
];
const REVERSE_HELP = ['As a reverse mentor I want to help senior leaders understand what a shift on the ward feels like today.',
  'I want senior colleagues to hear from newer staff and from people whose voices are not always heard.'];
const CLOSINGS = ['I am happy to meet online or in person.', 'Please get in touch if you would like an informal chat first.',
  'I trained as a coach through my organisation\'s leadership programme and believe good mentoring starts with listening.',
  'I usually meet every four to six weeks, early in the morning or at lunchtime.'];
const GOALS = [
  'I would like to build my confidence in leading a team through change.',
  'I am preparing to apply for band 7 roles and want to understand what the step up involves.',
  'I want to get better at difficult conversations and giving feedback.',
  'I am new to a management role and would value help balancing clinical and managerial work.',
  'I would like to explore a move into education or research.',
  'I want to understand how decisions are made at board level and how to influence them.',
  'I am returning from a career break and would like support to settle back in.',
  'I want to manage my workload better and look after my own wellbeing.',
];
const REVERSE_GOALS = ['I want to understand the experience of newly qualified staff so I can make our organisation a better place to work.',
  'I would like honest feedback on how our decisions land on the front line.'];

/** Free-text preferences, and the tick boxes they go with (most people leave both empty). */
export const PREFERENCES: { text: string; otherProfession?: boolean; otherSetting?: boolean }[] = [
  { text: '' }, { text: '' }, { text: '' },
  { text: 'I would prefer a mentor from outside my own organisation.', otherSetting: true },
  { text: 'Online meetings suit me best.' },
  { text: 'I would like a mentor from a different profession.', otherProfession: true },
  { text: 'Someone who has worked in a different care setting would give me a fresh view.', otherSetting: true },
];

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

export function bioOf(person: Person): string {
  return [
    `I have worked in ${person.group.sector} for ${person.years} years and am ${article(person.title)} ${person.title} at ${person.organisation}.`,
    faker.helpers.arrayElement(person.mentorIn.includes('reverse') ? REVERSE_HELP : HELP),
    faker.datatype.boolean(0.6) ? faker.helpers.arrayElement(CLOSINGS) : '',
  ].join(' ').trim();
}

export function goalsOf(person: Person): string {
  return faker.helpers.arrayElements(person.menteeIn.includes('reverse') ? REVERSE_GOALS : GOALS, { min: 1, max: 2 }).join(' ');
}

export interface Course { body: string; qualification: string; level: string; validForYears?: number }
// Real awarding bodies with invented records, plus two invented local networks. `validForYears`:
// accreditations and first-aid style certificates are renewed; qualifications do not expire.
export const COURSES: Course[] = [
  { body: 'Institute of Leadership and Management', qualification: 'Level 5 Certificate in Coaching and Mentoring', level: 'Level 5' },
  { body: 'Institute of Leadership and Management', qualification: 'Level 3 Certificate in Coaching and Mentoring', level: 'Level 3' },
  { body: 'NHS Leadership Academy', qualification: 'Mentoring skills programme', level: '' },
  { body: 'Chartered Management Institute', qualification: 'Level 5 Certificate in Management Coaching and Mentoring', level: 'Level 5' },
  { body: 'Chartered Management Institute', qualification: 'Level 7 Certificate in Professional Coaching and Mentoring', level: 'Level 7' },
  { body: 'European Mentoring and Coaching Council', qualification: 'European Individual Accreditation', level: 'Practitioner', validForYears: 5 },
  { body: 'Northcombe and Redmarsh Leadership Collaborative', qualification: 'Coaching and mentoring for clinical leaders', level: '' },
  { body: 'Kingsbeck Coaching and Mentoring Network', qualification: 'Foundation certificate in mentoring', level: 'Foundation', validForYears: 3 },
];
/** What early-career reverse and peer mentors usually have instead of a management qualification. */
export const EARLY_CAREER_COURSES: Course[] = [
  { body: 'NHS Leadership Academy', qualification: 'Reverse mentoring: preparing to mentor', level: '' },
  { body: 'Kingsbeck Coaching and Mentoring Network', qualification: 'Foundation certificate in mentoring', level: 'Foundation', validForYears: 3 },
  { body: 'Mental Health First Aid England', qualification: 'Mental Health First Aider', level: '', validForYears: 3 },
];

export const MENTOR_MORE_INFO = [
  'Please tell us which of your training records covers mentoring, rather than coaching, and when you completed it.',
  'Could you say a little more in your profile about the areas you can help with, and your own experience of them?',
  'Please confirm you can give about two hours a month to each mentee you take on.',
];
export const MENTOR_REJECTIONS = [
  'We need mentors to have completed mentoring training before they join. Please apply again once you have.',
  'This round we are looking for mentors with at least two years of leadership experience. We would welcome an application in future.',
];
export const MENTEE_MORE_INFO = [
  'Please tell us a little more about what you would like to gain from mentoring, so we can suggest mentors who fit.',
  'Please add how you would like to meet and when you are usually free, so we can match you with someone who can.',
];
export const MENTEE_REJECTIONS = [
  'We have more applications than mentors in this round. Please apply again when the programme next opens.',
  'This programme asks for monthly meetings over a year, and your application says you can meet only occasionally. Peer support mentoring may suit you better.',
];
export const LINE_MANAGER_DECLINES = [
  'We are short of staff until the new starters arrive in the spring. Please apply again then and I will gladly support it.',
  'I would like us to talk about your development plan at your appraisal next month first.',
];
