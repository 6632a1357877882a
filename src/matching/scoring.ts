// The one notion of "fit" between a mentee and a mentor, shared by search ranking and bulk
// matching. A score is the sum of named components, each with a weight and, when it counts, a
// reason in plain words ("helps with confidence and interviews — 2 of your 3 areas").
//
// The inputs are compact (small integers and bitsets) so the search index can score a 100,000
// mentor register in a few milliseconds; the index (matching/search-index.ts) turns taxonomy term
// ids into bit positions and labels.
import { bitCount, bitsAnd, type BitSet } from './bitset.ts';

export const weights = {
  helpAreas: 35,
  freeText: 20,
  seniority: 10,
  careSetting: 10,
  meetingModes: 10,
  profession: 8,
  region: 7,
} as const;

export type ComponentName = keyof typeof weights;

export interface MenteeNeeds {
  helpAreas: BitSet;
  meetingModes: BitSet;
  professionId: number;
  careSettingId: number;
  regionId: number;
  /** Position in the band list (higher is more senior), or -1 when not comparable. */
  bandRank: number;
  prefersOtherProfession: boolean;
  prefersOtherSetting: boolean;
  /** The mentoring type being looked for; in reverse mentoring the mentor is the more junior. */
  mentoringType: 'traditional' | 'reverse' | 'peer';
}

export interface MentorTraits {
  helpAreas: BitSet;
  meetingModes: BitSet;
  professionId: number;
  careSettingId: number;
  regionId: number;
  /** Seniority for comparison (AfC bands and their rough equivalents); -1 when unknown. */
  bandRank: number;
  /** The band or grade term itself, for naming it in reasons; -1 when not given. */
  bandId: number;
}

/** What the free-text part of a search matched: how many of the query's words this mentor has. */
export interface TextMatch {
  matched: number;
  total: number;
}

/** Fit in points out of 100; fast path for ranking, no reasons built. */
export function scoreFit(mentee: MenteeNeeds, mentor: MentorTraits, text?: TextMatch): number {
  let score = 0;
  const wanted = bitCount(mentee.helpAreas);
  if (wanted > 0) score += (weights.helpAreas * bitsAnd(mentee.helpAreas, mentor.helpAreas)) / wanted;
  if (text && text.total > 0) score += (weights.freeText * text.matched) / text.total;
  score += weights.seniority * seniorityFit(mentee, mentor);
  if (mentee.careSettingId >= 0 && mentor.careSettingId >= 0) {
    const same = mentee.careSettingId === mentor.careSettingId;
    if (same !== mentee.prefersOtherSetting) score += weights.careSetting;
  }
  if (bitsAnd(mentee.meetingModes, mentor.meetingModes) > 0) score += weights.meetingModes;
  if (mentee.professionId >= 0 && mentor.professionId >= 0) {
    const same = mentee.professionId === mentor.professionId;
    if (same !== mentee.prefersOtherProfession) score += weights.profession;
  }
  if (mentee.regionId >= 0 && mentee.regionId === mentor.regionId) score += weights.region;
  return score;
}

/** 1 when the mentor's seniority suits the kind of mentoring, 0 when it does not or is unknown. */
function seniorityFit(mentee: MenteeNeeds, mentor: MentorTraits): number {
  if (mentee.bandRank < 0 || mentor.bandRank < 0) return 0;
  const gap = mentor.bandRank - mentee.bandRank;
  if (mentee.mentoringType === 'reverse') return gap < 0 ? 1 : 0;
  if (mentee.mentoringType === 'peer') return Math.abs(gap) <= 1 ? 1 : 0;
  return gap > 0 ? 1 : 0;
}

export interface Labels {
  helpArea(bit: number): string;
  meetingMode(bit: number): string;
  profession(id: number): string;
  careSetting(id: number): string;
  region(id: number): string;
  band(bandId: number): string;
}

export interface Reason {
  component: ComponentName;
  points: number;
  text: string;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function bitsOf(set: BitSet): number[] {
  const bits: number[] = [];
  set.forEach((word, index) => {
    for (let bit = 0; bit < 32; bit += 1) if (word & (1 << bit)) bits.push(index * 32 + bit);
  });
  return bits;
}

/**
 * The same score as scoreFit, broken into its components with the reasons shown to the mentee.
 * Only called for the results on the page, so it can afford strings.
 */
export function explainFit(mentee: MenteeNeeds, mentor: MentorTraits, labels: Labels, text?: TextMatch): Reason[] {
  const reasons: Reason[] = [];
  const wanted = bitCount(mentee.helpAreas);
  const shared = bitsOf(mentee.helpAreas).filter((bit) => bitsOf(mentor.helpAreas).includes(bit));
  if (wanted > 0 && shared.length > 0) {
    const names = listInWords(shared.map((bit) => labels.helpArea(bit).toLowerCase()));
    const of = shared.length === wanted ? (wanted === 1 ? 'your area' : `all ${wanted} of your areas`) : `${shared.length} of your ${wanted} areas`;
    reasons.push({ component: 'helpAreas', points: (weights.helpAreas * shared.length) / wanted, text: `helps with ${names} — ${of}` });
  }
  if (text && text.total > 0 && text.matched > 0) {
    const words = text.total === 1 ? 'your search' : `${text.matched} of the ${text.total} words you searched for`;
    reasons.push({ component: 'freeText', points: (weights.freeText * text.matched) / text.total, text: `matches ${words}` });
  }
  if (seniorityFit(mentee, mentor) === 1) {
    const band = labels.band(mentor.bandId);
    const kind = mentee.mentoringType === 'reverse' ? 'a more junior colleague, for reverse mentoring' : mentee.mentoringType === 'peer' ? 'at a similar level' : 'more senior';
    reasons.push({ component: 'seniority', points: weights.seniority, text: `${kind} (${band})` });
  }
  if (mentee.careSettingId >= 0 && mentor.careSettingId >= 0) {
    const same = mentee.careSettingId === mentor.careSettingId;
    const setting = labels.careSetting(mentor.careSettingId).toLowerCase();
    if (same && !mentee.prefersOtherSetting) reasons.push({ component: 'careSetting', points: weights.careSetting, text: `also works in ${setting}` });
    if (!same && mentee.prefersOtherSetting) reasons.push({ component: 'careSetting', points: weights.careSetting, text: `works in ${setting}, a different setting, as you asked` });
  }
  const modes = bitsOf(mentee.meetingModes).filter((bit) => bitsOf(mentor.meetingModes).includes(bit));
  if (modes.length > 0) {
    reasons.push({ component: 'meetingModes', points: weights.meetingModes, text: `offers ${listInWords(modes.map((bit) => labels.meetingMode(bit).toLowerCase()))}` });
  }
  if (mentee.professionId >= 0 && mentor.professionId >= 0) {
    const same = mentee.professionId === mentor.professionId;
    const profession = labels.profession(mentor.professionId).toLowerCase();
    if (same && !mentee.prefersOtherProfession) reasons.push({ component: 'profession', points: weights.profession, text: `also in ${profession}` });
    if (!same && mentee.prefersOtherProfession) reasons.push({ component: 'profession', points: weights.profession, text: `from another profession (${profession}), as you asked` });
  }
  if (mentee.regionId >= 0 && mentee.regionId === mentor.regionId) {
    reasons.push({ component: 'region', points: weights.region, text: `in ${labels.region(mentor.regionId)} too` });
  }
  return reasons.sort((a, b) => b.points - a.points);
}
