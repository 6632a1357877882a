// What the agreed-actions pages show: the relationship's actions (or one session's), open ones
// first, each worded for the reader, and the owner choices for the add form — the mentee, the
// mentor, or both of them (owner_id null). Only the two parties reach them (access.loadForParty).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { todayInLondon } from '../../../platform/date-fields.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import { frameOf, type Frame } from '../frame.ts';
import { paths } from '../paths.ts';
import { sessionWhen } from '../session-of.ts';
import type { ActionOwner } from './schemas.ts';

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
