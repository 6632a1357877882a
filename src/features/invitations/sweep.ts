// Reminders and expiries of unanswered invitations, run every 10 minutes by the 'invitation.sweep'
// job (src/jobs/worker.ts), like the line-manager sweep: each due invitation is handled in its own
// transaction that locks it with SKIP LOCKED and re-checks what is due under the lock, with
// reminded_at set in that same transaction, so sweeps running twice or on two instances at once
// send one reminder and expire once. Expiry frees the mentee's place, and the mentee is told.
import { sql } from 'kysely';
import { formatDate } from '../../platform/formatting.ts';
import { answeringRole } from './actions.ts';
import type { InvitationDeps } from './deps.ts';
import { invitationEmails } from './emails.ts';
import { invitationMachine } from './statuses.ts';
import { auditInvitation, emailPerson, invitationUrl, loadParties, lockInvitation, moveInvitation } from './transitions.ts';

/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

export interface SweepResult {
  reminded: number;
  expired: number;
}

type Outcome = 'reminded' | 'expired' | 'skipped';

async function sweepOne(deps: InvitationDeps, invitationId: string, now: Date): Promise<Outcome> {
  return deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const invitation = await lockInvitation(trx, invitationId, { skipLocked: true });
    // Still waiting for an answer (the only status that expires), or nothing to do.
    if (!invitation || !invitationMachine.canMove(invitation.status, 'expired', 'system')) return 'skipped';
    const programme = await trx.selectFrom('programmes').select('invitation_reminder_days').where('id', '=', invitation.programme_id).executeTakeFirstOrThrow();
    const parties = await loadParties(trx, invitation);
    const url = invitationUrl(deps, invitation.id);
    const wasOffer = answeringRole(invitation) === 'mentee';

    if (new Date(invitation.expires_at).getTime() <= now.getTime()) {
      await moveInvitation(trx, invitation, 'expired', { actorId: null, action: 'expired' });
      await emailPerson(trx, deps, parties.mentee, 'expired', invitationEmails.expired({ programmeName: parties.programmeName, url, name: parties.mentor.fullName, forMentee: true }));
      if (wasOffer) await emailPerson(trx, deps, parties.mentor, 'expired', invitationEmails.expired({ programmeName: parties.programmeName, url, name: parties.mentee.fullName, forMentee: false }));
      return 'expired';
    }
    const remindAt = new Date(invitation.created_at).getTime() + programme.invitation_reminder_days * 86_400_000;
    if (invitation.reminded_at !== null || remindAt > now.getTime()) return 'skipped';

    await trx.updateTable('invitations').set({ reminded_at: now }).where('id', '=', invitation.id).execute();
    const answerer = wasOffer ? parties.mentee : parties.mentor;
    const initiatorName = wasOffer ? parties.mentor.fullName : parties.mentee.fullName;
    await emailPerson(trx, deps, answerer, 'reminder', invitationEmails.reminder({
      programmeName: parties.programmeName, url, name: initiatorName, answerBy: formatDate(invitation.expires_at), wasOffer,
    }));
    await auditInvitation(trx, invitation, null, 'reminded');
    return 'reminded';
  });
}

export async function sweepInvitations(deps: InvitationDeps, now: Date = new Date()): Promise<SweepResult> {
  const due = await deps.db
    .selectFrom('invitations as i')
    .innerJoin('programmes as p', 'p.id', 'i.programme_id')
    .select('i.id')
    .where('i.status', 'in', invitationMachine.sources('expired', 'system'))
    .where(sql<boolean>`i.expires_at <= ${now} or (i.reminded_at is null and i.created_at + make_interval(days => p.invitation_reminder_days) <= ${now})`)
    .orderBy('i.created_at')
    .limit(BATCH)
    .execute();
  const result: SweepResult = { reminded: 0, expired: 0 };
  for (const { id } of due) {
    const outcome = await sweepOne(deps, id, now);
    if (outcome !== 'skipped') result[outcome] += 1;
  }
  return result;
}
