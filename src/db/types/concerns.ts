// Table types for confidential concerns (migration 0002): what a party raised with the programme's
// admins, and the actions the admins recorded while handling it.
import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from './columns.ts';

export type ConcernStatus = 'open' | 'in_progress' | 'closed';

export interface ConcernsTable {
  id: Generated<string>;
  programme_id: string;
  relationship_id: string | null;
  raised_by: string | null;
  body: string;
  status: Generated<ConcernStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConcernActionsTable {
  id: Generated<string>;
  concern_id: string;
  admin_id: string | null;
  note: string;
  created_at: Timestamp;
}

export type Concern = Selectable<ConcernsTable>;
