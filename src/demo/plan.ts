// The shapes the demo is planned in, before anything is written: the programmes and the people in
// them, and the applications that brought them there. Types only, so every part of the dataset can
// share them without importing another part.
import type { LineManagerRequestStatus, MenteeApplicationStatus, MentoringType, MentorApplicationStatus, TaxonomyName } from '../db/types.ts';

export type DemoRole = 'platform_admin' | 'programme_admin' | 'mentor' | 'mentee' | 'mentor_and_mentee';

export type ProgrammeKey = 'london' | 'reverse' | 'peer' | 'ahp';

export interface ProgrammeSpec { name: string; types: MentoringType[]; isOpen: boolean; lineManager: boolean; approval: boolean; description: string; eligibility: string; admins: number }

export type OrgKind = 'trust' | 'community' | 'icb' | 'gp' | 'ambulance' | 'council' | 'hospice';

/** A job, with its profession and likely bands as taxonomy keys; `setting` overrides the organisation's. */
export interface Role { title: string; profession: string; bands: string[]; setting?: string; org?: OrgKind }
export interface Group { weight: number; roles: Role[]; orgs: OrgKind[]; programmes: ProgrammeKey[]; junior?: boolean; sector: string; domain: string; help: string[] }

export interface Person {
  email: string; firstName: string; lastName: string; group: Group; title: string; organisation: string; town: string; years: number;
  profession: string; band: string; setting: string; region: string;
  mentorIn: ProgrammeKey[]; menteeIn: ProgrammeKey[];
}

export interface Cast {
  platformAdmin: Person;
  admins: { person: Person; programme: ProgrammeKey }[];
  mentors: Person[];
  mentees: Person[];
  /** The people whose logins the demo prints. */
  printed: Record<DemoRole, Person>;
}

/** Taxonomy term ids by taxonomy and key, looked up once (register/terms.ts). */
export interface Terms {
  id(taxonomy: TaxonomyName, key: string): string;
  keys(taxonomy: TaxonomyName): string[];
}

export interface PlannedEvent { from: string | null; to: string; at: Date; actor: Person | null; reason: string | null }
export interface Decision { decidedAt: Date | null; decidedBy: Person | null; adminMessage: string | null }

export interface PlannedMentorApplication extends Decision {
  person: Person; programme: ProgrammeKey; status: MentorApplicationStatus; createdAt: Date; submittedAt: Date; events: PlannedEvent[];
}
export interface PlannedRequest {
  managerName: string; managerEmail: string; status: LineManagerRequestStatus; reason: string | null;
  createdAt: Date; remindedAt: Date | null; expiresAt: Date; respondedAt: Date | null;
  /** The printed mentee's waiting request, whose link the demo prints. */
  isPrinted: boolean;
}
export interface PlannedMenteeApplication extends Decision {
  person: Person; programme: ProgrammeKey; status: MenteeApplicationStatus; createdAt: Date; submittedAt: Date; events: PlannedEvent[];
  request: PlannedRequest | null;
}

/** Both kinds of application, as register/applications.ts plans them. */
export interface ApplicationPlan {
  mentorApplications: PlannedMentorApplication[];
  menteeApplications: PlannedMenteeApplication[];
}

/** One person applying to one programme. */
export interface Slot { person: Person; programme: ProgrammeKey }
