// What the home page shows about chemistry meetings. A mentee, per programme: open invitations with
// where each is and what comes next, offers from mentors waiting for their answer, how many of their
// invitations are left, their mentor once they have one, and the ways to find one. A mentor, per
// programme: invitations to answer, choices to confirm, meetings in progress, offers they made, and
// their current mentees. Both also see their past mentoring (ended in the last 12 months), so an
// ended relationship's pages, the closing reflection and the help to find another mentor stay reachable.
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import { sql } from 'kysely';
import { openInvitationStatuses, type Invitation } from '../../db/types.ts';
import { formatDate, formatDateTime } from '../../platform/formatting.ts';
import type { StatusTag } from '../../platform/status-machine.ts';
import { answeringRole, isPastAnswerBy } from './actions.ts';
import { slotsText } from './create-service.ts';
import { paths } from './deps.ts';
import { tagFor } from './transitions.ts';

export interface HomeInvitation {
  id: string;
  href: string;
  otherName: string;
  tag: StatusTag;
  nextStep: string;
}

/** A relationship that has ended, linking to its page. */
export interface PastMentoring {
  name: string;
  href: string;
  endedAt: Date;
}

export interface MenteeProgrammeHome {
  programmeId: string;
  programmeName: string;
  slotsText: string;
  left: number;
  max: number;
  invitations: HomeInvitation[];
  offers: HomeInvitation[];
  /** Closed in the last two weeks (declined, expired, withdrawn…), so the mentee sees how each ended. */
  recentlyClosed: HomeInvitation[];
  mentor: { name: string; href: string } | null;
  pastMentors: PastMentoring[];
  brokerRequestedAt: Date | null;
  findHref: string;
  shortlistHref: string;
  brokerHref: string;
}

export interface MentorProgrammeHome {
  programmeId: string;
  programmeName: string;
  toAnswer: HomeInvitation[];
  toConfirm: HomeInvitation[];
  meetings: HomeInvitation[];
  offers: HomeInvitation[];
  mentees: { name: string; href: string; startedAt: Date }[];
  pastMentees: PastMentoring[];
}

export interface ChemistryHome {
  asMentee: MenteeProgrammeHome[];
  asMentor: MentorProgrammeHome[];
}

type Row = Invitation & { menteeName: string; mentorName: string };

function nextStep(row: Row, viewer: 'mentee' | 'mentor', now: Date): string {
  const other = viewer === 'mentee' ? row.mentorName : row.menteeName;
  if (isPastAnswerBy(row, now)) return 'Not answered in time';
  switch (row.status) {
    case 'pending': return answeringRole(row) === viewer ? `Answer by ${formatDate(row.expires_at)}` : `Waiting for ${other} to answer by ${formatDate(row.expires_at)}`;
    case 'accepted': return row.meeting_starts_at ? `Meeting on ${formatDateTime(row.meeting_starts_at)}` : 'Agree a time for your meeting';
    case 'met':
      if (viewer === 'mentee') return row.chosen_at ? `Waiting for ${other} to confirm` : 'Decide whether to continue';
      return row.chosen_at ? `${other} would like you to be their mentor: confirm` : `Waiting for ${other} to decide`;
    case 'declined': return `${other} cannot meet you this time`;
    case 'expired': return 'Not answered in time';
    case 'withdrawn': return 'Withdrawn';
    case 'cancelled': return 'The meeting was cancelled';
    case 'not_chosen': return 'You did not continue together';
    default: return '';
  }
}

