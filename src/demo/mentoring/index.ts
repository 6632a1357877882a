// The demo's chemistry meetings and mentoring relationships (issues 4 and 5): planned in memory
// after the register, from the same seeded faker, then written in batches. Ids are drawn from faker
// too, so rows can point at each other (and private text can be sealed for its row) before anything
// is written. Who may do what follows the product's rules: only approved people, mentors within
// their capacity, at most one open invitation per pair, the programme's open-invitation limit, and
// one active mentor per mentee per programme. Private text is sealed with the installation's keys.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import { planChemistry } from '../chemistry/index.ts';
import type { Ctx, MentoringInput, MentoringRows } from '../mentoring-plan.ts';
import { planRelationships } from '../relationships/index.ts';
import { buildPool } from './pool.ts';
import { writeMentoring } from './write.ts';

/** Plans everything, relationships first (chemistry meetings lead up to them), then writes it all. */
export async function seedMentoring(trx: Transaction<Database>, input: MentoringInput): Promise<void> {
  const rows: MentoringRows = {
    seekingPosts: [], brokerRequests: [], invitations: [], invitationEvents: [], fitReflections: [], shortlist: [], relationships: [], phaseEvents: [],
    contracts: [], signatures: [], sessions: [], goals: [], reviews: [], sharedNotes: [], privateNotes: [], actions: [], reflections: [], endings: [],
    closingReflections: [], concerns: [], concernActions: [], capacity: [],
  };
  const programmes = await trx.selectFrom('programmes').select(['id', 'confidentiality_text']).execute();
  const ctx: Ctx = { ...input, pool: buildPool(input), rows, confidentiality: new Map(programmes.map((p) => [p.id, p.confidentiality_text])) };
  const relationships = planRelationships(ctx);
  planChemistry(ctx, relationships);
  await writeMentoring(trx, rows);
}
