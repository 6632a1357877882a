// The invitation page as either party sees it: where it is, what happens next, the message and
// preferences, the meeting, the history, and what this party may do now. Contact details appear
// only once the invitation is accepted (policies.canSeeContactDetails); the decline reason never
// appears here (programme admins see it in their brokering queue); reflections are on their own page.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import type { Invitation, InvitationStatus } from '../../db/types.ts';
import { NotFoundError } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../platform/formatting.ts';
import type { StatusTag } from '../../platform/status-machine.ts';
import { getMenteeProfileView, type MenteeProfileView } from '../mentees/profile-service.ts';
import { labelsFor } from '../taxonomies/service.ts';
import { allowedActions, answeringRole, isPastAnswerBy, type InvitationAction, type PartyRole } from './actions.ts';
import { mentoringTypeLabels } from './statuses.ts';
import { roleOf, tagFor } from './transitions.ts';

export interface ContactDetails {
  email: string;
  phone: string | null;
}

export interface InvitationPage {
  invitation: Invitation;
  role: PartyRole;
  isAnswerer: boolean;
  isExpired: boolean;
  tag: StatusTag;
  programme: { id: string; name: string };
  menteeName: string;
  mentorName: string;
  otherName: string;
  mentor: { jobTitle: string; organisation: string };
  mentoringType: string;
  preferredModes: string[];
  meeting: { when: string; minutes: number; mode: string } | null;
  contact: { mentee: ContactDetails; mentor: ContactDetails } | null;
  menteeProfile: MenteeProfileView | null;
  history: { when: Date; text: string }[];
  actions: Partial<Record<InvitationAction, true>>;
  nextStep: string;
  /** The mentee chose this mentor, who has since become full. */
  lastPlaceTaken: boolean;
  hasReflection: boolean;
  /** The message left when it was declined, withdrawn, cancelled or not continued, and who left it. */
  closingMessage: { from: string; text: string } | null;
}

type Names = { mentee: string; mentor: string };

function eventText(event: { to_status: string; actor_user_id: string | null }, invitation: Invitation, names: Names, actorId: string): string {
  const who = (id: string | null) => (id === actorId ? 'you' : id === invitation.mentee_id ? names.mentee : id === invitation.mentor_id ? names.mentor : null);
  const by = who(event.actor_user_id);
  const foundMentor = `Closed because ${invitation.mentee_id === actorId ? 'you' : names.mentee} found a mentor`;
  switch (event.to_status as InvitationStatus) {
    case 'pending':
      if (invitation.initiated_by === 'admin') return `Invitation sent by a programme admin on behalf of ${who(invitation.mentee_id) ?? names.mentee}`;
      return `${invitation.initiated_by === 'mentor' ? 'Offer' : 'Invitation'} sent by ${by ?? 'someone no longer registered'}`;
    case 'accepted': return `Accepted by ${by ?? 'someone no longer registered'}`;
    case 'declined': return `Declined by ${by ?? 'someone no longer registered'}`;
    case 'withdrawn': return by ? `Withdrawn by ${by}` : foundMentor;
    case 'cancelled': return `Cancelled by ${by ?? 'someone no longer registered'}`;
    case 'met': return `Marked as met by ${by ?? 'someone no longer registered'}`;
    case 'chosen': return 'Confirmed: mentoring has started';
    case 'not_chosen': return by ? `${by === 'you' ? 'You' : by} decided not to continue` : foundMentor;
    case 'expired': return 'Expired: not answered in time';
    default: return event.to_status;
  }
}

function nextStepFor(page: Omit<InvitationPage, 'nextStep'>, now: Date): string {
  const { invitation, role, otherName } = page;
  const answerBy = formatDate(invitation.expires_at);
  switch (invitation.status) {
    case 'pending':
      if (isPastAnswerBy(invitation, now)) return 'This invitation was not answered in time.';
      return page.isAnswerer ? `Accept or decline by ${answerBy}.` : `Waiting for ${otherName} to answer. If they have not answered by ${answerBy}, it will expire${role === 'mentee' ? ' and your place frees up' : ''}.`;
    case 'accepted':
      return `${page.meeting ? `Your meeting is proposed for ${page.meeting.when}.` : 'Agree a time for your meeting and propose it here, so you both get a calendar invitation.'} After you have met, mark the meeting as held.`;
    case 'met':
      if (role === 'mentee') {
        if (page.lastPlaceTaken) return `${otherName}'s last place has just been taken. You can choose another mentor you have met, continue with none, or look for someone else.`;
        return invitation.chosen_at ? `You have asked ${otherName} to be your mentor. Waiting for them to confirm.` : `Decide whether you would like ${otherName} to be your mentor. Nobody has to continue past a chemistry meeting.`;
      }
      return invitation.chosen_at ? `${otherName} would like you to be their mentor. Confirm, or tell them you cannot continue.` : `Waiting for ${otherName} to decide whether to continue.`;
    case 'chosen': return role === 'mentee' ? `${otherName} is your mentor.` : `You are ${otherName}'s mentor.`;
    case 'not_chosen': return 'You did not continue together after this chemistry meeting.';
    case 'declined': return role === 'mentee' && !page.isAnswerer ? `${otherName} cannot meet you this time. This frees up one of your places.` : 'This invitation was declined.';
    case 'expired': return 'This invitation was not answered in time.';
    case 'withdrawn': return 'This invitation was withdrawn.';
    case 'cancelled': return 'This meeting was cancelled.';
    default: return '';
  }
}

