// Table types for a relationship's contract (migrations 0002 and 0007): its versions, each edited
// safely by revision number, and the parties' signatures on each.
import type { Generated, Selectable } from 'kysely';
import type { Json, NullableDateOnly, NullableTimestamp, Timestamp } from './columns.ts';

export const contractStatuses = ['draft', 'signed_by_one', 'agreed', 'superseded'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export interface ContractVersionsTable {
  id: Generated<string>;
  relationship_id: string;
  version: number;
  status: Generated<ContractStatus>;
  /** The contract's fields as the form holds them (see features/relationships contract schema). */
  terms: Json<Record<string, unknown>>;
  review_on: NullableDateOnly;
  ends_on: NullableDateOnly;
  created_by: string | null;
  created_at: Timestamp;
  /** Rises with every saved edit; a save naming an older revision is refused, never merged silently. */
  revision: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
  review_reminded_at: NullableTimestamp;
}

export interface ContractSignaturesTable {
  contract_version_id: string;
  user_id: string;
  signed_at: Timestamp;
}

export type ContractVersion = Selectable<ContractVersionsTable>;
