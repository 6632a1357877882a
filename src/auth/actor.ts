// The signed-in person as the policy sees them: identity, platform role and programme roles.
import type { ProgrammeRole } from '../db/types.ts';

export interface Membership {
  programmeId: string;
  role: ProgrammeRole;
}

export interface Actor {
  id: string;
  email: string;
  fullName: string;
  isPlatformAdmin: boolean;
  memberships: Membership[];
}

export function hasProgrammeRole(actor: Actor, programmeId: string, role: ProgrammeRole): boolean {
  return actor.memberships.some((m) => m.programmeId === programmeId && m.role === role);
}
