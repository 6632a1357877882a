// Which demo mentees are still looking for a mentor, and the story each one gets (chemistry/
// stories.ts): a fixed list per programme, the first London ones with the printed mentor (an
// invitation to answer, a mentee waiting for them to confirm, an offer they made), plus the
// shortlists people made along the way.
import { fakerEN_GB as faker } from '@faker-js/faker';
import { between, chance, latest, pick, plusDays } from '../helpers.ts';
import type { Ctx, Member, PlannedRelationship } from '../mentoring-plan.ts';
import type { ProgrammeKey } from '../plan.ts';
import { shortlist } from './looking.ts';
import { tell, type Seeker, type Story } from './stories.ts';

// The first London "pending" and "chosen" stories are with the printed mentor, and the first "offer" is theirs: an invitation to
// answer, a mentee waiting for them to confirm, and an offer they made.
const STORIES: Partial<Record<ProgrammeKey, Story[]>> = {
  london: ['pending', 'offer', 'brokerOpen', 'brokerProposed', 'chosen', 'accepted', 'met', 'expiredThenPending', 'cancelled', 'notChosen', 'postOnly',
    'offerWithdrawn', 'pending', 'met'],
  peer: ['pending', 'accepted', 'met', 'chosen', 'offer', 'offer', 'brokerOpen', 'brokerProposed', 'expiredThenPending', 'cancelled', 'notChosen',
    'postOnly', 'offerWithdrawn', 'pending', 'accepted', 'postOnly'],
  reverse: ['pending', 'brokerOpen', 'chosen'],
};

export function planSeekers(ctx: Ctx, relationships: PlannedRelationship[], usedFor: (programme: ProgrammeKey, mentee: Member) => Set<string>): void {
  const printedMentor = ctx.idOf(ctx.cast.printed.mentor);
  const gave = new Set<string>();
  for (const [programme, stories] of Object.entries(STORIES) as [ProgrammeKey, Story[]][]) {
    const taken = new Set(relationships.filter((r) => r.programme === programme && r.endedAt === null).map((r) => r.mentee.id));
    const seekers = faker.helpers.shuffle(ctx.pool.mentees[programme].filter((m) => !taken.has(m.id) && !ctx.pool.printed.has(m.id)));
    seekers.forEach((mentee, index) => {
      const from = latest(plusDays(mentee.approvedAt, 1), plusDays(ctx.now, -30));
      const seeker: Seeker = { ctx, programme, mentee, used: usedFor(programme, mentee), from, days: (ctx.now.getTime() - from.getTime()) / 86_400_000 };
      const story = stories[index];
      if (programme === 'london' && (story === 'pending' || story === 'offer' || story === 'chosen') && !gave.has(story)) {
        gave.add(story);
        seeker.mentor = ctx.pool.mentors.london.find((m) => m.id === printedMentor);
        if (seeker.mentor) seeker.used.add(seeker.mentor.id);
      }
      if (story) tell(seeker, story);
      // Most of those looking have shortlisted a few mentors along the way.
      if (story || chance(0.4)) {
        for (let n = pick([1, 2, 3]); n > 0; n--) {
          const mentor = faker.helpers.arrayElement(ctx.pool.mentors[programme]);
          if (mentor.id !== mentee.id && !ctx.pool.printed.has(mentor.id) && mentor.approvedAt < from) shortlist(ctx, programme, mentee, mentor, plusDays(from, between(0, seeker.days * 0.5)));
        }
      }
    });
  }
  // The printed mentee shortlisted two mentors before choosing.
  const printed = relationships.find((r) => r.mentee.id === ctx.idOf(ctx.cast.printed.mentee));
  if (printed) {
    for (const mentor of faker.helpers.arrayElements(ctx.pool.mentors[printed.programme].filter((m) => m.id !== printed.mentee.id && m.approvedAt < printed.startedAt), 2)) {
      shortlist(ctx, printed.programme, printed.mentee, mentor, plusDays(printed.startedAt, -between(20, 25)));
    }
  }
}
