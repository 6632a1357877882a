// Numbers and snippets in plain words for the search pages, in NHS style: numerals, thousands
// separated by commas (https://service-manual.nhs.uk/content/numbers-measurements-dates-time).
const number = new Intl.NumberFormat('en-GB');

/** "1 mentor", "42 mentors", "1,204 mentors". */
export function countInWords(count: number, noun: string): string {
  return `${number.format(count)} ${count === 1 ? noun : `${noun}s`}`;
}

/** The start of a bio for a results card, cut at a word and marked as cut. */
export function excerpt(text: string, maxLength = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** A mentor's availability for a new mentee, as the profile and shortlist say it. */
export function capacityInWords(mentor: { capacity: number; activeMentees: number; pendingMentees: number; isPaused: boolean }): { text: string; hasRoom: boolean } {
  if (mentor.isPaused) return { text: 'Not taking new mentees at the moment', hasRoom: false };
  // Accepted chemistry meetings may become mentees, so they take a place until decided.
  const room = mentor.capacity - mentor.activeMentees - mentor.pendingMentees;
  if (room <= 0) return { text: 'Full at the moment', hasRoom: false };
  return { text: `Has room for ${countInWords(room, 'more mentee')}`, hasRoom: true };
}

/** Only the first name of a mentee goes on a "seeking a mentor" post. */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}