export async function getInvitationPage(db: Db, actor: Actor, invitationId: string, now: Date = new Date()): Promise<InvitationPage> {
  const invitation = await db.selectFrom('invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
  if (!invitation || !policies.isInvitationParty(actor, { menteeId: invitation.mentee_id, mentorId: invitation.mentor_id })) throw new NotFoundError();
  const role = roleOf(invitation, actor.id);
  const [people, events, labels, reflection, capacity] = await Promise.all([
    db.selectFrom('invitations as i')
      .innerJoin('programmes as p', 'p.id', 'i.programme_id')
      .innerJoin('users as me', 'me.id', 'i.mentee_id')
      .innerJoin('users as mo', 'mo.id', 'i.mentor_id')
      .leftJoin('mentor_profiles as mp', 'mp.user_id', 'i.mentor_id')
      .leftJoin('mentee_profiles as ep', 'ep.user_id', 'i.mentee_id')
      .select(['p.name as programmeName', 'me.full_name as menteeName', 'me.email as menteeEmail', 'ep.contact_phone as menteePhone',
        'mo.full_name as mentorName', 'mo.email as mentorEmail', 'mp.contact_email as mentorContactEmail', 'mp.contact_phone as mentorPhone',
        'mp.job_title as mentorJobTitle', 'mp.organisation as mentorOrganisation'])
      .where('i.id', '=', invitation.id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('invitation_events').select(['to_status', 'actor_user_id', 'occurred_at']).where('invitation_id', '=', invitation.id).orderBy('occurred_at').orderBy('id').execute(),
    labelsFor(db, [...invitation.preferred_mode_ids, invitation.meeting_mode_id]),
    db.selectFrom('fit_reflections').select('author_id').where('invitation_id', '=', invitation.id).where('author_id', '=', actor.id).executeTakeFirst(),
    db.selectFrom('mentor_profiles as p')
      .select(['p.capacity', (eb) => eb.selectFrom('relationships as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.mentor_id', '=', 'p.user_id').where('r.status', '=', 'active').as('active')])
      .where('p.user_id', '=', invitation.mentor_id)
      .executeTakeFirst(),
  ]);
  const names = { mentee: people.menteeName, mentor: people.mentorName };
  const showsContact = policies.canSeeContactDetails(actor, { menteeId: invitation.mentee_id, mentorId: invitation.mentor_id, status: invitation.status });
  // The mentee's profile is for mentors they invite (or whose offer they took up), never for a mentor whose offer is unanswered.
  const showsProfile = role === 'mentor' && (invitation.initiated_by !== 'mentor' || ['accepted', 'met', 'chosen', 'not_chosen'].includes(invitation.status));
  const actions = Object.fromEntries([...allowedActions(invitation, role, now)].map((action) => [action, true])) as Partial<Record<InvitationAction, true>>;
  const page: Omit<InvitationPage, 'nextStep'> = {
    invitation, role, isAnswerer: answeringRole(invitation) === role, isExpired: isPastAnswerBy(invitation, now) || invitation.status === 'expired',
    tag: tagFor(invitation, now),
    programme: { id: invitation.programme_id, name: people.programmeName },
    menteeName: people.menteeName, mentorName: people.mentorName, otherName: role === 'mentee' ? people.mentorName : people.menteeName,
    mentor: { jobTitle: people.mentorJobTitle ?? '', organisation: people.mentorOrganisation ?? '' },
    mentoringType: mentoringTypeLabels[invitation.mentoring_type],
    preferredModes: invitation.preferred_mode_ids.map((id) => labels.get(id)).filter((label): label is string => label !== undefined),
    meeting: invitation.meeting_starts_at
      ? { when: formatDateTime(invitation.meeting_starts_at), minutes: invitation.meeting_minutes ?? 45, mode: labels.get(invitation.meeting_mode_id ?? '') ?? 'To be agreed' }
      : null,
    contact: showsContact
      ? { mentee: { email: people.menteeEmail, phone: people.menteePhone }, mentor: { email: people.mentorContactEmail ?? people.mentorEmail, phone: people.mentorPhone } }
      : null,
    menteeProfile: showsProfile ? await getMenteeProfileView(db, invitation.mentee_id) : null,
    history: events.map((event) => ({ when: event.occurred_at, text: eventText(event, invitation, names, actor.id) })),
    actions,
    lastPlaceTaken: invitation.status === 'met' && invitation.chosen_at !== null && capacity !== undefined && Number(capacity.active) >= capacity.capacity,
    hasReflection: reflection !== undefined,
    closingMessage: null,
  };
  const lastActor = events.at(-1)?.actor_user_id;
  if (invitation.closing_message && lastActor) {
    page.closingMessage = { from: lastActor === actor.id ? 'you' : lastActor === invitation.mentee_id ? people.menteeName : people.mentorName, text: invitation.closing_message };
  }
  return { ...page, nextStep: nextStepFor(page, now) };
}
