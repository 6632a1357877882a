// Who is in the demo: the programmes, and the fictional people who run them, mentor and are
// mentored in them, each with a role that fits their profession, band and care setting. Only
// faker and invented towns are used, so nobody here is a real person or organisation.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { MentoringType } from '../types.ts';

export type DemoRole = 'platform_admin' | 'programme_admin' | 'mentor' | 'mentee' | 'mentor_and_mentee';

// Fixed, guessable addresses for the accounts we print, so they can be typed from memory.
export const LOGIN_EMAILS: Record<DemoRole, string> = {
  platform_admin: 'platform.admin@example.nhs.uk',
  programme_admin: 'programme.admin@example.nhs.uk',
  mentor: 'mentor@example.nhs.uk',
  mentee: 'mentee@example.nhs.uk',
  mentor_and_mentee: 'mentor.and.mentee@example.nhs.uk',
};

export type ProgrammeKey = 'london' | 'reverse' | 'peer' | 'ahp';

export interface ProgrammeSpec { name: string; types: MentoringType[]; isOpen: boolean; lineManager: boolean; approval: boolean; description: string; eligibility: string; admins: number }
export const PROGRAMMES: Record<ProgrammeKey, ProgrammeSpec> = {
  london: { name: 'London leadership mentoring register', types: ['traditional'], isOpen: true, lineManager: true, approval: true, admins: 2,
    description: 'One-to-one mentoring from experienced leaders for staff stepping into, or growing in, a leadership role.',
    eligibility: 'Anyone working in NHS or social care organisations in London, at any band, with their line manager\'s support.', },
  reverse: { name: 'Nursing and midwifery reverse mentoring', types: ['reverse'], isOpen: true, lineManager: false, approval: true, admins: 1,
    description: 'Nurses, midwives and support workers early in their careers mentor senior leaders about life on the front line.',
    eligibility: 'Mentors: registered nurses, midwives and healthcare support workers. Mentees: band 8c and above.', },
  peer: { name: 'Peer support mentoring', types: ['peer'], isOpen: true, lineManager: false, approval: false, admins: 2,
    description: 'Colleagues at a similar stage support each other through change, new roles and challenging times.',
    eligibility: 'Open to all staff. No line manager approval is needed.', },
  ahp: { name: 'Allied health professions mentoring', types: ['traditional', 'peer'], isOpen: false, lineManager: true, approval: false, admins: 1,
    description: 'Mentoring by and for allied health professionals, from preceptorship to consultant practice.',
    eligibility: 'Registered allied health professionals and AHP support workers. Opens to new applications soon.', },
};
export const PROGRAMME_KEYS = Object.keys(PROGRAMMES) as ProgrammeKey[];

// Invented towns, so no organisation below can be mistaken for a real trust or practice.
export const TOWNS = ['Brackenford', 'Castlemere', 'Dunmoor', 'Elmsbridge', 'Fernleigh', 'Greyhaven', 'Hollowmere', 'Kingsbeck',
  'Lindenford', 'Marshwick', 'Northcombe', 'Oakleigh Vale', 'Redmarsh', 'Stoneybrook', 'Thistlewood', 'Westerholme'];

type OrgKind = 'trust' | 'community' | 'icb' | 'gp' | 'ambulance' | 'council' | 'hospice';
const ORGANISATIONS: Record<OrgKind, (town: string) => string> = {
  trust: (town) => `${town} ${faker.helpers.arrayElement(['NHS Foundation Trust', 'Hospitals NHS Trust', 'University Hospitals NHS Foundation Trust'])}`,
  community: (town) => `${town} Community Health Services NHS Trust`,
  icb: (town) => `${town} Integrated Care Board`,
  gp: (town) => faker.helpers.arrayElement([`${town} Medical Practice`, `${town} Health Centre`, `The ${faker.location.street()} Surgery`]),
  ambulance: (town) => `${town} and District Ambulance Service NHS Trust`,
  council: (town) => `${town} Council adult social care`,
  hospice: (town) => `${town} Hospice`,
};
/** care_setting taxonomy keys (migration 0003); hospices are charities, so the voluntary sector. */
const SETTINGS: Record<OrgKind, string> = {
  trust: 'acute', community: 'community', icb: 'commissioning', gp: 'primary_care', ambulance: 'ambulance', council: 'social_care', hospice: 'voluntary',
};

