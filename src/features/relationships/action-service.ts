// Agreed actions: what the pair agreed someone will do — the mentee, the mentor, or both of them
// (owner_id null) — optionally by a date, and usually agreed in a session. Both parties see, add
// and tick them off; nobody else sees them (programme admins never see content).
import type { Actor } from '../../auth/actor.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/connection.ts';
import type { AgreedAction } from '../../db/types.ts';
import { NotFoundError } from '../../errors.ts';
import { todayInLondon } from '../../platform/date-fields.ts';
import { formatDate } from '../../platform/formatting.ts';
import { loadForParty, lockForChange, type RelationshipContext } from './access.ts';
import type { ActionInput, ActionOwner } from './action-schemas.ts';
import { paths, type RelationshipDeps, type Trx } from './deps.ts';
import { frameOf, type Frame } from './frame.ts';
import { notify } from './note-emails.ts';
import { requireOpenSession, sessionOf, sessionWhen } from './note-support.ts';

export interface ActionRow {
  id: string;
  description: string;
  owner: string;
  due: string | null;
  overdue: boolean;
  done: boolean;
  doneOn: string | null;
  session: { when: string; href: string } | null;
  toggleHref: string;
}

export interface OwnerChoice {
  value: ActionOwner;
  text: string;
}

/** The owner radios, worded for the person filling the form in. */
export function ownerChoices(context: RelationshipContext): OwnerChoice[] {
  const name = (role: 'mentee' | 'mentor') => (context.role === role ? `You (${context.me.fullName})` : context.other.fullName);
  return [
    { value: 'mentee', text: name('mentee') },
    { value: 'mentor', text: name('mentor') },
    { value: 'both', text: 'Both of you' },
  ];
}

function ownerLabel(context: RelationshipContext, ownerId: string | null, actorId: string): string {
  if (ownerId === null) return 'Both of you';
  if (ownerId === actorId) return 'You';
  return ownerId === context.mentee.id ? context.mentee.fullName : ownerId === context.mentor.id ? context.mentor.fullName : 'Someone no longer registered';
}

/** The relationship's actions (or one session's), open ones first, each worded for the reader. */
export async function listActions(db: Db, context: RelationshipContext, actorId: string, options: { sessionId?: string; now?: Date } = {}): Promise<ActionRow[]> {
  const id = context.relationship.id;
  let query = db.selectFrom('agreed_actions').leftJoin('mentoring_sessions', 'mentoring_sessions.id', 'agreed_actions.session_id')
    .selectAll('agreed_actions').select('mentoring_sessions.starts_at as sessionStartsAt')
    .where('agreed_actions.relationship_id', '=', id);
  if (options.sessionId) query = query.where('agreed_actions.session_id', '=', options.sessionId);
  const rows = await query
    .orderBy((eb) => eb.case().when('agreed_actions.done_at', 'is', null).then(0).else(1).end())
    .orderBy('agreed_actions.due_on', (ob) => ob.asc().nullsLast())
    .orderBy('agreed_actions.created_at')
    .execute();
  const today = todayInLondon(options.now);
  return rows.map((a) => ({
    id: a.id,
    description: a.description,
    owner: ownerLabel(context, a.owner_id, actorId),
    due: a.due_on ? formatDate(a.due_on) : null,
    overdue: a.done_at === null && a.due_on !== null && a.due_on < today,
    done: a.done_at !== null,
    doneOn: a.done_at ? formatDate(a.done_at) : null,
    session: a.session_id && a.sessionStartsAt ? { when: sessionWhen({ starts_at: a.sessionStartsAt }), href: paths.sessionNotes(id, a.session_id) } : null,
    toggleHref: paths.action(id, a.id),
  }));
}

export interface ActionsPage {
  frame: Frame;
  open: ActionRow[];
  done: ActionRow[];
  owners: OwnerChoice[];
  otherName: string;
  links: { add: string; sessions: string };
}

export async function getActionsPage(db: Db, actor: Actor, relationshipId: string, now: Date = new Date()): Promise<ActionsPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const rows = await listActions(db, context, actor.id, { now });
  return {
    frame: frameOf(context),
    open: rows.filter((r) => !r.done),
    done: rows.filter((r) => r.done),
    owners: ownerChoices(context),
    otherName: context.other.fullName,
    links: { add: paths.actions(relationshipId), sessions: paths.sessions(relationshipId) },
  };
}

function ownerIdOf(context: RelationshipContext, owner: ActionOwner): string | null {
  return owner === 'both' ? null : owner === 'mentee' ? context.relationship.mentee_id : context.relationship.mentor_id;
}

/** Adds an action, from a session (not a cancelled one) or on its own; tells the other party that one was added, never what. */
export async function addAction(deps: RelationshipDeps, actor: Actor, relationshipId: string, sessionId: string | null, input: ActionInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const session = sessionId ? await sessionOf(trx, relationshipId, sessionId) : null;
    if (session) requireOpenSession(session);
    const row = await trx.insertInto('agreed_actions').values({
      relationship_id: relationshipId, session_id: session?.id ?? null, description: input.description,
      owner_id: ownerIdOf(context, input.owner), due_on: input.dueOn, created_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id, action: 'relationship.action_added', subjectType: 'relationship', subjectId: relationshipId,
      programmeId: context.relationship.programme_id, details: { actionId: row.id, sessionId: session?.id ?? null },
    });
    await notify(trx, deps, context.other, 'actionAdded', { name: context.me.fullName, when: session ? sessionWhen(session) : '', path: paths.actions(relationshipId) });
  });
}

async function lockAction(trx: Trx, relationshipId: string, actionId: string): Promise<AgreedAction> {
  const action = await trx.selectFrom('agreed_actions').selectAll().where('id', '=', actionId).where('relationship_id', '=', relationshipId).forUpdate().executeTakeFirst();
  if (!action) throw new NotFoundError();
  return action;
}

/** Marks an action done or not done (either party); returns the session it came from, for going back there. */
export async function setActionDone(deps: RelationshipDeps, actor: Actor, relationshipId: string, actionId: string, done: boolean): Promise<string | null> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const action = await lockAction(trx, relationshipId, actionId);
    // Marking an already-done action done again keeps the day it was first done.
    const doneAt = done ? (action.done_at ?? new Date()) : null;
    await trx.updateTable('agreed_actions').set({ done_at: doneAt }).where('id', '=', action.id).execute();
    await recordAudit(trx, {
      actorId: actor.id, action: done ? 'relationship.action_done' : 'relationship.action_reopened', subjectType: 'relationship',
      subjectId: relationshipId, programmeId: context.relationship.programme_id, details: { actionId: action.id },
    });
    return action.session_id;
  });
}
