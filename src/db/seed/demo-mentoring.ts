// The demo's chemistry meetings and mentoring relationships (issues 4 and 5): planned in memory
// after the register, from the same seeded faker, then written in batches. Ids are drawn from faker
// too, so rows can point at each other (and private text can be sealed for its row) before anything
// is written. Who may do what follows the product's rules: only approved people, mentors within
// their capacity, at most one open invitation per pair, the programme's open-invitation limit, and
// one active mentor per mentee per programme. Private text is sealed with the installation's keys.
import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Insertable, Transaction } from 'kysely';
import type { AgreedActionsTable, BrokerRequestsTable, ClosingReflectionsTable, ConcernActionsTable, ConcernsTable, ContractSignaturesTable, ContractVersionsTable, Database, FitReflectionsTable, GoalReviewsTable, GoalsTable, InvitationEventsTable, InvitationsTable, MentoringSessionsTable, MentorProfilesTable, PrivateNotesTable, RelationshipEndingsTable, RelationshipPhaseEventsTable, RelationshipsTable, SeekingPostsTable, SessionReflectionsTable, SharedNotesTable, ShortlistEntriesTable } from '../types.ts';
import type { KeyRing } from '../../platform/crypto.ts';
import { PROGRAMME_KEYS, type Cast, type Person, type ProgrammeKey } from './demo-people.ts';
import type { Terms } from './demo-profiles.ts';
import type { PlannedMenteeApplication, PlannedMentorApplication } from './demo-register.ts';
import { planChemistry } from './demo-chemistry.ts';
import { planRelationships } from './demo-relationships.ts';

export const DAY = 86_400_000;

/** Someone approved as a mentor or mentee in one programme, and since when. */
export interface Member { person: Person; id: string; approvedAt: Date }

export interface MentoringInput {
  cast: Cast;
  plan: { mentorApplications: PlannedMentorApplication[]; menteeApplications: PlannedMenteeApplication[] };
  mentorProfiles: Insertable<MentorProfilesTable>[];
  idOf: (person: Person) => string;
  programmeId: (key: ProgrammeKey) => string;
  terms: Terms;
  now: Date;
  keys: KeyRing;
}

export interface Pool {
  mentors: Record<ProgrammeKey, Member[]>;
  mentees: Record<ProgrammeKey, Member[]>;
  /** Programme admins' user ids. */
  admins: Record<ProgrammeKey, string[]>;
  /** Printed people: only ever placed on purpose, never drawn at random. */
  printed: Set<string>;
  capacity: Map<string, number>;
  paused: Set<string>;
  /** Active relationships per mentor, across programmes, as capacity counts them. */
  active: Map<string, number>;
}

export interface Ctx extends MentoringInput {
  pool: Pool;
  rows: MentoringRows;
  /** Each programme's limits of confidentiality, which a contract version copies in when saved. */
  confidentiality: Map<string, string>;
}

export const hasRoom = (pool: Pool, id: string) => !pool.paused.has(id) && (pool.active.get(id) ?? 0) < (pool.capacity.get(id) ?? 0);

export interface MentoringRows {
  seekingPosts: Insertable<SeekingPostsTable>[];
  brokerRequests: Insertable<BrokerRequestsTable>[];
  invitations: Insertable<InvitationsTable>[];
  invitationEvents: Insertable<InvitationEventsTable>[];
  fitReflections: Insertable<FitReflectionsTable>[];
  shortlist: Insertable<ShortlistEntriesTable>[];
  relationships: Insertable<RelationshipsTable>[];
  phaseEvents: Insertable<RelationshipPhaseEventsTable>[];
  contracts: Insertable<ContractVersionsTable>[];
  signatures: Insertable<ContractSignaturesTable>[];
  sessions: Insertable<MentoringSessionsTable>[];
  goals: Insertable<GoalsTable>[];
  reviews: Insertable<GoalReviewsTable>[];
  sharedNotes: Insertable<SharedNotesTable>[];
  privateNotes: Insertable<PrivateNotesTable>[];
  actions: Insertable<AgreedActionsTable>[];
  reflections: Insertable<SessionReflectionsTable>[];
  endings: Insertable<RelationshipEndingsTable>[];
  closingReflections: Insertable<ClosingReflectionsTable>[];
  concerns: Insertable<ConcernsTable>[];
  concernActions: Insertable<ConcernActionsTable>[];
  /** Mentors whose capacity the demo raises, so the printed mentor has room for what they are shown. */
  capacity: { userId: string; capacity: number }[];
}

