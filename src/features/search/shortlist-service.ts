// The mentee's shortlist for one programme. Adding and removing are idempotent (a double click or
// a stale tab changes nothing twice). The list shows each mentor's availability now: someone who
// became full, paused or left the register says so rather than silently disappearing.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/connection.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { paths, shortlistButton, typeLabels, type ShortlistButton } from './cards.ts';
import { mentoringTypeBits } from '../../matching/search-types.ts';
import { capacityInWords, excerpt } from './words.ts';

export interface ShortlistEntry {
  name: string;
  jobTitle: string;
  organisation: string;
  bioExcerpt: string;
  types: string[];
  availability: string;
  hasRoom: boolean;
  isOnRegister: boolean;
  profileHref: string | null;
  shortlist: ShortlistButton;
}

function mustFindMentors(actor: Actor, programmeId: string): void {
  if (!policies.canFindMentors(actor, programmeId)) throw new ForbiddenError();
}

async function isApprovedMentor(db: Db, programmeId: string, mentorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mentor_applications')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('user_id', '=', mentorId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row !== undefined;
}

export async function addToShortlist(db: Db, actor: Actor, programmeId: string, mentorId: string): Promise<void> {
  mustFindMentors(actor, programmeId);
  if (mentorId === actor.id || !(await isApprovedMentor(db, programmeId, mentorId))) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('shortlist_entries')
      .values({ programme_id: programmeId, mentee_id: actor.id, mentor_id: mentorId })
      .onConflict((oc) => oc.doNothing())
      .returning('mentor_id')
      .executeTakeFirst();
    if (added) await recordAudit(trx, { actorId: actor.id, action: 'shortlist.added', subjectType: 'user', subjectId: mentorId, programmeId });
  });
}

export async function removeFromShortlist(db: Db, actor: Actor, programmeId: string, mentorId: string): Promise<void> {
  mustFindMentors(actor, programmeId);
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('shortlist_entries')
      .where('programme_id', '=', programmeId)
      .where('mentee_id', '=', actor.id)
      .where('mentor_id', '=', mentorId)
      .returning('mentor_id')
      .executeTakeFirst();
    if (removed) await recordAudit(trx, { actorId: actor.id, action: 'shortlist.removed', subjectType: 'user', subjectId: mentorId, programmeId });
  });
}

export async function listShortlist(db: Db, actor: Actor, programmeId: string): Promise<ShortlistEntry[]> {
  mustFindMentors(actor, programmeId);
  const rows = await db
    .selectFrom('shortlist_entries as s')
    .innerJoin('users as u', 'u.id', 's.mentor_id')
    .leftJoin('mentor_profiles as p', 'p.user_id', 's.mentor_id')
    .select((eb) => [
      's.mentor_id', 'u.full_name', 'p.job_title', 'p.organisation', 'p.bio', 'p.mentoring_types', 'p.capacity', 'p.is_paused',
      eb.exists(
        eb.selectFrom('mentor_applications as a').select('a.id').whereRef('a.user_id', '=', 's.mentor_id').where('a.programme_id', '=', programmeId).where('a.status', '=', 'approved'),
      ).as('is_approved'),
      eb.selectFrom('relationships as r').select((r) => r.fn.countAll<string>().as('n')).whereRef('r.mentor_id', '=', 's.mentor_id').where('r.status', '=', 'active').as('active'),
      eb.selectFrom('invitations as i').select((i) => i.fn.countAll<string>().as('n')).whereRef('i.mentor_id', '=', 's.mentor_id').where('i.status', 'in', ['accepted', 'met']).as('pending'),
    ])
    .where('s.programme_id', '=', programmeId)
    .where('s.mentee_id', '=', actor.id)
    .orderBy('s.created_at')
    .orderBy('u.full_name')
    .execute();
  const returnTo = paths.shortlist(programmeId);
  return rows.map((row) => {
    const isOnRegister = row.is_approved === true;
    const capacity = capacityInWords({ capacity: row.capacity ?? 0, activeMentees: Number(row.active), pendingMentees: Number(row.pending), isPaused: row.is_paused ?? false });
    const types = (row.mentoring_types ?? []).reduce((bits, type) => bits | mentoringTypeBits[type], 0);
    return {
      name: row.full_name,
      jobTitle: row.job_title ?? '',
      organisation: row.organisation ?? '',
      bioExcerpt: excerpt(row.bio ?? ''),
      types: typeLabels(types),
      availability: isOnRegister ? capacity.text : 'No longer on this programme’s register',
      hasRoom: isOnRegister && capacity.hasRoom,
      isOnRegister,
      profileHref: isOnRegister ? paths.profile(programmeId, row.mentor_id) : null,
      shortlist: shortlistButton(programmeId, row.mentor_id, true, returnTo),
    };
  });
}
