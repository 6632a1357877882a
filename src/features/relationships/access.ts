// Finding a relationship for the person asking. Its pages answer 404 to anyone who is not its mentee
// or mentor (policies.isRelationshipParty) — the same answer as for an id that does not exist, so
// nobody learns that a relationship exists. Changes lock the relationship row first and re-check,
// under the lock, that it is still active (policies.canWorkInRelationship).
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import type { MentoringType, Relationship } from '../../db/types.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Trx } from './deps.ts';
import { otherRole, typeWording, type PartyRole, type TypeWording } from './wording.ts';

export interface Person {
  id: string;
  fullName: string;
  email: string;
}

export interface RelationshipContext {
  relationship: Relationship;
  role: PartyRole;
  me: Person;
  other: Person & { role: PartyRole };
  mentee: Person;
  mentor: Person;
  programme: { id: string; name: string };
  wording: TypeWording;
  isActive: boolean;
}

/** The relationship has ended: it can be read but no longer changed. */
export class RelationshipEndedError extends ConflictError {
  constructor() {
    super('This mentoring relationship has ended, so it can no longer be changed', 'relationship_ended');
  }
}

async function build(db: Db | Trx, actor: Actor, relationship: Relationship | undefined): Promise<RelationshipContext> {
  if (!relationship || !policies.isRelationshipParty(actor, { menteeId: relationship.mentee_id, mentorId: relationship.mentor_id })) {
    throw new NotFoundError();
  }
  const [people, programme] = await Promise.all([
    db.selectFrom('users').select(['id', 'full_name as fullName', 'email']).where('id', 'in', [relationship.mentee_id, relationship.mentor_id]).execute(),
    db.selectFrom('programmes').select(['id', 'name']).where('id', '=', relationship.programme_id).executeTakeFirstOrThrow(),
  ]);
  const find = (id: string): Person => people.find((p) => p.id === id) ?? { id, fullName: 'Someone no longer registered', email: '' };
  const mentee = find(relationship.mentee_id);
  const mentor = find(relationship.mentor_id);
  const role: PartyRole = actor.id === relationship.mentee_id ? 'mentee' : 'mentor';
  const other = role === 'mentee' ? mentor : mentee;
  return {
    relationship, role, me: role === 'mentee' ? mentee : mentor, other: { ...other, role: otherRole(role) }, mentee, mentor, programme,
    wording: typeWording[relationship.mentoring_type as MentoringType], isActive: relationship.status === 'active',
  };
}

/** For reading: the relationship as one of its parties sees it, or NotFoundError. */
export async function loadForParty(db: Db, actor: Actor, relationshipId: string): Promise<RelationshipContext> {
  const relationship = await db.selectFrom('relationships').selectAll().where('id', '=', relationshipId).executeTakeFirst();
  return build(db, actor, relationship);
}

/**
 * Locks the relationship row (FOR UPDATE) inside the caller's transaction and checks that the actor
 * is a party (404 otherwise), whether or not it is still active. Only for the few changes an ended
 * relationship still takes, each checking its own rule; everything else uses lockForChange.
 */
export async function lockForParty(trx: Trx, actor: Actor, relationshipId: string): Promise<RelationshipContext> {
  const relationship = await trx.selectFrom('relationships').selectAll().where('id', '=', relationshipId).forUpdate().executeTakeFirst();
  return build(trx, actor, relationship);
}

/**
 * For changing: locks the relationship row (FOR UPDATE) inside the caller's transaction, then checks
 * that the actor is a party (404 otherwise) and that it is still active (RelationshipEndedError).
 * Every change to a relationship's content goes through here, so an ending and a change racing each
 * other are serialised on this row.
 */
export async function lockForChange(trx: Trx, actor: Actor, relationshipId: string): Promise<RelationshipContext> {
  const context = await lockForParty(trx, actor, relationshipId);
  if (!policies.canWorkInRelationship(actor, { menteeId: context.relationship.mentee_id, mentorId: context.relationship.mentor_id, status: context.relationship.status })) {
    throw new RelationshipEndedError();
  }
  return context;
}

/** The mentee's own work (goals, session reflections): refused to the mentor with a clear message. */
export function requireMentee(actor: Actor, context: RelationshipContext, what: string): void {
  if (!policies.isRelationshipMentee(actor, { menteeId: context.relationship.mentee_id, status: context.relationship.status })) {
    throw new ConflictError(`Only the mentee can ${what}`, 'mentee_only');
  }
}
