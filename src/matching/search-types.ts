// What the mentor index holds and answers in: one entry per approved mentor, a search request
// (the mentee's needs, words and filters) and its result. Shared by the index, the modules it is
// built from, the loader that fills it and the search feature that asks it.
import type { BitSet } from './bitset.ts';
import type { MenteeNeeds, MentorTraits, TextMatch } from './scoring.ts';

export const mentoringTypeBits = { traditional: 1, reverse: 2, peer: 4 } as const;

export interface IndexedMentor {
  userId: string;
  fullName: string;
  jobTitle: string;
  organisation: string;
  town: string;
  bio: string;
  traits: MentorTraits;
  languages: BitSet;
  dimensions: BitSet;
  /** mentoringTypeBits ORed together. */
  mentoringTypes: number;
  capacity: number;
  /** Active relationships: a mentor whose capacity is taken up is full and never offered. */
  activeMentees: number;
  /** Chemistry invitations accepted or met and undecided: they may become mentees soon. */
  pendingMentees: number;
  isPaused: boolean;
  /** Words of the job title, bio, organisation and areas, for free text. */
  searchText: string;
}

export interface SearchFilters {
  professionIds: number[];
  regionIds: number[];
  careSettingIds: number[];
  bandRanks: number[];
  /** Mentors must help with all of these. */
  helpAreas: BitSet | null;
  /** Mentors must offer all of these leadership dimensions. */
  dimensions: BitSet | null;
  /** Mentors must speak at least one of these. */
  languages: BitSet | null;
  /** Mentors must offer at least one of these. */
  meetingModes: BitSet | null;
  mentoringType: number | null;
  hasRoomNow: boolean;
}

export type FilterName = keyof SearchFilters | 'text';

export const noFilters = (): SearchFilters => ({
  professionIds: [], regionIds: [], careSettingIds: [], bandRanks: [], helpAreas: null, dimensions: null, languages: null, meetingModes: null, mentoringType: null, hasRoomNow: false,
});

export interface SearchRequest {
  needs: MenteeNeeds;
  text: string;
  filters: SearchFilters;
  /** Mentors this mentee already has an open invitation or relationship with. */
  exclude: ReadonlySet<string>;
  offset: number;
  limit: number;
}

export interface SearchHit {
  mentor: IndexedMentor;
  score: number;
  textMatch: TextMatch;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** When nothing matched: how many results dropping each active filter would give. */
  relaxations: { filter: FilterName; total: number }[];
}
