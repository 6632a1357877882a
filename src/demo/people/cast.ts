// Who is in the demo: the printed logins, then everyone who runs, mentors and is mentored in the
// programmes, drawn from the seeded faker with a role that fits their profession, band and care
// setting (people/workforce.ts).
import { fakerEN_GB as faker } from '@faker-js/faker';
import { slugify } from '../helpers.ts';
import type { Cast, DemoRole, Group, Person, ProgrammeKey } from '../plan.ts';
import { PROGRAMME_KEYS, PROGRAMMES } from './programmes.ts';
import { GROUPS, ORGANISATIONS, REGION_WEIGHTS, REGIONS, REVERSE_MENTEE_ROLES, SETTINGS, TOWNS } from './workforce.ts';

// Fixed, guessable addresses for the accounts we print, so they can be typed from memory.
export const LOGIN_EMAILS: Record<DemoRole, string> = {
  platform_admin: 'platform.admin@example.nhs.uk',
  programme_admin: 'programme.admin@example.nhs.uk',
  mentor: 'mentor@example.nhs.uk',
  mentee: 'mentee@example.nhs.uk',
  mentor_and_mentee: 'mentor.and.mentee@example.nhs.uk',
};

/** Hands out unique addresses at a fictional domain, never one of the printed logins. */
export function createEmailBook(): (first: string, last: string, domain: string) => string {
  const used = new Set(Object.values(LOGIN_EMAILS));
  return (first, last, domain) => {
    const base = `${slugify(first)}.${slugify(last)}`.replace(/-/g, '');
    let email = `${base}@${domain}`;
    for (let n = 2; used.has(email); n++) email = `${base}${n}@${domain}`;
    used.add(email);
    return email;
  };
}

/** Everyone in the demo, drawn from the already-seeded faker: same call order, same people. */
export function createCast(emailFor: (first: string, last: string, domain: string) => string): Cast {
  const makePerson = (options: { email?: string; group?: Group; mentorIn?: ProgrammeKey[]; menteeIn?: ProgrammeKey[]; reverseMentee?: boolean }): Person => {
    const group = options.group ?? faker.helpers.weightedArrayElement(Object.values(GROUPS).map((value) => ({ value, weight: value.weight })));
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const town = faker.helpers.arrayElement(TOWNS);
    const job = faker.helpers.arrayElement(options.reverseMentee ? REVERSE_MENTEE_ROLES : group.roles);
    const org = job.org ?? faker.helpers.arrayElement(group.orgs);
    return {
      email: options.email ?? emailFor(firstName, lastName, group.domain),
      firstName, lastName, group, town, title: job.title, organisation: ORGANISATIONS[org](town),
      years: group.junior ? faker.number.int({ min: 1, max: 6 }) : faker.number.int({ min: options.reverseMentee ? 18 : 6, max: 35 }),
      profession: job.profession, band: faker.helpers.arrayElement(job.bands), setting: job.setting ?? SETTINGS[org], region: '',
      mentorIn: options.mentorIn ?? [], menteeIn: options.menteeIn ?? [],
    };
  };

  const platformAdmin = makePerson({ email: LOGIN_EMAILS.platform_admin });
  const admins: Cast['admins'] = [{ person: makePerson({ email: LOGIN_EMAILS.programme_admin }), programme: 'london' }];
  for (const key of PROGRAMME_KEYS) {
    const count = PROGRAMMES[key].admins - (key === 'london' ? 1 : 0);
    for (let i = 0; i < count; i++) admins.push({ person: makePerson({}), programme: key });
  }

  const printedMentor = makePerson({ email: LOGIN_EMAILS.mentor, group: GROUPS.seniorNursing, mentorIn: ['london'] });
  const both = makePerson({ email: LOGIN_EMAILS.mentor_and_mentee, group: GROUPS.juniorNursing, mentorIn: ['reverse'], menteeIn: ['london'] });
  const mentors: Person[] = [printedMentor, both];
  while (mentors.length < 200) {
    const person = makePerson({});
    const choices = person.group.programmes;
    const first = faker.helpers.weightedArrayElement(choices.map((value, index) => ({ value, weight: index === 0 ? 4 : 1 })));
    const seconds = choices.filter((key) => key !== first);
    person.mentorIn = seconds.length > 0 && faker.datatype.boolean(0.3) ? [first, faker.helpers.arrayElement(seconds)] : [first];
    // Peer and reverse mentors are often still developing themselves, so they are mentees elsewhere too.
    const elsewhere = (['london', 'peer'] as const).filter((key) => !person.mentorIn.includes(key));
    const likely = person.mentorIn.includes('reverse') || person.mentorIn.includes('peer') ? 0.2 : 0.03;
    if (elsewhere.length > 0 && faker.datatype.boolean(likely)) person.menteeIn = [faker.helpers.arrayElement(elsewhere)];
    mentors.push(person);
  }

  // The printed mentee is approved in the peer programme and waits for their line manager in
  // London (the only open programme that asks one), so a visitor can play that line manager.
  const printedMentee = makePerson({ email: LOGIN_EMAILS.mentee, group: GROUPS.management, menteeIn: ['peer', 'london'] });
  const mentees: Person[] = [printedMentee];
  while (mentees.length < 100) {
    // Reverse mentees are senior leaders; everyone else joins a programme for their own development.
    if (faker.datatype.boolean(0.12)) mentees.push(makePerson({ group: GROUPS.seniorNursing, menteeIn: ['reverse'], reverseMentee: true }));
    else {
      const person = makePerson({});
      person.menteeIn = [faker.helpers.arrayElement(person.group.programmes.map((key) => (key === 'reverse' ? 'london' : key)))];
      mentees.push(person);
    }
  }

  // The London programme is for people working in London; everyone else is spread across the UK.
  for (const person of [platformAdmin, ...admins.map((admin) => admin.person), ...mentors, ...mentees]) {
    const inLondon = person.mentorIn.includes('london') || person.menteeIn.includes('london') || admins.some((a) => a.person === person && a.programme === 'london');
    person.region = inLondon ? 'london' : faker.helpers.weightedArrayElement(REGIONS.map((value, i) => ({ value, weight: REGION_WEIGHTS[i] ?? 1 })));
  }

  const programmeAdmin = admins[0]?.person;
  if (!programmeAdmin) throw new Error('demo seed: the printed programme admin is missing');
  return {
    platformAdmin, admins, mentors, mentees,
    printed: { platform_admin: platformAdmin, programme_admin: programmeAdmin, mentor: printedMentor, mentee: printedMentee, mentor_and_mentee: both },
  };
}