/** A job, with its profession and likely bands as taxonomy keys; `setting` overrides the organisation's. */
interface Role { title: string; profession: string; bands: string[]; setting?: string; org?: OrgKind }
const role = (title: string, profession: string, bands: string[], extra: Pick<Role, 'setting' | 'org'> = {}): Role => ({ title, profession, bands, ...extra });

export interface Group { weight: number; roles: Role[]; orgs: OrgKind[]; programmes: ProgrammeKey[]; junior?: boolean; sector: string; domain: string; help: string[] }
// Who mentors where: the first programme is each group's usual home, later ones a second interest.
// `help` lists the help_area keys people in the group most often offer or ask about.
type GroupKey = 'seniorNursing' | 'juniorNursing' | 'ahp' | 'medical' | 'management' | 'primaryCare' | 'socialCare';
export const GROUPS: Record<GroupKey, Group> = {
  seniorNursing: { weight: 5, orgs: ['trust', 'community'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Ward Sister', 'nursing', ['afc_7']), role('Matron', 'nursing', ['afc_8a']), role('Clinical Nurse Specialist', 'nursing', ['afc_7']),
      role('Advanced Nurse Practitioner', 'nursing', ['afc_7', 'afc_8a']), role('Practice Development Nurse', 'nursing', ['afc_7']),
      role('Consultant Midwife', 'midwifery', ['afc_8b'])],
    help: ['leadership_development', 'first_management_role', 'career_progression', 'confidence_resilience', 'teaching_education', 'quality_improvement', 'returning_to_practice'] },
  juniorNursing: { weight: 3, orgs: ['trust', 'community'], programmes: ['reverse', 'peer'], junior: true, sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Staff Nurse', 'nursing', ['afc_5']), role('Midwife', 'midwifery', ['afc_5', 'afc_6']), role('Community Midwife', 'midwifery', ['afc_6']),
      role('Healthcare Support Worker', 'healthcare_support_worker', ['afc_2', 'afc_3']), role('Nursing Associate', 'nursing', ['afc_4']),
      role('Mental Health Nurse', 'nursing', ['afc_5', 'afc_6'], { setting: 'mental_health' })],
    help: ['edi', 'digital_skills', 'wellbeing_balance', 'teams_relationships', 'new_post_or_country', 'confidence_resilience'] },
  ahp: { weight: 4, orgs: ['trust', 'community'], programmes: ['ahp', 'peer', 'london'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Physiotherapist', 'physiotherapy', ['afc_6', 'afc_7']), role('Occupational Therapist', 'occupational_therapy', ['afc_6', 'afc_7']),
      role('Speech and Language Therapist', 'speech_language_therapy', ['afc_6', 'afc_7']), role('Diagnostic Radiographer', 'radiography', ['afc_6']),
      role('Dietitian', 'dietetics', ['afc_6', 'afc_7']), role('Paramedic', 'paramedic', ['afc_6'], { org: 'ambulance' }),
      role('Podiatrist', 'podiatry', ['afc_6']), role('Therapy Services Manager', 'physiotherapy', ['afc_8a', 'afc_8b'])],
    help: ['career_progression', 'clinical_to_management', 'research_academic', 'quality_improvement', 'interviews_applications', 'primary_acute', 'teaching_education'] },
  medical: { weight: 2, orgs: ['trust'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Consultant Anaesthetist', 'medical_dental', ['consultant']), role('Consultant Paediatrician', 'medical_dental', ['consultant']),
      role('Clinical Director', 'medical_dental', ['consultant']), role('Specialty Registrar', 'medical_dental', ['resident_doctor'])],
    help: ['clinical_to_management', 'leadership_development', 'research_academic', 'wellbeing_balance', 'nhs_systems', 'leading_change'] },
  management: { weight: 4, orgs: ['trust', 'icb', 'community'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk',
    roles: [role('Service Manager', 'management', ['afc_8a']), role('Head of People', 'hr_od', ['afc_8c']), role('Finance Business Partner', 'finance', ['afc_8a']),
      role('Programme Manager', 'management', ['afc_7', 'afc_8a']), role('Deputy Director of Operations', 'management', ['afc_8d']),
      role('Digital Transformation Lead', 'digital_data_technology', ['afc_8b']), role('Head of Patient Experience', 'management', ['afc_8b'])],
    help: ['finance_business_cases', 'project_management', 'leading_change', 'nhs_systems', 'networking', 'first_management_role', 'career_progression'] },
  primaryCare: { weight: 2, orgs: ['gp'], programmes: ['peer', 'london'], sector: 'primary care', domain: 'example.nhs.uk',
    roles: [role('GP Partner', 'medical_dental', ['gp']), role('Salaried GP', 'medical_dental', ['gp']), role('Practice Manager', 'management', ['not_afc']),
      role('Clinical Pharmacist', 'pharmacy', ['afc_7']), role('Practice Nurse', 'nursing', ['afc_6', 'not_afc']),
      role('Social Prescribing Link Worker', 'social_care', ['afc_4', 'not_afc'])],
    help: ['primary_acute', 'wellbeing_balance', 'teams_relationships', 'networking', 'finance_business_cases', 'career_progression'] },
  socialCare: { weight: 1, orgs: ['council', 'hospice'], programmes: ['peer'], sector: 'social care', domain: 'example.org',
    roles: [role('Registered Manager', 'social_care', ['not_afc']), role('Social Worker', 'social_care', ['not_afc']),
      role('Care Coordinator', 'social_care', ['not_afc']), role('Palliative Care Nurse', 'nursing', ['not_afc'])],
    help: ['wellbeing_balance', 'confidence_resilience', 'teams_relationships', 'first_management_role', 'primary_acute', 'edi'] },
};
// Reverse-mentoring mentees are senior leaders (the programme's eligibility: band 8c and above).
const REVERSE_MENTEE_ROLES = [role('Director of Nursing', 'nursing', ['vsm']), role('Deputy Chief Nurse', 'nursing', ['afc_9']),
  role('Divisional Director of Operations', 'management', ['afc_8d']), role('Head of Midwifery', 'midwifery', ['afc_8c']),
  role('Chief People Officer', 'hr_od', ['vsm']), role('Medical Director', 'medical_dental', ['vsm'])];

// region keys; outside London people are spread roughly like the workforce (Scotland and Wales rarer).
const REGIONS = ['north_east_yorkshire', 'north_west', 'midlands', 'east_of_england', 'south_east', 'south_west', 'scotland', 'wales'];
const REGION_WEIGHTS = [4, 4, 5, 3, 4, 3, 1, 1];

export interface Person {
  email: string; firstName: string; lastName: string; group: Group; title: string; organisation: string; town: string; years: number;
  profession: string; band: string; setting: string; region: string;
  mentorIn: ProgrammeKey[]; menteeIn: ProgrammeKey[];
}

export const fullName = (person: Pick<Person, 'firstName' | 'lastName'>) => `${person.firstName} ${person.lastName}`;
export const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

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

export interface Cast {
  platformAdmin: Person;
  admins: { person: Person; programme: ProgrammeKey }[];
  mentors: Person[];
  mentees: Person[];
  /** The people whose logins the demo prints. */
  printed: Record<DemoRole, Person>;
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
