// Finding a mentor (issue 4, parts 1–3): the programme's approved mentors ranked by fit to the
// mentee's own profile and words, each with the reasons why, 20 to a page, and — when nothing
// matches — which single filter to drop and how many mentors that would give. The ranking itself
// lives in matching/ (ADR 0003); this turns the address into a search and the hits into cards.
import type { Actor } from '../../auth/actor.ts';
import { policies } from '../../auth/policies.ts';
import { ForbiddenError } from '../../errors.ts';
import type { MentoringType, TaxonomyName } from '../../db/types.ts';
import { explainFit, type Labels } from '../../matching/scoring.ts';
import type { MentorIndex } from '../../matching/search-index.ts';
import { mentoringTypeBits, noFilters, type FilterName, type SearchFilters, type SearchHit } from '../../matching/search-types.ts';
import type { MentorSearch } from '../../matching/search-service.ts';
import type { TermCodes } from '../../matching/term-codes.ts';
import type { Db } from '../../db/connection.ts';
import { newBitSet, setBit, type BitSet } from '../../matching/bitset.ts';
import { acceptableTypes, loadSearchContext, menteeNeeds, type SearchContext } from './context.ts';
import type { ContextCache } from './context-cache.ts';
import { filterNames, hasChosenFilters, queryString, type FilterParam, type SearchQuery } from './filters.ts';
import { mentorCard, type MentorCard } from './cards.ts';
import { countInWords } from './words.ts';

export const PAGE_SIZE = 20;

export interface SearchDeps {
  db: Db;
  search: MentorSearch;
}

export interface Relaxation {
  text: string;
  href: string;
}

export interface SearchPage {
  query: SearchQuery;
  total: number;
  countText: string;
  cards: MentorCard[];
  relaxations: Relaxation[];
  page: number;
  pageCount: number;
  programmeTypes: MentoringType[];
  hasChosenFilters: boolean;
}

/** The index's name for each filter the mentee can set in the address. */
const paramOf: Partial<Record<FilterName, FilterParam>> = {
  text: 'q', professionIds: 'profession', regionIds: 'region', careSettingIds: 'setting', bandRanks: 'band', helpAreas: 'area',
  dimensions: 'dimension', languages: 'language', meetingModes: 'mode', mentoringType: 'type', hasRoomNow: 'room',
};

function typeBits(types: MentoringType[]): number {
  return types.reduce((bits, type) => bits | mentoringTypeBits[type], 0);
}

function codesOf(codes: TermCodes, taxonomy: TaxonomyName, keys: string[]): number[] {
  return keys.map((key) => codes.termByKey(taxonomy, key)?.code ?? -1).filter((code) => code >= 0);
}

function bitsOf(codes: TermCodes, taxonomy: TaxonomyName, keys: string[]): BitSet | null {
  const found = codesOf(codes, taxonomy, keys);
  if (found.length === 0) return null;
  const set = newBitSet(codes.size(taxonomy));
  for (const code of found) setBit(set, code);
  return set;
}

/** The address's filters in the index's terms. Unknown keys match nothing and are dropped. */
export function indexFilters(query: SearchQuery, codes: TermCodes, types: MentoringType[]): SearchFilters {
  const filters = noFilters();
  filters.professionIds = codesOf(codes, 'profession', query.profession);
  filters.regionIds = codesOf(codes, 'region', query.region);
  filters.careSettingIds = codesOf(codes, 'care_setting', query.setting);
  filters.bandRanks = query.band.map((key) => codes.termByKey('band', key)).map((term) => (term ? codes.rank(term.id) : -1)).filter((rank) => rank >= 0);
  filters.helpAreas = bitsOf(codes, 'help_area', query.area);
  filters.dimensions = bitsOf(codes, 'leadership_dimension', query.dimension);
  filters.languages = bitsOf(codes, 'language', query.language);
  filters.meetingModes = bitsOf(codes, 'meeting_mode', query.mode);
  // Always set: a mentee is only offered the kinds of mentoring they may have here (context.ts).
  filters.mentoringType = typeBits(types);
  filters.hasRoomNow = query.room;
  return filters;
}

