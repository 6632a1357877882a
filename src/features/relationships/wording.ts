// How a relationship reads to each party. In reverse mentoring the mentor is the more junior person
// (sharing, say, a frontline or digital view with a senior leader), so the words change with the
// type; peer mentors are colleagues at a similar level who support each other.
import type { MentoringType } from '../../db/types.ts';

export type PartyRole = 'mentee' | 'mentor';

export interface TypeWording {
  label: string;
  /** One sentence on what this kind of mentoring is, shown on the relationship page. */
  about: string;
  /** What this party is called in this relationship, as the other reads it. */
  roleName: Record<PartyRole, string>;
}

export const typeWording: Record<MentoringType, TypeWording> = {
  traditional: {
    label: 'Traditional mentoring',
    about: 'A more experienced colleague supports the mentee to develop, reflect and find their own way forward.',
    roleName: { mentee: 'mentee', mentor: 'mentor' },
  },
  reverse: {
    label: 'Reverse mentoring',
    about: 'The mentor is the more junior colleague here: they share their experience and view of the organisation with a more senior mentee, and both learn.',
    roleName: { mentee: 'mentee (the more senior colleague)', mentor: 'reverse mentor' },
  },
  peer: {
    label: 'Peer mentoring',
    about: 'Colleagues at a similar stage support each other as equals: one of you leads as mentor, and you both learn from each other.',
    roleName: { mentee: 'peer mentee', mentor: 'peer mentor' },
  },
};

export function otherRole(role: PartyRole): PartyRole {
  return role === 'mentee' ? 'mentor' : 'mentee';
}
