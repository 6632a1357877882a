// What the session reflection pages show: the mentee's reflection on one session, and the trend of
// all of them. The mentee decides whether the mentor sees a reflection
// (policies.canSeeSessionReflection); a mentor is told nothing about one not shared with them — not
// even that it exists — so every mentor query asks for shared ones only. Programme admins see
// aggregates elsewhere, never these rows.
import type { Actor } from '../../../auth/actor.ts';
import { policies } from '../../../auth/policies.ts';
import type { Db } from '../../../db/connection.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import type { Trx } from '../deps.ts';
import { frameOf, type Frame } from '../frame.ts';
import { paths } from '../paths.ts';
import { sessionOf, sessionStatusText, sessionWhen } from '../session-of.ts';
import { buildUsefulnessChart, type UsefulnessChart } from './chart.ts';
import { emojiKeyOf, emojiLabel } from './schemas.ts';

export interface ReflectionView {
  when: string;
  takeaway: string;
  usefulness: number;
  emoji: string;
  emojiLabel: string;
  href: string;
}

/** The reflections this reader may see: all of them for the mentee, only shared ones for the mentor. */
async function visibleReflections(db: Db | Trx, actor: Actor, context: RelationshipContext, sessionId?: string) {
  let query = db.selectFrom('session_reflections').innerJoin('mentoring_sessions', 'mentoring_sessions.id', 'session_reflections.session_id')
    .selectAll('session_reflections').select('mentoring_sessions.starts_at')
    .where('mentoring_sessions.relationship_id', '=', context.relationship.id);
  if (context.role === 'mentor') query = query.where('session_reflections.shared_with_mentor', '=', true);
  if (sessionId) query = query.where('session_reflections.session_id', '=', sessionId);
  const rows = await query.orderBy('mentoring_sessions.starts_at').execute();
  // The policy again, row by row, so a change to the query can never widen who sees what.
  return rows.filter((r) => policies.canSeeSessionReflection(actor, { menteeId: context.relationship.mentee_id, mentorId: context.relationship.mentor_id, sharedWithMentor: r.shared_with_mentor }));
}

export interface ReflectionPage {
  frame: Frame;
  role: 'mentee' | 'mentor';
  session: { when: string; status: string; isHeld: boolean };
  menteeName: string;
  mentorName: string;
  canWrite: boolean;
  hasReflection: boolean;
  /** For the mentor: the reflection only if it was shared with them. */
  shared: ReflectionView | null;
  values: Record<string, string>;
  links: { save: string; notes: string; reflections: string };
}

export async function getReflectionPage(db: Db, actor: Actor, relationshipId: string, sessionId: string): Promise<ReflectionPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const session = await sessionOf(db, relationshipId, sessionId);
  const [row] = await visibleReflections(db, actor, context, sessionId);
  const view = row ? { when: sessionWhen(row), takeaway: row.takeaway, usefulness: row.usefulness, emoji: row.emoji, emojiLabel: emojiLabel(row.emoji), href: paths.sessionReflection(relationshipId, sessionId) } : null;
  const isMentee = context.role === 'mentee';
  return {
    frame: frameOf(context),
    role: context.role,
    session: { when: sessionWhen(session), status: sessionStatusText[session.status], isHeld: session.status === 'held' },
    menteeName: context.mentee.fullName,
    mentorName: context.mentor.fullName,
    canWrite: isMentee && context.isActive && session.status === 'held',
    hasReflection: isMentee && row !== undefined,
    shared: isMentee ? null : view,
    values: isMentee && row
      ? { takeaway: row.takeaway, usefulness: String(row.usefulness), emoji: emojiKeyOf(row.emoji), share: row.shared_with_mentor ? 'yes' : 'no' }
      : {},
    links: { save: paths.sessionReflection(relationshipId, sessionId), notes: paths.sessionNotes(relationshipId, sessionId), reflections: paths.reflections(relationshipId) },
  };
}

export interface TrendPage {
  frame: Frame;
  role: 'mentee' | 'mentor';
  otherName: string;
  rows: ReflectionView[];
  chart: UsefulnessChart | null;
  /** For the mentee: held sessions still without a reflection, most recent first. */
  toReflectOn: { when: string; href: string }[];
}

export async function getTrendPage(db: Db, actor: Actor, relationshipId: string): Promise<TrendPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const rows = await visibleReflections(db, actor, context);
  const toReflectOn = context.role === 'mentee' && context.isActive
    ? await db.selectFrom('mentoring_sessions').leftJoin('session_reflections', 'session_reflections.session_id', 'mentoring_sessions.id')
      .select(['mentoring_sessions.id', 'mentoring_sessions.starts_at'])
      .where('mentoring_sessions.relationship_id', '=', relationshipId).where('mentoring_sessions.status', '=', 'held')
      .where('session_reflections.session_id', 'is', null).orderBy('mentoring_sessions.starts_at', 'desc').limit(5).execute()
    : [];
  return {
    frame: frameOf(context),
    role: context.role,
    otherName: context.other.fullName,
    rows: rows.map((r) => ({
      when: formatDate(r.starts_at), takeaway: r.takeaway, usefulness: r.usefulness, emoji: r.emoji, emojiLabel: emojiLabel(r.emoji),
      href: paths.sessionReflection(relationshipId, r.session_id),
    })),
    chart: buildUsefulnessChart(rows.map((r) => ({ at: r.starts_at, dateText: formatDate(r.starts_at), usefulness: r.usefulness }))),
    toReflectOn: toReflectOn.map((s) => ({ when: sessionWhen(s), href: paths.sessionReflection(relationshipId, s.id) })),
  };
}
