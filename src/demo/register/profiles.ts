// The demo's profiles: every mentor's and mentee's answers by taxonomy key, mentors' training
// records and their agreement to the code of ethics. Complete enough that each person could have
// sent their application through the pages.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import type { MenteeProfilesTable, MentoringType, MentorProfilesTable, ProfileSide, ProfileTermsTable, TaxonomyName, TrainingRecordsTable } from '../../db/types.ts';
import { dateOnly } from '../helpers.ts';
import { PROGRAMMES } from '../people/programmes.ts';
import type { Person, PlannedMentorApplication, Terms } from '../plan.ts';
import { bioOf, COURSES, EARLY_CAREER_COURSES, goalsOf, PREFERENCES, type Course } from './text.ts';

const YEAR = 365.25 * 86_400_000;
// Most people list English alone; a few add another language, Welsh most often in Wales.
const OTHER_LANGUAGES = ['polish', 'urdu', 'punjabi', 'hindi', 'bengali', 'tagalog', 'malayalam', 'yoruba', 'arabic', 'french', 'spanish', 'bsl'];

const pickSome = (keys: string[], min: number, max: number) => faker.helpers.arrayElements(keys, { min, max });

export interface ProfileContext {
  terms: Terms;
  idOf: (person: Person) => string;
  ethicsCodeName: string;
  now: Date;
  /** People whose printed logins must behave predictably (never paused). */
  printed: Set<Person>;
}

export interface ProfileRows {
  mentorProfiles: Insertable<MentorProfilesTable>[];
  menteeProfiles: Insertable<MenteeProfilesTable>[];
  profileTerms: Insertable<ProfileTermsTable>[];
  training: Insertable<TrainingRecordsTable>[];
}

export function buildProfiles(mentors: Person[], menteesAndMentors: Person[], applications: PlannedMentorApplication[], context: ProfileContext): ProfileRows {
  const rows: ProfileRows = { mentorProfiles: [], menteeProfiles: [], profileTerms: [], training: [] };
  const { terms, idOf } = context;
  const termRows = (person: Person, side: ProfileSide, taxonomy: TaxonomyName, keys: string[]) =>
    keys.map((key) => ({ user_id: idOf(person), side, term_id: terms.id(taxonomy, key) }));
  const roleIds = (person: Person) => ({
    profession_id: terms.id('profession', person.profession), band_id: terms.id('band', person.band),
    region_id: terms.id('region', person.region), care_setting_id: terms.id('care_setting', person.setting),
  });

  for (const person of mentors) {
    const own = applications.filter((application) => application.person === person);
    const firstStarted = new Date(Math.min(...own.map((application) => application.createdAt.getTime())));
    rows.mentorProfiles.push({
      user_id: idOf(person), job_title: person.title, organisation: person.organisation, town: person.town, ...roleIds(person),
      years_experience: person.years, bio: bioOf(person),
      mentoring_types: [...new Set(person.mentorIn.flatMap((key): MentoringType[] => PROGRAMMES[key].types))],
      capacity: faker.number.int({ min: 1, max: 4 }),
      // A few mentors have paused, as real registers always have; never the ones we print.
      is_paused: !context.printed.has(person) && faker.datatype.boolean(0.06),
      // Agreed while filling in the profile, before the first application went in.
      ethics_code_accepted_at: firstStarted, ethics_code_name: context.ethicsCodeName,
    });
    const languages = ['english', ...(faker.datatype.boolean(0.2) ? [person.region === 'wales' ? 'welsh' : faker.helpers.arrayElement(OTHER_LANGUAGES)] : [])];
    rows.profileTerms.push(
      ...termRows(person, 'mentor', 'help_area', pickSome(person.group.help, 2, 5)),
      ...termRows(person, 'mentor', 'leadership_dimension', pickSome(terms.keys('leadership_dimension'), 1, 3)),
      ...termRows(person, 'mentor', 'language', languages),
      ...termRows(person, 'mentor', 'meeting_mode', pickSome(terms.keys('meeting_mode'), 1, 3)),
    );
    rows.training.push(...trainingOf(person, own, firstStarted, context));
  }

  for (const person of menteesAndMentors.filter((candidate) => candidate.menteeIn.length > 0)) {
    const preferences = faker.helpers.arrayElement(PREFERENCES);
    rows.menteeProfiles.push({
      user_id: idOf(person), job_title: person.title, organisation: person.organisation, ...roleIds(person), goals: goalsOf(person),
      preferences: preferences.text, prefers_other_profession: preferences.otherProfession ?? false, prefers_other_setting: preferences.otherSetting ?? false,
      open_to_reverse: person.menteeIn.includes('reverse'), open_to_peer: person.menteeIn.includes('peer'),
    });
    rows.profileTerms.push(
      ...termRows(person, 'mentee', 'help_area', pickSome(person.group.help, 2, 4)),
      ...termRows(person, 'mentee', 'meeting_mode', pickSome(terms.keys('meeting_mode'), 1, 2)),
    );
  }
  return rows;
}

/**
 * One or two courses finished one to six years ago, before the first application. A programme
 * admin verified most of them when approving the mentor; the rest wait in the queue's training tab.
 */
function trainingOf(person: Person, own: PlannedMentorApplication[], firstStarted: Date, context: ProfileContext): Insertable<TrainingRecordsTable>[] {
  const earlyCareer = person.group.junior === true;
  const courses: Course[] = faker.helpers.arrayElements(earlyCareer ? EARLY_CAREER_COURSES : COURSES, { min: 1, max: 2 });
  const approval = own.find((application) => application.status === 'approved');
  return courses.map((course) => {
    // A renewable certificate is still in date: finished within its validity.
    const latest = course.validForYears ? Math.min(6, course.validForYears - 0.3) : 6;
    const yearsAgo = faker.number.float({ min: 1, max: latest });
    const completed = new Date(Math.min(context.now.getTime() - yearsAgo * YEAR, firstStarted.getTime() - 30 * 86_400_000));
    const expires = course.validForYears ? new Date(completed.getTime() + course.validForYears * YEAR) : null;
    const verifier = approval?.decidedBy && faker.datatype.boolean(0.88) ? approval.decidedBy : null;
    return {
      user_id: context.idOf(person), body: course.body, qualification: course.qualification, level: course.level,
      completed_on: dateOnly(completed), expires_on: expires ? dateOnly(expires) : null,
      verified_at: verifier ? (approval?.decidedAt ?? null) : null, verified_by: verifier ? context.idOf(verifier) : null,
      created_at: firstStarted,
    };
  });
}
