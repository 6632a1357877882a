// Starting a chemistry invitation, whoever starts it: the mentee inviting a mentor, a mentor
// offering a meeting in answer to a "seeking a mentor" post, or a programme admin brokering on the
// mentee's behalf. One transaction locks the mentee's row, so two invitations sent at the same
// instant are counted one after the other against the programme's limit; the mentor must be
// approved in the programme, not paused and not full. The partial unique index on open pairs is the
// last line of defence, and its violation reads as the same clear message.
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { openInvitationStatuses, type MentoringType } from '../../db/types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { formatDate } from '../../platform/formatting.ts';
import { allowedTermIds } from '../taxonomies/service.ts';
import type { InvitationDeps, Trx } from './deps.ts';
import { invitationEmails } from './emails.ts';
import { auditInvitation, emailPerson, invitationUrl, loadParties, lockPeople } from './transitions.ts';

type Reader = Db | Trx;
export type Initiator = 'mentee' | 'mentor' | 'admin';

export interface MentorAvailability {
  fullName: string;
  capacity: number;
  active: number;
  isPaused: boolean;
  mentoringTypes: MentoringType[];
  hasRoom: boolean;
}

/** A mentor approved in the programme, with how many mentees they have now; undefined if not approved there. */
export async function findMentorAvailability(db: Reader, programmeId: string, mentorId: string): Promise<MentorAvailability | undefined> {
  const row = await db
    .selectFrom('mentor_applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('mentor_profiles as p', 'p.user_id', 'a.user_id')
    .select([
      'u.full_name', 'p.capacity', 'p.is_paused', 'p.mentoring_types',
      sql<number>`(select count(*)::int from relationships r where r.mentor_id = u.id and r.status = 'active')`.as('active'),
    ])
    .where('a.programme_id', '=', programmeId)
    .where('a.user_id', '=', mentorId)
    .where('a.status', '=', 'approved')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    fullName: row.full_name, capacity: row.capacity, active: row.active, isPaused: row.is_paused, mentoringTypes: row.mentoring_types,
    hasRoom: !row.is_paused && row.active < row.capacity,
  };
}

export interface MenteeSlots {
  max: number;
  open: number;
  left: number;
  hasMentor: boolean;
}

