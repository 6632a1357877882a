// The fictional dataset behind `npm run demo`: programmes, their admins and a few hundred mentors
// and mentees, so every page has something to show. Seeded faker makes every demo identical, which
// keeps screenshots and bug reports comparable. Nothing here is a real person or organisation.
import { fakerEN_GB as faker } from '@faker-js/faker';
import { sql } from 'kysely';
import type { Db } from '../connection.ts';
import type { MentoringType, ProgrammeRole } from '../types.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { recordAudit } from '../audit.ts';

/** One password for every demo account, so a tester can switch roles without a list of secrets. */
export const DEMO_PASSWORD = 'demo password for everyone';

export type DemoRole = 'platform_admin' | 'programme_admin' | 'mentor' | 'mentee' | 'mentor_and_mentee';

export interface DemoLogin { role: DemoRole; name: string; email: string; memberships: { role: ProgrammeRole; programme: string }[] }
export interface DemoLogins { password: string; accounts: DemoLogin[] }

// Fixed, guessable addresses for the accounts we print, so they can be typed from memory.
const LOGIN_EMAILS: Record<DemoRole, string> = {
  platform_admin: 'platform.admin@example.nhs.uk',
  programme_admin: 'programme.admin@example.nhs.uk',
  mentor: 'mentor@example.nhs.uk',
  mentee: 'mentee@example.nhs.uk',
  mentor_and_mentee: 'mentor.and.mentee@example.nhs.uk',
};

// Profile tables are in the schema (migration 0002) but not yet in src/db/types.ts; these are the
// columns the seed writes, the rest keep their defaults (taxonomy ids stay null until taxonomies exist).
// A type alias, not an interface: withTables() needs a type with an implicit index signature.
type ProfileTables = {
  mentor_profiles: {
    user_id: string; job_title: string; organisation: string; town: string; years_experience: number;
    bio: string; mentoring_types: MentoringType[]; capacity: number; is_paused: boolean;
  };
  mentee_profiles: {
    user_id: string; job_title: string; organisation: string; goals: string; preferences: string;
    open_to_reverse: boolean; open_to_peer: boolean;
  };
};

type ProgrammeKey = 'london' | 'reverse' | 'peer' | 'ahp';