export async function getChemistryHomeSummary(db: Db, actor: Actor, now: Date = new Date()): Promise<ChemistryHome> {
  const programmeIds = [...new Set(actor.memberships.filter((m) => m.role === 'mentee' || m.role === 'mentor').map((m) => m.programmeId))];
  if (programmeIds.length === 0) return { asMentee: [], asMentor: [] };
  const [programmes, invitations, relationships, brokers] = await Promise.all([
    db.selectFrom('programmes').select(['id', 'name', 'max_open_invitations']).where('id', 'in', programmeIds).where('archived_at', 'is', null).orderBy('name').execute(),
    db.selectFrom('invitations as i')
      .innerJoin('users as me', 'me.id', 'i.mentee_id')
      .innerJoin('users as mo', 'mo.id', 'i.mentor_id')
      .selectAll('i')
      .select(['me.full_name as menteeName', 'mo.full_name as mentorName'])
      .where((eb) => eb.or([eb('i.mentee_id', '=', actor.id), eb('i.mentor_id', '=', actor.id)]))
      .where((eb) => eb.or([eb('i.status', 'in', openInvitationStatuses), eb('i.closed_at', '>', sql<Date>`now() - interval '14 days'`)]))
      .where('i.programme_id', 'in', programmeIds)
      .orderBy('i.created_at')
      .execute(),
    db.selectFrom('relationships as r')
      .innerJoin('users as me', 'me.id', 'r.mentee_id')
      .innerJoin('users as mo', 'mo.id', 'r.mentor_id')
      .select(['r.id', 'r.programme_id', 'r.mentee_id', 'r.mentor_id', 'r.invitation_id', 'r.status', 'r.started_at', 'r.ended_at', 'me.full_name as menteeName', 'mo.full_name as mentorName'])
      .where((eb) => eb.or([eb('r.mentee_id', '=', actor.id), eb('r.mentor_id', '=', actor.id)]))
      .where((eb) => eb.or([eb('r.status', '=', 'active'), eb.and([eb('r.status', '=', 'ended'), eb('r.ended_at', '>', sql<Date>`now() - interval '12 months'`)])]))
      .orderBy('r.started_at')
      .execute(),
    db.selectFrom('broker_requests').select(['programme_id', 'created_at']).where('mentee_id', '=', actor.id).where('status', '=', 'open').execute(),
  ]);
  const item = (row: Row, viewer: 'mentee' | 'mentor'): HomeInvitation => ({
    id: row.id, href: paths.invitation(row.id), otherName: viewer === 'mentee' ? row.mentorName : row.menteeName, tag: tagFor(row, now), nextStep: nextStep(row, viewer, now),
  });
  const isOpen = (row: Row) => (openInvitationStatuses as readonly string[]).includes(row.status);
  const has = (programmeId: string, role: 'mentee' | 'mentor') => actor.memberships.some((m) => m.programmeId === programmeId && m.role === role);
  const active = relationships.filter((r) => r.status === 'active');
  const ended = relationships.flatMap((r) => (r.status === 'ended' && r.ended_at ? [{ ...r, endedAt: new Date(r.ended_at) }] : []))
    .sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime());
  // Newest first; the query keeps only those ended in the last 12 months.
  const past = (programmeId: string, viewer: 'mentee' | 'mentor'): PastMentoring[] => ended
    .filter((r) => r.programme_id === programmeId && (viewer === 'mentee' ? r.mentee_id : r.mentor_id) === actor.id)
    .map((r) => ({ name: viewer === 'mentee' ? r.mentorName : r.menteeName, href: `/relationships/${r.id}`, endedAt: r.endedAt }));

  const asMentee = programmes.filter((p) => has(p.id, 'mentee')).map((p): MenteeProgrammeHome => {
    const all = invitations.filter((row) => row.programme_id === p.id && row.mentee_id === actor.id);
    const mine = all.filter(isOpen);
    const left = Math.max(0, p.max_open_invitations - mine.length);
    const relationship = active.find((r) => r.programme_id === p.id && r.mentee_id === actor.id);
    return {
      programmeId: p.id, programmeName: p.name, left, max: p.max_open_invitations, slotsText: slotsText({ max: p.max_open_invitations, left }),
      invitations: mine.filter((row) => !(row.status === 'pending' && row.initiated_by === 'mentor')).map((row) => item(row, 'mentee')),
      offers: mine.filter((row) => row.status === 'pending' && row.initiated_by === 'mentor').map((row) => item(row, 'mentee')),
      recentlyClosed: all.filter((row) => !isOpen(row) && row.status !== 'chosen').map((row) => item(row, 'mentee')),
      mentor: relationship ? { name: relationship.mentorName, href: `/relationships/${relationship.id}` } : null,
      pastMentors: past(p.id, 'mentee'),
      brokerRequestedAt: brokers.find((b) => b.programme_id === p.id)?.created_at ?? null,
      findHref: paths.findMentor(p.id), shortlistHref: paths.shortlist(p.id), brokerHref: paths.brokerRequest(p.id),
    };
  });

  const asMentor = programmes.filter((p) => has(p.id, 'mentor')).map((p): MentorProgrammeHome => {
    const mine = invitations.filter((row) => row.programme_id === p.id && row.mentor_id === actor.id && isOpen(row));
    const pendingOffer = (row: Row) => row.status === 'pending' && row.initiated_by === 'mentor';
    return {
      programmeId: p.id, programmeName: p.name,
      toAnswer: mine.filter((row) => row.status === 'pending' && row.initiated_by !== 'mentor').map((row) => item(row, 'mentor')),
      toConfirm: mine.filter((row) => row.status === 'met' && row.chosen_at !== null).map((row) => item(row, 'mentor')),
      meetings: mine.filter((row) => row.status === 'accepted' || (row.status === 'met' && row.chosen_at === null)).map((row) => item(row, 'mentor')),
      offers: mine.filter(pendingOffer).map((row) => item(row, 'mentor')),
      mentees: active.filter((r) => r.programme_id === p.id && r.mentor_id === actor.id)
        .map((r) => ({ name: r.menteeName, href: `/relationships/${r.id}`, startedAt: r.started_at })),
      pastMentees: past(p.id, 'mentor'),
    };
  });
  return { asMentee, asMentor };
}