/** How many of the programme's open-invitation places the mentee is using, and whether they already have a mentor there. */
export async function countMenteeSlots(db: Reader, programmeId: string, menteeId: string): Promise<MenteeSlots> {
  const row = await db
    .selectFrom('programmes as p')
    .select([
      'p.max_open_invitations as max',
      sql<number>`(select count(*)::int from invitations i where i.programme_id = p.id and i.mentee_id = ${menteeId}
        and i.status in ('pending', 'accepted', 'met'))`.as('open'),
      sql<boolean>`exists (select 1 from relationships r where r.programme_id = p.id and r.mentee_id = ${menteeId} and r.status = 'active')`.as('hasMentor'),
    ])
    .where('p.id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return { max: row.max, open: row.open, left: Math.max(0, row.max - row.open), hasMentor: row.hasMentor };
}

/** "You can have 3 open invitations at a time. You have 1 left." */
export function slotsText(slots: Pick<MenteeSlots, 'max' | 'left'>, who: 'You' | 'They' = 'You'): string {
  const left = slots.left === 0 ? 'none' : String(slots.left);
  return `${who} can have ${slots.max} open invitation${slots.max === 1 ? '' : 's'} at a time. ${who} have ${left} left.`;
}

/** The types this mentor and programme share; the programme's own if they share none. */
export function mentoringTypeOptions(programmeTypes: MentoringType[], mentorTypes: MentoringType[]): MentoringType[] {
  const shared = programmeTypes.filter((type) => mentorTypes.includes(type));
  return shared.length > 0 ? shared : programmeTypes;
}

export class InvitationRefusedError extends ConflictError {}

export interface NewInvitation {
  programmeId: string;
  menteeId: string;
  mentorId: string;
  initiatedBy: Initiator;
  actorId: string;
  message: string;
  mentoringType: MentoringType | undefined;
  preferredModeIds: string[];
  preferredTimes: string;
  seekingPostId: string | null;
}

function refusals(initiatedBy: Initiator, mentorName: string) {
  const byMentee = initiatedBy === 'mentee';
  return {
    alreadyOpen: byMentee
      ? `You already have an open invitation to ${mentorName}`
      : initiatedBy === 'mentor' ? 'You already have an open chemistry meeting with this person' : `This mentee already has an open invitation to ${mentorName}`,
    unavailable: initiatedBy === 'mentor'
      ? 'You are not taking new mentees at the moment. Change your capacity or availability in your mentor profile first'
      : `${mentorName} is not taking new mentees at the moment`,
    hasMentor: byMentee ? 'You already have a mentor on this programme' : 'This person already has a mentor on this programme',
  };
}

/** Creates the invitation in the caller's transaction, or refuses with a message for whoever started it. */
export async function insertInvitation(trx: Trx, deps: InvitationDeps, input: NewInvitation): Promise<string> {
  await lockPeople(trx, [input.menteeId]);
  const programme = await trx
    .selectFrom('programmes')
    .select(['id', 'mentoring_types', 'invitation_expiry_days'])
    .where('id', '=', input.programmeId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  const mentor = await findMentorAvailability(trx, input.programmeId, input.mentorId);
  if (!programme || !mentor || input.menteeId === input.mentorId) throw new NotFoundError();
  const isMentee = await trx
    .selectFrom('programme_memberships')
    .select('id')
    .where('programme_id', '=', input.programmeId)
    .where('user_id', '=', input.menteeId)
    .where('role', '=', 'mentee')
    .executeTakeFirst();
  if (!isMentee) throw new NotFoundError();

  const refuse = refusals(input.initiatedBy, mentor.fullName);
  const slots = await countMenteeSlots(trx, input.programmeId, input.menteeId);
  if (slots.hasMentor) throw new InvitationRefusedError(refuse.hasMentor, 'has_mentor');
  const open = await trx
    .selectFrom('invitations')
    .select('id')
    .where('programme_id', '=', input.programmeId)
    .where('mentee_id', '=', input.menteeId)
    .where('mentor_id', '=', input.mentorId)
    .where('status', 'in', openInvitationStatuses)
    .executeTakeFirst();
  if (open) throw new InvitationRefusedError(refuse.alreadyOpen, 'already_open');
  if (slots.left === 0) {
    throw new InvitationRefusedError(
      input.initiatedBy === 'mentee'
        ? `${slotsText(slots)} Wait for an answer, or withdraw an invitation, before you invite someone else`
        : 'This person cannot take on another chemistry meeting right now',
      'invitation_limit',
    );
  }
  if (!mentor.hasRoom) throw new InvitationRefusedError(refuse.unavailable, 'mentor_unavailable');

  const options = mentoringTypeOptions(programme.mentoring_types, mentor.mentoringTypes);
  // An admin brokering a match is not asked the type: the first the two share, as the programme lists them.
  const chosenType = options.length === 1 || (input.initiatedBy === 'admin' && !input.mentoringType) ? options[0] : options.find((type) => type === input.mentoringType);
  if (!chosenType) throw new ValidationError({ mentoringType: 'Choose the type of mentoring' });
  if (input.preferredModeIds.length > 0) {
    const allowed = await allowedTermIds(trx, 'meeting_mode', input.preferredModeIds);
    if (allowed.size !== new Set(input.preferredModeIds).size) throw new ValidationError({ meetingModes: 'Choose meeting modes from the list' });
  }

  const invitation = await trx
    .insertInto('invitations')
    .values({
      programme_id: input.programmeId, mentee_id: input.menteeId, mentor_id: input.mentorId, initiated_by: input.initiatedBy,
      seeking_post_id: input.seekingPostId, message: input.message, mentoring_type: chosenType,
      preferred_mode_ids: [...new Set(input.preferredModeIds)], preferred_times: input.preferredTimes,
      expires_at: sql<Date>`now() + make_interval(days => ${programme.invitation_expiry_days})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx.insertInto('invitation_events').values({ invitation_id: invitation.id, from_status: null, to_status: 'pending', actor_user_id: input.actorId }).execute();
  await auditInvitation(trx, invitation, input.actorId, 'created', { initiatedBy: input.initiatedBy, to: 'pending' });

  const parties = await loadParties(trx, invitation);
  const common = { programmeName: parties.programmeName, url: invitationUrl(deps, invitation.id), answerBy: formatDate(invitation.expires_at) };
  if (input.initiatedBy === 'mentor') {
    await emailPerson(trx, deps, parties.mentee, 'offerReceived', invitationEmails.offerReceived({ ...common, name: parties.mentor.fullName }));
  } else {
    const byAdmin = input.initiatedBy === 'admin';
    await emailPerson(trx, deps, parties.mentor, 'invitationReceived', invitationEmails.invitationReceived({ ...common, name: parties.mentee.fullName, byAdmin }));
    if (byAdmin) await emailPerson(trx, deps, parties.mentee, 'mentorSuggested', invitationEmails.mentorSuggested({ ...common, name: parties.mentor.fullName }));
  }
  return invitation.id;
}

/** Runs `work` in one transaction; a violation of the one-open-invitation-per-pair index reads as the clear refusal. */
export async function inTransaction<T>(deps: InvitationDeps, alreadyOpenMessage: string, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(work);
  } catch (error) {
    const pgError = error as { code?: string; constraint?: string };
    if (pgError.code === '23505' && pgError.constraint === 'invitations_one_open_per_pair') throw new InvitationRefusedError(alreadyOpenMessage, 'already_open');
    throw error;
  }
}
