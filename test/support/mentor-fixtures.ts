// Fictional mentors for index tests and benchmarks: random but repeatable (seeded), with the
// shape of a real register (a few dozen terms per taxonomy, capacities 1 to 4, some paused).
import { newBitSet, setBit, type BitSet } from '../../src/matching/bitset.ts';
import type { IndexedMentor } from '../../src/matching/search-types.ts';
import type { MenteeNeeds } from '../../src/matching/scoring.ts';

export const SIZES = { helpAreas: 21, modes: 3, languages: 28, dimensions: 9, professions: 28, regions: 10, settings: 11, bands: 20 } as const;

const WORDS = ('leadership nursing midwifery pharmacy digital quality improvement confidence resilience interviews research teaching ' +
  'primary acute community mental health ambulance finance project change teams wellbeing careers management education ' +
  'returning practice international recruitment coaching analytics safeguarding workforce transformation').split(' ');

/** A small seeded generator (mulberry32), so a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBits(random: () => number, size: number, count: number): BitSet {
  const set = newBitSet(size);
  for (let i = 0; i < count; i += 1) setBit(set, Math.floor(random() * size));
  return set;
}

export function fictionalMentor(random: () => number, n: number): IndexedMentor {
  const pick = (size: number) => Math.floor(random() * size);
  const words = Array.from({ length: 25 }, () => WORDS[pick(WORDS.length)]).join(' ');
  return {
    userId: `mentor-${n}`,
    fullName: `Mentor ${String(n).padStart(6, '0')}`,
    jobTitle: 'Clinical lead',
    organisation: 'Example NHS Foundation Trust',
    town: 'Exampleton',
    bio: words,
    traits: {
      helpAreas: randomBits(random, SIZES.helpAreas, 1 + pick(5)),
      meetingModes: randomBits(random, SIZES.modes, 1 + pick(2)),
      professionId: pick(SIZES.professions),
      careSettingId: pick(SIZES.settings),
      regionId: pick(SIZES.regions),
      bandRank: pick(SIZES.bands),
      bandId: -1,
    },
    languages: randomBits(random, SIZES.languages, 1 + pick(2)),
    dimensions: randomBits(random, SIZES.dimensions, 1 + pick(3)),
    mentoringTypes: 1 + pick(7),
    capacity: 1 + pick(4),
    activeMentees: pick(3),
    pendingMentees: pick(2),
    isPaused: random() < 0.05,
    searchText: `Clinical lead ${words}`,
  };
}

export function fictionalMentee(random: () => number): MenteeNeeds {
  const pick = (size: number) => Math.floor(random() * size);
  return {
    helpAreas: randomBits(random, SIZES.helpAreas, 3),
    meetingModes: randomBits(random, SIZES.modes, 1),
    professionId: pick(SIZES.professions),
    careSettingId: pick(SIZES.settings),
    regionId: pick(SIZES.regions),
    bandRank: pick(SIZES.bands),
    prefersOtherProfession: random() < 0.2,
    prefersOtherSetting: random() < 0.2,
    mentoringType: 'traditional',
  };
}

export function randomWords(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}
