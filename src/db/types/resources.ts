// Table types for the resources library and the "support beyond mentoring" links (migrations 0002
// and 0008): a programme's own, or the platform's, offered in every programme.
import type { Generated, Selectable } from 'kysely';
import type { ArrayWithDefault, NullableTimestamp, Timestamp } from './columns.ts';

export interface ResourcesTable {
  id: Generated<string>;
  /** Null: the platform's own library, offered in every programme. */
  programme_id: string | null;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  url: string | null;
  phases: ArrayWithDefault<string>;
  topics: ArrayWithDefault<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: NullableTimestamp;
}

export const supportLinkKinds = ['wellbeing', 'occupational_health', 'freedom_to_speak_up', 'employee_assistance', 'other'] as const;
export type SupportLinkKind = (typeof supportLinkKinds)[number];

export interface SupportLinksTable {
  id: Generated<string>;
  programme_id: string | null;
  kind: SupportLinkKind;
  title: string;
  url: string;
  sort_order: Generated<number>;
}

export type Resource = Selectable<ResourcesTable>;
export type SupportLink = Selectable<SupportLinksTable>;
