// Programmes as signed-in people see them: the ones they may see (policies.canViewProgramme: open
// ones, and ones they belong to) with their own standing in each. Admin-only settings such as
// response windows are not shown here.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import type { Db } from '../../db/connection.ts';
import type { MenteeApplicationStatus, MentorApplicationStatus, MentoringType, ProgrammeRole } from '../../db/types.ts';
import { NotFoundError } from '../../errors.ts';

/** Plain English for each type, as PRODUCT.md and the reverse mentoring guidance describe them. */
export const mentoringTypeInfo: Record<MentoringType, { name: string; explanation: string }> = {
  traditional: { name: 'Traditional', explanation: 'A more experienced colleague mentors someone earlier in their career or new to a role.' },
  reverse: { name: 'Reverse', explanation: 'A more junior colleague mentors a senior one, sharing their experience of the organisation, of digital skills or of being a member of staff from a different background.' },
  peer: { name: 'Peer', explanation: 'Colleagues at a similar level support each other, each learning from the other.' },
};

const mentorStatusText: Record<MentorApplicationStatus, string> = {
  draft: 'Mentor application started, not sent yet',
  submitted: 'Mentor application sent, waiting for a decision',
  more_info_requested: 'Mentor application: more information needed',
  approved: 'On the register as a mentor',
  rejected: 'Mentor application not accepted',
};

const menteeStatusText: Record<MenteeApplicationStatus, string> = {
  draft: 'Mentee application started, not sent yet',
  awaiting_line_manager: 'Mentee application waiting for your line manager',
  line_manager_declined: 'Mentee application: your line manager did not support it',
  line_manager_expired: 'Mentee application: your line manager did not answer in time',
  awaiting_admin: 'Mentee application waiting for a programme admin',
  more_info_requested: 'Mentee application: more information needed',
  approved: 'Approved as a mentee',
  rejected: 'Mentee application not accepted',
};

const SHORT_DESCRIPTION = 200;

/** The first sentence or two of a description, cut at a word for the cards of the list. */
export function shortDescription(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= SHORT_DESCRIPTION) return trimmed;
  const cut = trimmed.slice(0, SHORT_DESCRIPTION);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : SHORT_DESCRIPTION).replace(/[\s,;:.]+$/, '')}…`;
}

/** "Traditional, reverse and peer": the types in the order of the CHECK constraint. */
export function typesText(types: MentoringType[]): string {
  const names = (['traditional', 'reverse', 'peer'] as const).filter((type) => types.includes(type)).map((type) => mentoringTypeInfo[type].name);
  const sentence = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');
  return sentence.charAt(0) + sentence.slice(1).toLowerCase();
}

const programmeColumns = [
  'id', 'name', 'description', 'eligibility', 'mentoring_types', 'is_open', 'requires_line_manager', 'requires_admin_approval', 'max_open_invitations',
] as const;

/** The person's own standing in each programme: their applications (status only) and admin role. */
async function standingIn(db: Db, actor: Actor, programmeIds: string[]): Promise<Map<string, string[]>> {
  const standing = new Map<string, string[]>(programmeIds.map((id) => [id, []]));
  if (programmeIds.length === 0) return standing;
  const [mentor, mentee] = await Promise.all([
    db.selectFrom('mentor_applications').select(['programme_id', 'status']).where('user_id', '=', actor.id).where('programme_id', 'in', programmeIds).execute(),
    db.selectFrom('mentee_applications').select(['programme_id', 'status']).where('user_id', '=', actor.id).where('programme_id', 'in', programmeIds).execute(),
  ]);
  const roles: Partial<Record<ProgrammeRole, string>> = { programme_admin: 'You are a programme admin' };
  for (const membership of actor.memberships) {
    const text = roles[membership.role];
    if (text) standing.get(membership.programmeId)?.push(text);
  }
  for (const row of mentor) standing.get(row.programme_id)?.push(mentorStatusText[row.status]);
  for (const row of mentee) standing.get(row.programme_id)?.push(menteeStatusText[row.status]);
  return standing;
}

export async function listVisibleProgrammes(db: Db, actor: Actor) {
  const memberOf = actor.memberships.map((m) => m.programmeId);
  const rows = await db
    .selectFrom('programmes')
    .select(programmeColumns)
    .where('archived_at', 'is', null)
    .$if(!actor.isPlatformAdmin, (qb) => qb.where((eb) => eb.or([eb('is_open', '=', true), ...(memberOf.length > 0 ? [eb('id', 'in', memberOf)] : [])])))
    .orderBy('name')
    .execute();
  // The query narrows; the policy decides, so this list can never show more than the page would.
  const visible = rows.filter((row) => policies.canViewProgramme(actor, { id: row.id, isOpen: row.is_open }));
  const standing = await standingIn(db, actor, visible.map((row) => row.id));
  return visible.map((row) => ({
    id: row.id,
    name: row.name,
    isOpen: row.is_open,
    summary: shortDescription(row.description),
    typesText: typesText(row.mentoring_types),
    standing: standing.get(row.id) ?? [],
  }));
}

/** One programme for its page; not found (rather than forbidden) when the person may not see it. */
export async function getVisibleProgramme(db: Db, actor: Actor, programmeId: string) {
  const row = await db.selectFrom('programmes').select(programmeColumns).where('id', '=', programmeId).where('archived_at', 'is', null).executeTakeFirst();
  if (!row || !policies.canViewProgramme(actor, { id: row.id, isOpen: row.is_open })) throw new NotFoundError();
  const standing = await standingIn(db, actor, [row.id]);
  return {
    programme: row,
    types: (['traditional', 'reverse', 'peer'] as const).filter((type) => row.mentoring_types.includes(type)).map((type) => mentoringTypeInfo[type]),
    typesText: typesText(row.mentoring_types),
    canApply: policies.canApplyToProgramme(actor, { isOpen: row.is_open }),
    standing: standing.get(row.id) ?? [],
  };
}
