// The demo's chemistry meetings (issue 4): the invitations that led to each relationship (the chosen
// one, and the others it closed), and for mentees still looking, invitations in every state with
// their histories, "seeking a mentor" posts with mentors' offers, requests for an admin to broker a
// match, and shortlists. Each invitation moves exactly as invitations/transitions.ts moves it.
import type { Ctx, Member, PlannedRelationship } from '../mentoring-plan.ts';
import type { ProgrammeKey } from '../plan.ts';
import { leadUp } from './lead-up.ts';
import { planSeekers } from './seekers.ts';

export function planChemistry(ctx: Ctx, relationships: PlannedRelationship[]): void {
  const used = new Map<string, Set<string>>();
  const usedFor = (programme: ProgrammeKey, mentee: Member) => {
    const key = `${programme} ${mentee.id}`;
    const set = used.get(key) ?? new Set<string>();
    used.set(key, set);
    return set;
  };
  for (const r of relationships) usedFor(r.programme, r.mentee).add(r.mentor.id);
  for (const r of relationships) leadUp(ctx, r, usedFor(r.programme, r.mentee));
  planSeekers(ctx, relationships, usedFor);
}
