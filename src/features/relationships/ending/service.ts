// Ending without blame (PRODUCT.md, journey 5): either party ends the relationship at any time,
// saying only whether they achieved what they set out to or it is not working for them, with a
// reason that only programme admins read. Afterwards the ending page shows how it ended, the
// closing reflection and, for the mentee, the ways to find another mentor.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import type { Db } from '../../../db/connection.ts';
import type { RelationshipEndKind } from '../../../db/types.ts';
import type { KeyRing } from '../../../platform/crypto.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { findOpenBrokerRequest } from '../../invitations/broker-service.ts';
import { countMenteeSlots, slotsText } from '../../invitations/create-service.ts';
import { loadForParty, lockForChange, RelationshipEndedError, type RelationshipContext } from '../access.ts';
import { readClosingReflection } from './closing-service.ts';
import type { RelationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { AlreadyEndedError, closeRelationship } from './close.ts';
import type { EndInput } from './schemas.ts';
import { frameOf, type Frame } from '../frame.ts';

export const endKindText: Record<RelationshipEndKind, string> = {
  completed: 'Completed: you achieved what you set out to',
  ended_early: 'Ended early',
  ended_by_admin: 'Closed by the programme',
};

export interface MenteeHelp {
  slotsText: string;
  findHref: string;
  brokerHref: string;
  brokerRequestedOn: string | null;
}

export interface EndLinks {
  relationship: string;
  concern: string;
  end: string;
  closing: string;
}

export type EndPage =
  | { state: 'active'; frame: Frame; otherName: string; links: EndLinks }
  | {
    state: 'ended'; frame: Frame; otherName: string; links: EndLinks;
    endedOn: string; kindText: string; endedByText: string;
    /** The reason, only for the person who gave it. */
    myReason: string | null;
    closingText: string | null;
    help: MenteeHelp | null;
    /** Whom to ask when the programme closed it. */
    admins: { name: string; email: string }[];
  };

/** For the mentee only, while they are a mentee of the programme with no other mentor there: search, and the admins' help. */
async function menteeHelp(db: Db, actor: Actor, context: RelationshipContext): Promise<MenteeHelp | null> {
  const programmeId = context.programme.id;
  if (context.role !== 'mentee' || !policies.canFindMentors(actor, programmeId)) return null;
  const slots = await countMenteeSlots(db, programmeId, actor.id);
  if (slots.hasMentor) return null;
  const broker = await findOpenBrokerRequest(db, programmeId, actor.id);
  return {
    slotsText: slotsText(slots), findHref: paths.findMentor(programmeId), brokerHref: paths.brokerRequest(programmeId),
    brokerRequestedOn: broker ? formatDate(broker.createdAt) : null,
  };
}

export async function getEndPage(deps: { db: Db; keys: KeyRing }, actor: Actor, relationshipId: string): Promise<EndPage> {
  const context = await loadForParty(deps.db, actor, relationshipId);
  const r = context.relationship;
  const links = { relationship: paths.relationship(r.id), concern: paths.concern(r.id), end: paths.end(r.id), closing: paths.closingReflection(r.id) };
  const base = { frame: frameOf(context), otherName: context.other.fullName, links };
  if (context.isActive || !r.end_kind || !r.ended_at) return { state: 'active', ...base };
  const [ending, closingText, help, admins] = await Promise.all([
    deps.db.selectFrom('relationship_endings').select(['ended_by', 'reason']).where('relationship_id', '=', r.id).executeTakeFirst(),
    readClosingReflection(deps.db, deps.keys, r.id, actor.id),
    menteeHelp(deps.db, actor, context),
    r.end_kind === 'ended_by_admin'
      ? deps.db.selectFrom('programme_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.full_name as name', 'u.email'])
        .where('m.programme_id', '=', r.programme_id).where('m.role', '=', 'programme_admin').orderBy('u.full_name').execute()
      : Promise.resolve([]),
  ]);
  const endedByMe = ending?.ended_by === actor.id;
  return {
    state: 'ended', ...base,
    endedOn: formatDate(r.ended_at),
    kindText: endKindText[r.end_kind],
    endedByText: r.end_kind === 'ended_by_admin' ? 'A programme admin' : endedByMe ? 'You' : context.other.fullName,
    myReason: endedByMe && ending && ending.reason !== '' ? ending.reason : null,
    closingText,
    help,
    admins: admins.map((a) => ({ name: a.name, email: a.email })),
  };
}

/** A party ends the relationship: one transaction under the relationship's lock (access.lockForChange). */
export async function endRelationship(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: EndInput, now = new Date()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId).catch((error: unknown) => {
      throw error instanceof RelationshipEndedError ? new AlreadyEndedError() : error;
    });
    await closeRelationship(trx, deps, {
      relationship: context.relationship, programmeName: context.programme.name, mentee: context.mentee, mentor: context.mentor,
      kind: input.kind, endedBy: context.role, actorId: actor.id, reason: input.reason, now,
    });
  });
}
