// The contract review reminder, part of the 10-minute relationship sweep (../sweep/): a week before
// the review date of an agreed contract, both parties are emailed once. Each due version is handled
// in its own transaction that takes the relationship row with SKIP LOCKED (the same row every change
// and every ending locks first, so an ending and a reminder never cross), re-checks under the lock
// that the relationship is active and the version still agreed, unreminded and due, and sets
// review_reminded_at in that same transaction: sweeps running twice or at once send one reminder.
import { recordAudit } from '../../../db/audit.ts';
import { todayInLondon } from '../../../platform/date-fields.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { contractEmails, emailParty } from './emails.ts';
import { absoluteUrl } from '../deps.ts';
import { paths } from '../paths.ts';
import type { Sweep, SweepDeps } from '../sweep-types.ts';

export const REVIEW_REMINDER_DAYS = 7;
/** Enough for one run; anything left is picked up 10 minutes later. */
const BATCH = 500;

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

type Outcome = 'reminded' | 'skipped';

async function remindOne(deps: SweepDeps, versionId: string, relationshipId: string, window: { from: string; to: string }, now: Date): Promise<Outcome> {
  return deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const relationship = await trx.selectFrom('relationships').selectAll().where('id', '=', relationshipId).forUpdate().skipLocked().executeTakeFirst();
    if (!relationship || relationship.status !== 'active') return 'skipped';
    const version = await trx.selectFrom('contract_versions').selectAll().where('id', '=', versionId).forUpdate().executeTakeFirst();
    if (!version || version.status !== 'agreed' || version.review_reminded_at !== null || !version.review_on) return 'skipped';
    if (version.review_on < window.from || version.review_on > window.to) return 'skipped';

    await trx.updateTable('contract_versions').set({ review_reminded_at: now }).where('id', '=', version.id).execute();
    const [people, programme] = await Promise.all([
      trx.selectFrom('users').select(['id', 'full_name as fullName', 'email']).where('id', 'in', [relationship.mentee_id, relationship.mentor_id]).execute(),
      trx.selectFrom('programmes').select('name').where('id', '=', relationship.programme_id).executeTakeFirstOrThrow(),
    ]);
    const url = absoluteUrl(deps, paths.contract(relationship.id));
    for (const person of people) {
      const other = people.find((p) => p.id !== person.id);
      await emailParty(trx, deps, person, 'contractReviewDue', contractEmails.contractReviewDue({
        url, programmeName: programme.name, name: other?.fullName ?? 'your mentoring partner', reviewOn: formatDate(version.review_on),
      }));
    }
    await recordAudit(trx, {
      actorId: null, action: 'contract.review_reminded', subjectType: 'contract_version', subjectId: version.id, programmeId: relationship.programme_id,
      details: { relationshipId: relationship.id, version: version.version },
    });
    return 'reminded';
  });
}

export const sweepContractReviews: Sweep = async (deps, now) => {
  const today = todayInLondon(now);
  const window = { from: today, to: addDays(today, REVIEW_REMINDER_DAYS) };
  const due = await deps.db.selectFrom('contract_versions as cv')
    .innerJoin('relationships as r', 'r.id', 'cv.relationship_id')
    .select(['cv.id', 'cv.relationship_id'])
    .where('cv.status', '=', 'agreed').where('cv.review_reminded_at', 'is', null)
    .where('cv.review_on', '>=', window.from).where('cv.review_on', '<=', window.to)
    .where('r.status', '=', 'active')
    .orderBy('cv.review_on').limit(BATCH).execute();
  let reminded = 0;
  for (const row of due) {
    if ((await remindOne(deps, row.id, row.relationship_id, window, now)) === 'reminded') reminded += 1;
  }
  return { reminded };
};
