// A demo relationship's contract: version 1, led by the mentee, signed by one or agreed by both;
// for some, a version 2 that supersedes it; and the sweep's reminder before an agreed version's
// review date (contract-sweep.ts).
import { fakerEN_GB as faker } from '@faker-js/faker';
import { between, dateOnly, earliest, pick, plusDays, uuid } from '../helpers.ts';
import type { Ctx, PlannedRelationship } from '../mentoring-plan.ts';
import { CONTRACT_TEXT } from './text.ts';

/** Version 1, led by the mentee; some signed by one of them, most agreed; a few on to a version 2. */
export function planContract(ctx: Ctx, r: PlannedRelationship, modes: string[], sessionMinutes: number): void {
  if (r.contract === 'none') return;
  const { rows, now } = ctx;
  const until = r.endedAt ?? plusDays(now, -0.01);
  const clamp = (date: Date) => earliest(date, until);
  const terms = (later: boolean) => JSON.stringify({
    menteeExpects: pick(CONTRACT_TEXT.menteeExpects[r.type]), mentorExpects: pick(CONTRACT_TEXT.mentorExpects),
    frequency: pick(later ? CONTRACT_TEXT.frequencyLater : CONTRACT_TEXT.frequency), sessionMinutes,
    modes: modes.map((key) => ctx.terms.id('meeting_mode', key)), place: pick(modes.includes('face_to_face') ? CONTRACT_TEXT.place.inPerson : CONTRACT_TEXT.place.remote), firstFaceToFace: modes.includes('face_to_face'),
    boundaries: pick(CONTRACT_TEXT.boundaries), confidentialityText: ctx.confidentiality.get(ctx.programmeId(r.programme)) ?? '', confidentialityExtra: pick(CONTRACT_TEXT.confidentialityExtra),
    success: faker.helpers.arrayElements(['takeaway', 'score', 'emoji'], { min: 1, max: 3 }), successOwnWords: pick(CONTRACT_TEXT.successOwnWords),
  });
  const dates = { review_on: dateOnly(plusDays(r.startedAt, between(80, 100))), ends_on: dateOnly(plusDays(r.startedAt, between(270, 365))) };
  const createdAt = clamp(plusDays(r.startedAt, between(0.5, 4)));
  const revision = pick([0, 1, 1, 2]);
  const updatedAt = clamp(plusDays(createdAt, revision * between(0.2, 1)));
  const v1 = uuid();
  const hasV2 = r.contract.startsWith('v2');
  const v1Status = r.contract === 'draft' || r.contract === 'signed_by_one' ? r.contract : 'agreed';
  rows.contracts.push({
    id: v1, relationship_id: r.id, version: 1, status: hasV2 ? 'superseded' : v1Status, terms: terms(false), ...dates,
    created_by: r.mentee.id, created_at: createdAt, revision: revision + (hasV2 ? 1 : 0), updated_at: updatedAt, updated_by: revision > 0 ? pick([r.mentee.id, r.mentor.id]) : r.mentee.id,
    review_reminded_at: !hasV2 && v1Status === 'agreed' ? reviewReminder(dates.review_on, now) : null,
  });
  // The mentee signs first; the mentor second, which agrees it.
  const menteeSigned = clamp(plusDays(updatedAt, between(0.1, 2)));
  if (v1Status !== 'draft') rows.signatures.push({ contract_version_id: v1, user_id: r.mentee.id, signed_at: menteeSigned });
  if (v1Status === 'agreed') rows.signatures.push({ contract_version_id: v1, user_id: r.mentor.id, signed_at: clamp(plusDays(menteeSigned, between(0.1, 3))) });
  if (!hasV2) return;

  // A change of rhythm once the goals were under way: the next version, signed by whoever wrote it.
  const v2 = uuid();
  const author = pick([r.mentee.id, r.mentor.id]);
  const v2At = clamp(plusDays(r.phaseStarts[2] ?? plusDays(createdAt, 40), between(5, 30)));
  const agreed = r.contract === 'v2_agreed';
  const v2Dates = { review_on: dateOnly(plusDays(v2At, between(60, 90))), ends_on: dates.ends_on };
  rows.contracts.push({
    id: v2, relationship_id: r.id, version: 2, status: agreed ? 'agreed' : 'signed_by_one', terms: terms(true), ...v2Dates,
    created_by: author, created_at: v2At, revision: 0, updated_at: v2At, updated_by: author,
    review_reminded_at: agreed ? reviewReminder(v2Dates.review_on, now) : null,
  });
  const authorSigned = clamp(plusDays(v2At, between(0.05, 1)));
  rows.signatures.push({ contract_version_id: v2, user_id: author, signed_at: authorSigned });
  if (agreed) rows.signatures.push({ contract_version_id: v2, user_id: author === r.mentee.id ? r.mentor.id : r.mentee.id, signed_at: clamp(plusDays(authorSigned, between(0.2, 4))) });
}

/** contract-sweep.ts emails both a week before the review date of an agreed version, once. */
function reviewReminder(reviewOn: string, now: Date): Date | null {
  const due = plusDays(new Date(`${reviewOn}T00:00:00Z`), -7);
  return due <= now ? due : null;
}
