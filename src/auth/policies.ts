// Every permission rule of the product, in one module (STYLE.md rule 5). Guards call these before a
// handler runs; services call them again where ownership matters. Each rule is a pure function of
// the actor and the thing acted on, so the table-driven test in policies.test.ts can cover them all.
import { hasProgrammeRole, type Actor } from './actor.ts';

export type MaybeActor = Actor | null;

export const policies = {
  /** Anyone, signed in or not. */
  isAnyone: (): boolean => true,

  isSignedIn: (actor: MaybeActor): actor is Actor => actor !== null,

  /** Create programmes, appoint programme admins, edit taxonomies and settings. */
  canAdministerPlatform: (actor: MaybeActor): boolean => actor?.isPlatformAdmin === true,

  /** Run one programme: its queues, matching, reports. Platform admins can run any programme. */
  canManageProgramme: (actor: MaybeActor, programmeId: string): boolean =>
    actor !== null && (actor.isPlatformAdmin || hasProgrammeRole(actor, programmeId, 'programme_admin')),

  /** See that a programme exists and read its page. Members and admins only until it opens. */
  canViewProgramme: (actor: MaybeActor, programme: { id: string; isOpen: boolean }): boolean =>
    actor !== null &&
    (programme.isOpen || actor.isPlatformAdmin || actor.memberships.some((m) => m.programmeId === programme.id)),

  /** Join an open programme as mentor or mentee (closed programmes take no new applications). */
  canApplyToProgramme: (actor: MaybeActor, programme: { isOpen: boolean }): boolean => actor !== null && programme.isOpen,

  /** Edit a profile, training record or equality answers: only the person it belongs to. */
  isSelf: (actor: MaybeActor, userId: string): boolean => actor !== null && actor.id === userId,

  /** Read an application: the applicant, or an admin of that application's programme. */
  canViewApplication: (actor: MaybeActor, application: { userId: string; programmeId: string }): boolean =>
    actor !== null && (actor.id === application.userId || policies.canManageProgramme(actor, application.programmeId)),

  /** Approve, reject or ask for more: admins of that programme only (never the applicant themself). */
  canDecideApplication: (actor: MaybeActor, application: { userId: string; programmeId: string }): boolean =>
    actor !== null && actor.id !== application.userId && policies.canManageProgramme(actor, application.programmeId),

  /**
   * A mentor's profile: signed-in members and admins of a programme where the mentor is approved.
   * Contact details are a separate rule, granted only by an accepted invitation (chemistry issue).
   */
  canViewMentorProfile: (actor: MaybeActor, mentor: { userId: string; approvedProgrammeIds: string[] }): boolean =>
    actor !== null &&
    (actor.id === mentor.userId || actor.isPlatformAdmin ||
      mentor.approvedProgrammeIds.some((id) => actor.memberships.some((m) => m.programmeId === id))),

  /** Search the register and invite mentors: approved mentees of that programme. */
  canFindMentors: (actor: MaybeActor, programmeId: string): boolean => actor !== null && hasProgrammeRole(actor, programmeId, 'mentee'),

  /** Browse "seeking a mentor" posts and offer chemistry meetings: approved mentors of that programme. */
  canActAsMentor: (actor: MaybeActor, programmeId: string): boolean => actor !== null && hasProgrammeRole(actor, programmeId, 'mentor'),

  /** An invitation's page, messages and private reflections: only its mentee and mentor. */
  isInvitationParty: (actor: MaybeActor, invitation: { menteeId: string; mentorId: string }): boolean =>
    actor !== null && (actor.id === invitation.menteeId || actor.id === invitation.mentorId),

  /** Contact details are shared only once the mentor has accepted (PRODUCT.md, "who sees what"). */
  canSeeContactDetails: (actor: MaybeActor, invitation: { menteeId: string; mentorId: string; status: string }): boolean =>
    policies.isInvitationParty(actor, invitation) && ['accepted', 'met', 'chosen'].includes(invitation.status),

  /** A relationship's pages and everything in them (contract, goals, sessions, shared notes): only its mentee and mentor. */
  isRelationshipParty: (actor: MaybeActor, relationship: { menteeId: string; mentorId: string }): boolean =>
    actor !== null && (actor.id === relationship.menteeId || actor.id === relationship.mentorId),

  /** Change anything in a relationship: its two parties, while it is active. Ended ones are read-only. */
  canWorkInRelationship: (actor: MaybeActor, relationship: { menteeId: string; mentorId: string; status: string }): boolean =>
    policies.isRelationshipParty(actor, relationship) && relationship.status === 'active',

  /** Goals and session reflections are the mentee's own: set and written by the mentee only. */
  isRelationshipMentee: (actor: MaybeActor, relationship: { menteeId: string; status: string }): boolean =>
    actor !== null && actor.id === relationship.menteeId && relationship.status === 'active',

  /** Private notes and private fit reflections: only their author, ever — not the other party, not admins. */
  isAuthor: (actor: MaybeActor, item: { authorId: string }): boolean => actor !== null && actor.id === item.authorId,

  /** A session reflection: the mentee always; the mentor only if the mentee shared it; admins never (aggregates only). */
  canSeeSessionReflection: (actor: MaybeActor, reflection: { menteeId: string; mentorId: string; sharedWithMentor: boolean }): boolean =>
    actor !== null && (actor.id === reflection.menteeId || (actor.id === reflection.mentorId && reflection.sharedWithMentor)),

  /**
   * The programme admin's view of relationships (type, phase, dates, session count, health — no
   * content), concerns and reasons for ending, and ending a relationship for conduct reasons.
   */
  canOverseeRelationships: (actor: MaybeActor, programmeId: string): boolean => policies.canManageProgramme(actor, programmeId),

  /** Curate resources and support links: platform admins for the platform's library, programme admins for their programme's. */
  canCurateResources: (actor: MaybeActor, programmeId: string | null): boolean =>
    programmeId === null ? actor?.isPlatformAdmin === true : policies.canManageProgramme(actor, programmeId),

  /** Taxonomies, the code of ethics and other installation settings. */
  canEditPlatformSettings: (actor: MaybeActor): boolean => actor?.isPlatformAdmin === true,

  /**
   * The development outbox shows every email the installation "sent", including sign-in links, so
   * it exists only where no real email is sent and never in production (config decides that).
   */
  canReadOutbox: (_actor: MaybeActor, outboxEnabled: boolean): boolean => outboxEnabled,
} as const;
