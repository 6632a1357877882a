// How a contract version's status reads to the pair: its words (the relationship page uses them
// too, with 'none' before the first version) and its tag's colour.
import type { ContractStatus } from '../../../db/types.ts';

export const contractStatusText: Record<ContractStatus | 'none', string> = {
  none: 'Not started',
  draft: 'Being written',
  signed_by_one: 'Signed by one of you',
  agreed: 'Agreed',
  superseded: 'Replaced by a newer version',
};

export const contractStatusColours: Record<ContractStatus, string> = { draft: 'yellow', signed_by_one: 'blue', agreed: 'green', superseded: 'grey' };