interface ProgrammeSpec { name: string; types: MentoringType[]; isOpen: boolean; lineManager: boolean; approval: boolean; description: string; eligibility: string; admins: number }
const PROGRAMMES: Record<ProgrammeKey, ProgrammeSpec> = {
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
const PROGRAMME_KEYS = Object.keys(PROGRAMMES) as ProgrammeKey[];
// Invented towns, so no organisation below can be mistaken for a real trust or practice.
const TOWNS = ['Brackenford', 'Castlemere', 'Dunmoor', 'Elmsbridge', 'Fernleigh', 'Greyhaven', 'Hollowmere', 'Kingsbeck',
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

interface Group { weight: number; titles: string[]; orgs: OrgKind[]; programmes: ProgrammeKey[]; junior?: boolean; sector: string; domain: string }
// Who mentors where: the first programme is each group's usual home, later ones a second interest.
type GroupKey = 'seniorNursing' | 'juniorNursing' | 'ahp' | 'medical' | 'management' | 'primaryCare' | 'socialCare';
const GROUPS: Record<GroupKey, Group> = {
  seniorNursing: { weight: 5, titles: ['Ward Sister', 'Matron', 'Clinical Nurse Specialist', 'Advanced Nurse Practitioner', 'Practice Development Nurse', 'Consultant Midwife'],
    orgs: ['trust', 'community'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk' },
  juniorNursing: { weight: 3, titles: ['Staff Nurse', 'Midwife', 'Community Midwife', 'Healthcare Support Worker', 'Nursing Associate', 'Mental Health Nurse'],
    orgs: ['trust', 'community'], programmes: ['reverse', 'peer'], junior: true, sector: 'the NHS', domain: 'example.nhs.uk' },
  ahp: { weight: 4, titles: ['Physiotherapist', 'Occupational Therapist', 'Speech and Language Therapist', 'Diagnostic Radiographer', 'Dietitian', 'Paramedic', 'Podiatrist', 'Therapy Services Manager'],
    orgs: ['trust', 'community'], programmes: ['ahp', 'peer', 'london'], sector: 'the NHS', domain: 'example.nhs.uk' },
  medical: { weight: 2, titles: ['Consultant Anaesthetist', 'Consultant Paediatrician', 'Clinical Director', 'Specialty Registrar'],
    orgs: ['trust'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk' },
  management: { weight: 4, titles: ['Service Manager', 'Head of People', 'Finance Business Partner', 'Programme Manager', 'Deputy Director of Operations', 'Digital Transformation Lead', 'Head of Patient Experience'],
    orgs: ['trust', 'icb', 'community'], programmes: ['london', 'peer'], sector: 'the NHS', domain: 'example.nhs.uk' },
  primaryCare: { weight: 2, titles: ['GP Partner', 'Salaried GP', 'Practice Manager', 'Clinical Pharmacist', 'Practice Nurse', 'Social Prescribing Link Worker'],
    orgs: ['gp'], programmes: ['peer', 'london'], sector: 'primary care', domain: 'example.nhs.uk' },
  socialCare: { weight: 1, titles: ['Registered Manager', 'Social Worker', 'Care Coordinator', 'Palliative Care Nurse'],
    orgs: ['council', 'hospice'], programmes: ['peer'], sector: 'social care', domain: 'example.org' },
};
const REVERSE_MENTEE_TITLES = ['Director of Nursing', 'Deputy Chief Nurse', 'Divisional Director of Operations', 'Head of Midwifery', 'Chief People Officer', 'Medical Director'];

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
const PREFERENCES = ['', '', 'I would prefer a mentor from outside my own organisation.', 'Online meetings suit me best.', 'I would like a mentor from a different profession.'];

interface Person {
  email: string; firstName: string; lastName: string; group: Group; title: string; organisation: string; town: string; years: number;
  mentorIn: ProgrammeKey[]; menteeIn: ProgrammeKey[];
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');
const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function seedDemo(db: Db): Promise<DemoLogins> {
  const existing = await db.selectFrom('users').select('email').where('email', '=', LOGIN_EMAILS.platform_admin).executeTakeFirst();
  if (existing) return readLogins(db);
  // Demo accounts share a published password: never mix them into an installation with real people.
  const anyone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) throw new Error('The demo data can only go into an empty database, and this one already has accounts');

  faker.seed(2026);
  // argon2 is deliberately slow: hash once and share it, or seeding would take minutes.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usedEmails = new Set(Object.values(LOGIN_EMAILS));
  const emailFor = (first: string, last: string, domain: string) => {
    const base = `${slugify(first)}.${slugify(last)}`.replace(/-/g, '');
    let email = `${base}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
    usedEmails.add(email);
    return email;
  };
  const makePerson = (options: { email?: string; group?: Group; mentorIn?: ProgrammeKey[]; menteeIn?: ProgrammeKey[]; reverseMentee?: boolean }): Person => {
    const group = options.group ?? faker.helpers.weightedArrayElement(Object.values(GROUPS).map((value) => ({ value, weight: value.weight })));
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const town = faker.helpers.arrayElement(TOWNS);
    const title = faker.helpers.arrayElement(options.reverseMentee ? REVERSE_MENTEE_TITLES : group.titles);
    return {
      email: options.email ?? emailFor(firstName, lastName, group.domain),
      firstName, lastName, group, town,
      title, organisation: ORGANISATIONS[title === 'Paramedic' ? 'ambulance' : faker.helpers.arrayElement(group.orgs)](town),
      years: group.junior ? faker.number.int({ min: 1, max: 6 }) : faker.number.int({ min: 6, max: 35 }),
      mentorIn: options.mentorIn ?? [], menteeIn: options.menteeIn ?? [],
    };
  };

  const platformAdmin = makePerson({ email: LOGIN_EMAILS.platform_admin });
  const admins: { person: Person; programme: ProgrammeKey }[] = [{ person: makePerson({ email: LOGIN_EMAILS.programme_admin }), programme: 'london' }];
  for (const key of PROGRAMME_KEYS) {
    const count = PROGRAMMES[key].admins - (key === 'london' ? 1 : 0);
    for (let i = 0; i < count; i++) admins.push({ person: makePerson({}), programme: key });
  }

  const mentors: Person[] = [
    makePerson({ email: LOGIN_EMAILS.mentor, group: GROUPS.seniorNursing, mentorIn: ['london'] }),
    makePerson({ email: LOGIN_EMAILS.mentor_and_mentee, group: GROUPS.juniorNursing, mentorIn: ['reverse'], menteeIn: ['london'] }),
  ];
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

  const mentees: Person[] = [makePerson({ email: LOGIN_EMAILS.mentee, group: GROUPS.management, menteeIn: ['london'] })];
  while (mentees.length < 100) {
    // Reverse mentees are senior leaders; everyone else joins a programme for their own development.
    if (faker.datatype.boolean(0.12)) mentees.push(makePerson({ group: GROUPS.seniorNursing, menteeIn: ['reverse'], reverseMentee: true }));
    else {
      const person = makePerson({});
      person.menteeIn = [faker.helpers.arrayElement(person.group.programmes.map((key) => (key === 'reverse' ? 'london' : key)))];
      mentees.push(person);
    }
  }

  const bio = (person: Person) => [
    `I have worked in ${person.group.sector} for ${person.years} years and am ${article(person.title)} ${person.title} at ${person.organisation}.`,
    faker.helpers.arrayElement(person.mentorIn.includes('reverse') ? REVERSE_HELP : HELP),
    faker.datatype.boolean(0.6) ? faker.helpers.arrayElement(CLOSINGS) : '',
  ].join(' ').trim();
  const goals = (person: Person) =>
    faker.helpers.arrayElements(person.menteeIn.includes('reverse') ? REVERSE_GOALS : GOALS, { min: 1, max: 2 }).join(' ');

  const everyone = [platformAdmin, ...admins.map((admin) => admin.person), ...mentors, ...mentees];
  await db.transaction().execute(async (plain) => {
    const trx = plain.withTables<ProfileTables>();
    const ids = new Map<string, string>();
    for (const batch of chunks(everyone)) {
      const rows = await trx
        .insertInto('users')
        .values(batch.map((person) => ({
          email: person.email, full_name: `${person.firstName} ${person.lastName}`, password_hash: passwordHash,
          email_verified_at: new Date(), password_changed_at: new Date(), is_platform_admin: person === platformAdmin,
        })))
        .returning(['id', 'email'])
        .execute();
      for (const row of rows) ids.set(row.email, row.id);
    }
    const idOf = (person: Person) => required(ids, person.email);
    const adminId = idOf(platformAdmin);

    const programmeRows = await trx
      .insertInto('programmes')
      .values(PROGRAMME_KEYS.map((key) => PROGRAMMES[key]).map((p) => ({
        name: p.name, slug: slugify(p.name), description: p.description, eligibility: p.eligibility, mentoring_types: p.types,
        is_open: p.isOpen, requires_line_manager: p.lineManager, requires_admin_approval: p.approval, created_by: adminId,
      })))
      .returning(['id', 'name'])
      .execute();
    const programmeIds = new Map(programmeRows.map((row) => [row.name, row.id]));
    const programmeId = (key: ProgrammeKey) => required(programmeIds, PROGRAMMES[key].name);

    const membership = (person: Person, key: ProgrammeKey, role: ProgrammeRole) =>
      ({ user_id: idOf(person), programme_id: programmeId(key), role, created_by: adminId });
    const memberships = [
      ...admins.map(({ person, programme }) => membership(person, programme, 'programme_admin')),
      ...[...mentors, ...mentees].flatMap((person) => person.mentorIn.map((key) => membership(person, key, 'mentor'))
        .concat(person.menteeIn.map((key) => membership(person, key, 'mentee')))),
    ];
    for (const batch of chunks(memberships)) await trx.insertInto('programme_memberships').values(batch).execute();

    const mentorRows = mentors.map((person) => ({
      user_id: idOf(person), job_title: person.title, organisation: person.organisation, town: person.town,
      years_experience: person.years, bio: bio(person),
      mentoring_types: [...new Set(person.mentorIn.flatMap((key) => PROGRAMMES[key].types))],
      capacity: faker.number.int({ min: 1, max: 4 }),
      // A few mentors have paused, as real registers always have; never the ones we print.
      is_paused: !Object.values(LOGIN_EMAILS).includes(person.email) && faker.datatype.boolean(0.06),
    }));
    for (const batch of chunks(mentorRows)) await trx.insertInto('mentor_profiles').values(batch).execute();

    const menteeRows = [...mentors, ...mentees].filter((person) => person.menteeIn.length > 0).map((person) => ({
      user_id: idOf(person), job_title: person.title, organisation: person.organisation, goals: goals(person),
      preferences: faker.helpers.arrayElement(PREFERENCES),
      open_to_reverse: person.menteeIn.includes('reverse'), open_to_peer: person.menteeIn.includes('peer'),
    }));
    for (const batch of chunks(menteeRows)) await trx.insertInto('mentee_profiles').values(batch).execute();

    // The platform admin exists, so the first-run setup code must no longer work.
    await trx.updateTable('installation').set({ set_up_at: sql`now()`, setup_code_hash: null }).execute();
    await recordAudit(plain, { actorId: adminId, action: 'installation.set_up', subjectType: 'user', subjectId: adminId, details: { demo: true } });
  });
  return readLogins(db);
}

/** Read back from the database, so a second run reports exactly what the first one stored. */
async function readLogins(db: Db): Promise<DemoLogins> {
  const users = await db.selectFrom('users').select(['id', 'email', 'full_name']).where('email', 'in', Object.values(LOGIN_EMAILS)).execute();
  const memberships = users.length === 0 ? [] : await db.selectFrom('programme_memberships as m')
    .innerJoin('programmes as p', 'p.id', 'm.programme_id')
    .select(['m.user_id', 'm.role', 'p.name'])
    .where('m.user_id', 'in', users.map((user) => user.id))
    .orderBy('m.role', 'desc')
    .execute();
  const accounts = (Object.keys(LOGIN_EMAILS) as DemoRole[]).flatMap((role): DemoLogin[] => {
    const user = users.find((candidate) => candidate.email === LOGIN_EMAILS[role]);
    if (!user) return [];
    const own = memberships.filter((row) => row.user_id === user.id).map((row) => ({ role: row.role, programme: row.name }));
    return [{ role, name: user.full_name, email: user.email, memberships: own }];
  });
  return { password: DEMO_PASSWORD, accounts };
}

function required<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: nothing stored for ${key}`);
  return value;
}

/** Batches small enough to stay far below PostgreSQL's 65,535 bind parameters per statement. */
function chunks<T>(rows: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}