export function labelsFrom(codes: TermCodes): Labels {
  return {
    helpArea: (bit) => codes.label('help_area', bit),
    meetingMode: (bit) => codes.label('meeting_mode', bit),
    profession: (id) => codes.label('profession', id),
    careSetting: (id) => codes.label('care_setting', id),
    region: (id) => codes.label('region', id),
    band: (id) => codes.label('band', id),
  };
}

/** Everything a results page is computed from, loaded once per request (the page cache checks it too). */
export interface SearchInputs {
  index: MentorIndex;
  codes: TermCodes;
  context: SearchContext;
}

export async function loadSearchInputs(deps: SearchDeps, actor: Actor, programmeId: string, contexts: ContextCache | null = null): Promise<SearchInputs> {
  if (!policies.canFindMentors(actor, programmeId)) throw new ForbiddenError();
  const context = contexts ? contexts.load(deps.db, actor.id, programmeId) : loadSearchContext(deps.db, actor.id, programmeId);
  const [index, codes, loaded] = await Promise.all([deps.search.index(programmeId), deps.search.termCodes(), context]);
  return { index, codes, context: loaded };
}

export function findMentors(inputs: SearchInputs, actor: Actor, programmeId: string, query: SearchQuery): SearchPage {
  if (!policies.canFindMentors(actor, programmeId)) throw new ForbiddenError();
  const { index, codes, context } = inputs;
  // A type the programme does not offer (an old link) is ignored, as the form would not offer it.
  const asked = query.type && context.programmeTypes.includes(query.type) ? query.type : undefined;
  const needs = menteeNeeds(context, codes, asked);
  const filters = indexFilters(query, codes, acceptableTypes(context, asked));
  const exclude = new Set([actor.id, ...context.inTouchWith]);
  const request = { needs, text: query.q, filters, exclude, offset: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  let result = index.search(request);
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  let page = query.page;
  if (page > pageCount) {
    // An old link past the end (mentors filled up since): show the last page there is.
    page = pageCount;
    result = index.search({ ...request, offset: (page - 1) * PAGE_SIZE });
  }
  const labels = labelsFrom(codes);
  const here = `/programmes/${programmeId}/find-a-mentor`;
  const pageQuery = { ...query, type: asked, page };
  const returnTo = `${here}${queryString(pageQuery)}`;
  const cards = result.hits.map((hit: SearchHit) =>
    mentorCard(hit.mentor, explainFit(needs, hit.mentor.traits, labels, hit.textMatch).map((reason) => reason.text), {
      programmeId, isShortlisted: context.shortlisted.has(hit.mentor.userId), returnTo,
    }),
  );
  const relaxations = result.relaxations.flatMap(({ filter, total }) => {
    const param = paramOf[filter];
    // Only filters the mentee chose: the kinds of mentoring they may have are not theirs to drop.
    if (!param || (param === 'type' && !asked)) return [];
    // Dropping a chosen type goes back to the kinds they may have, not to every kind.
    const count = param === 'type' ? index.count({ ...request, filters: { ...filters, mentoringType: typeBits(acceptableTypes(context, undefined)) } }) : total;
    if (count === 0) return [];
    return [{ count, text: `Remove the ${filterNames[param]} filter — ${countInWords(count, 'mentor')}`, href: `${here}${queryString(pageQuery, { drop: param })}` }];
  }).sort((a, b) => b.count - a.count).map(({ text, href }) => ({ text, href }));
  return {
    query: pageQuery,
    total: result.total,
    countText: `${countInWords(result.total, 'mentor')} ${result.total === 1 ? 'matches' : 'match'}`,
    cards,
    relaxations,
    page,
    pageCount,
    programmeTypes: context.programmeTypes,
    hasChosenFilters: hasChosenFilters(pageQuery),
  };
}
