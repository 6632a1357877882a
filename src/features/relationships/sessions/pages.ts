// What the session pages show: the list (upcoming, then past and cancelled), and one session with
// what each party can do with it now. Only the two parties reach them (access.loadForParty: 404 for
// anyone else, and for a session of another relationship).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { MentoringSession } from '../../../db/types.ts';
import { NotFoundError } from '../../../errors.ts';
import { formatDate, formatDateTime } from '../../../platform/formatting.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';
import { canStillMarkHeld } from './service.ts';

export interface StatusTag {
  text: string;
  colour: 'blue' | 'green' | 'grey' | 'yellow' | 'red';
}

const endOf = (s: Pick<MentoringSession, 'starts_at' | 'duration_minutes'>) => new Date(s.starts_at).getTime() + s.duration_minutes * 60_000;

export function statusTagOf(session: Pick<MentoringSession, 'status' | 'starts_at' | 'logged'>, now: Date): StatusTag {
  if (session.status === 'held') return { text: session.logged ? 'Held (recorded afterwards)' : 'Held', colour: 'green' };
  if (session.status === 'cancelled') return { text: 'Cancelled', colour: 'grey' };
  return new Date(session.starts_at) <= now ? { text: 'Not yet marked as held', colour: 'yellow' } : { text: 'Scheduled', colour: 'blue' };
}

async function modeLabels(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'label']).where('taxonomy', '=', 'meeting_mode').execute();
  return new Map(rows.map((row) => [row.id, row.label]));
}

export interface SessionRow {
  href: string;
  when: string;
  minutes: number;
  mode: string;
  tag: StatusTag;
}

export interface SessionsPage {
  frame: Frame;
  upcoming: SessionRow[];
  past: SessionRow[];
  links: { schedule: string; log: string };
}

export async function getSessionsPage(db: Db, actor: Actor, relationshipId: string, now: Date = new Date()): Promise<SessionsPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const [sessions, modes] = await Promise.all([
    db.selectFrom('mentoring_sessions').selectAll().where('relationship_id', '=', relationshipId).orderBy('starts_at').execute(),
    modeLabels(db),
  ]);
  const row = (s: MentoringSession): SessionRow => ({
    href: paths.session(relationshipId, s.id), when: formatDateTime(s.starts_at), minutes: s.duration_minutes, mode: modes.get(s.mode) ?? 'Not known', tag: statusTagOf(s, now),
  });
  const isUpcoming = (s: MentoringSession) => s.status === 'scheduled' && endOf(s) >= now.getTime();
  return {
    frame: frameOf(context),
    upcoming: sessions.filter(isUpcoming).map(row),
    past: sessions.filter((s) => !isUpcoming(s)).reverse().map(row),
    links: { schedule: paths.sessionNew(relationshipId), log: paths.sessionLog(relationshipId) },
  };
}

export interface SessionPage {
  frame: Frame;
  session: { id: string; when: string; minutes: number; mode: string; location: string; agenda: string; logged: boolean; createdBy: string | null };
  tag: StatusTag;
  cancellation: { on: string; by: string; message: string } | null;
  actions: { reschedule: boolean; cancel: boolean; held: boolean; notYetStarted: boolean };
  links: { sessions: string; reschedule: string; cancel: string; held: string; notes: string; reflection: string };
  showReflection: boolean;
}

function nameOf(context: RelationshipContext, userId: string | null): string | null {
  if (userId === context.me.id) return 'You';
  if (userId === context.other.id) return context.other.fullName;
  return null;
}

/** One of the relationship's sessions (404 for anything else), as its page shows it. */
export async function loadSession(db: Db, context: RelationshipContext, sessionId: string): Promise<MentoringSession> {
  const session = await db.selectFrom('mentoring_sessions').selectAll().where('id', '=', sessionId).where('relationship_id', '=', context.relationship.id).executeTakeFirst();
  if (!session) throw new NotFoundError();
  return session;
}

export async function getSessionPage(db: Db, actor: Actor, relationshipId: string, sessionId: string, now: Date = new Date()): Promise<SessionPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const s = await loadSession(db, context, sessionId);
  const modes = await modeLabels(db);
  const canChange = context.isActive && s.status === 'scheduled';
  const started = new Date(s.starts_at) <= now;
  return {
    frame: frameOf(context),
    session: {
      id: s.id, when: formatDateTime(s.starts_at), minutes: s.duration_minutes, mode: modes.get(s.mode) ?? 'Not known',
      location: s.location, agenda: s.agenda, logged: s.logged, createdBy: nameOf(context, s.created_by),
    },
    tag: statusTagOf(s, now),
    cancellation: s.status === 'cancelled'
      ? { on: s.cancelled_at ? formatDate(s.cancelled_at) : '', by: nameOf(context, s.cancelled_by) ?? 'Someone', message: s.cancel_message }
      : null,
    actions: {
      reschedule: canChange, cancel: canChange, held: s.status === 'scheduled' && started && canStillMarkHeld(context.relationship, s), notYetStarted: canChange && !started,
    },
    links: {
      sessions: paths.sessions(relationshipId), reschedule: paths.sessionReschedule(relationshipId, s.id), cancel: paths.sessionCancel(relationshipId, s.id),
      held: paths.sessionHeld(relationshipId, s.id), notes: paths.sessionNotes(relationshipId, s.id), reflection: paths.sessionReflection(relationshipId, s.id),
    },
    showReflection: s.status === 'held' || (s.status === 'scheduled' && started),
  };
}