// Small helpers every planner shares; all draw from the seeded faker, so every demo is the same.
export const uuid = () => faker.string.uuid();
export const between = (min: number, max: number) => faker.number.float({ min, max });
export const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);
export const daysAgo = (now: Date, min: number, max: number) => plusDays(now, -between(min, max));
export const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
export const earliest = (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
export const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
export const chance = (probability: number) => faker.datatype.boolean(probability);

/** The same moment, or if it fell at night the same day's waking hours (7am to 9pm): never more than eight hours away. */
export function daytime(date: Date): Date {
  const at = new Date(date);
  const hour = at.getUTCHours();
  if (hour < 7) at.setUTCHours(hour + 7);
  else if (hour >= 21) at.setUTCHours(hour - 8);
  return at;
}

/** The same day (or the Friday before a weekend), on the hour or half past, in working hours: never a later day. */
export function workingTime(date: Date): Date {
  const at = new Date(date);
  const weekday = at.getUTCDay();
  if (weekday === 0) at.setUTCDate(at.getUTCDate() - 2);
  if (weekday === 6) at.setUTCDate(at.getUTCDate() - 1);
  at.setUTCHours(pick([8, 9, 10, 11, 12, 13, 14, 15]), pick([0, 30]), 0, 0);
  return at;
}

export const modeKeys = ['face_to_face', 'video', 'phone'] as const;

function buildPool(input: MentoringInput): Pool {
  const approvedAt = (application: PlannedMentorApplication | PlannedMenteeApplication) => application.events.at(-1)?.at ?? application.createdAt;
  const members = (applications: (PlannedMentorApplication | PlannedMenteeApplication)[], key: ProgrammeKey) => applications
    .filter((application) => application.programme === key && application.status === 'approved')
    .map((application) => ({ person: application.person, id: input.idOf(application.person), approvedAt: approvedAt(application) }));
  const byProgramme = <T>(make: (key: ProgrammeKey) => T) => Object.fromEntries(PROGRAMME_KEYS.map((key) => [key, make(key)])) as Record<ProgrammeKey, T>;
  return {
    mentors: byProgramme((key) => members(input.plan.mentorApplications, key)),
    mentees: byProgramme((key) => members(input.plan.menteeApplications, key)),
    admins: byProgramme((key) => input.cast.admins.filter((admin) => admin.programme === key).map((admin) => input.idOf(admin.person))),
    printed: new Set(Object.values(input.cast.printed).map(input.idOf)),
    capacity: new Map(input.mentorProfiles.map((profile) => [profile.user_id, profile.capacity ?? 1])),
    paused: new Set(input.mentorProfiles.filter((profile) => profile.is_paused === true).map((profile) => profile.user_id)),
    active: new Map(),
  };
}

/** Plans everything, relationships first (chemistry meetings lead up to them), then writes it all. */
export async function seedMentoring(trx: Transaction<Database>, input: MentoringInput): Promise<void> {
  const rows: MentoringRows = {
    seekingPosts: [], brokerRequests: [], invitations: [], invitationEvents: [], fitReflections: [], shortlist: [], relationships: [], phaseEvents: [],
    contracts: [], signatures: [], sessions: [], goals: [], reviews: [], sharedNotes: [], privateNotes: [], actions: [], reflections: [], endings: [],
    closingReflections: [], concerns: [], concernActions: [], capacity: [],
  };
  const programmes = await trx.selectFrom('programmes').select(['id', 'confidentiality_text']).execute();
  const ctx: Ctx = { ...input, pool: buildPool(input), rows, confidentiality: new Map(programmes.map((p) => [p.id, p.confidentiality_text])) };
  const relationships = planRelationships(ctx);
  planChemistry(ctx, relationships);
  await writeMentoring(trx, rows);
}

/** In foreign-key order, in batches far below PostgreSQL's 65,535 bind parameters per statement. */
async function writeMentoring(trx: Transaction<Database>, rows: MentoringRows): Promise<void> {
  for (const { userId, capacity } of rows.capacity) await trx.updateTable('mentor_profiles').set({ capacity }).where('user_id', '=', userId).execute();
  for (const batch of chunks(rows.seekingPosts)) await trx.insertInto('seeking_posts').values(batch).execute();
  for (const batch of chunks(rows.brokerRequests)) await trx.insertInto('broker_requests').values(batch).execute();
  for (const batch of chunks(rows.invitations)) await trx.insertInto('invitations').values(batch).execute();
  for (const batch of chunks(byTime(rows.invitationEvents))) await trx.insertInto('invitation_events').values(batch).execute();
  for (const batch of chunks(rows.fitReflections)) await trx.insertInto('fit_reflections').values(batch).execute();
  for (const batch of chunks(rows.shortlist)) await trx.insertInto('shortlist_entries').values(batch).execute();
  for (const batch of chunks(rows.relationships)) await trx.insertInto('relationships').values(batch).execute();
  for (const batch of chunks(byTime(rows.phaseEvents))) await trx.insertInto('relationship_phase_events').values(batch).execute();
  for (const batch of chunks(rows.contracts)) await trx.insertInto('contract_versions').values(batch).execute();
  for (const batch of chunks(rows.signatures)) await trx.insertInto('contract_signatures').values(batch).execute();
  for (const batch of chunks(rows.sessions)) await trx.insertInto('mentoring_sessions').values(batch).execute();
  for (const batch of chunks(rows.goals)) await trx.insertInto('goals').values(batch).execute();
  for (const batch of chunks(rows.reviews)) await trx.insertInto('goal_reviews').values(batch).execute();
  for (const batch of chunks(rows.sharedNotes)) await trx.insertInto('shared_notes').values(batch).execute();
  for (const batch of chunks(rows.privateNotes)) await trx.insertInto('private_notes').values(batch).execute();
  for (const batch of chunks(rows.actions)) await trx.insertInto('agreed_actions').values(batch).execute();
  for (const batch of chunks(rows.reflections)) await trx.insertInto('session_reflections').values(batch).execute();
  for (const batch of chunks(rows.endings)) await trx.insertInto('relationship_endings').values(batch).execute();
  for (const batch of chunks(rows.closingReflections)) await trx.insertInto('closing_reflections').values(batch).execute();
  for (const batch of chunks(rows.concerns)) await trx.insertInto('concerns').values(batch).execute();
  for (const batch of chunks(rows.concernActions)) await trx.insertInto('concern_actions').values(batch).execute();
}

/** History tables have identity ids: written in time order, their ids follow time as the product's would. */
function byTime<T extends { occurred_at?: Date | string }>(events: T[]): T[] {
  return [...events].sort((a, b) => new Date(a.occurred_at ?? 0).getTime() - new Date(b.occurred_at ?? 0).getTime());
}

function chunks<T>(rows: T[], size = 400): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}
