// Table type for equality monitoring answers (migration 0002): optional, kept apart from profiles
// and only ever reported as totals.
import type { ColumnType } from 'kysely';
import type { Timestamp } from './columns.ts';

export interface EqualityResponsesTable {
  user_id: string;
  answers: ColumnType<Record<string, string>, string, string>;
  updated_at: Timestamp;
}
