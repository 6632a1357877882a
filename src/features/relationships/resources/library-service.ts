// The pair's resource library: the platform's guides plus their programme's own, not retired,
// filtered by phase and topic, and the "support beyond mentoring" links. Only the two parties reach
// it (access.loadForParty); it shows nothing about the relationship beyond its frame.
import { sql } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { relationshipPhases, type RelationshipPhase } from '../../../db/types.ts';
import { loadForParty } from '../access.ts';
import { paragraphsOf } from '../paragraphs.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';
import { phaseInfo, phases } from '../phases.ts';
import { isTopic, resourceTopics, topicLabels, type LibraryFilter } from './schemas.ts';

export interface LibraryResource {
  id: string;
  anchor: string;
  title: string;
  summary: string;
  /** The body as paragraphs of lines: the view escapes each line, so stored text never becomes HTML. */
  paragraphs: string[][];
  url: string | null;
  phaseLabels: string[];
  topicLabels: string[];
}

export interface LibraryPage {
  frame: Frame;
  currentPhase: { code: RelationshipPhase; label: string };
  filter: LibraryFilter;
  isFiltered: boolean;
  phaseOptions: { value: string; text: string }[];
  topicOptions: { value: string; text: string }[];
  /** Unfiltered: the current phase's guides first, then the rest. Filtered: one group. */
  groups: { heading: string; resources: LibraryResource[] }[];
  support: { title: string; url: string }[];
  links: { clear: string; concern: string; action: string };
}

export function phaseLabelsOf(codes: string[]): string[] {
  return relationshipPhases.filter((code) => codes.includes(code)).map((code) => phaseInfo[code].label);
}

export function topicLabelsOf(codes: string[]): string[] {
  return resourceTopics.filter((code) => codes.includes(code)).map((code) => topicLabels[code]);
}

/** The support links a programme's pairs see: its own when it has set any, else the platform's. */
export async function supportLinksFor(db: Db, programmeId: string): Promise<{ title: string; url: string }[]> {
  const rows = await db.selectFrom('support_links').select(['title', 'url', 'programme_id'])
    .where((eb) => eb.or([eb('programme_id', 'is', null), eb('programme_id', '=', programmeId)]))
    .orderBy('sort_order').orderBy('title').execute();
  const own = rows.filter((row) => row.programme_id !== null);
  return (own.length > 0 ? own : rows).map((row) => ({ title: row.title, url: row.url }));
}

export async function getLibrary(db: Db, actor: Actor, relationshipId: string, filter: LibraryFilter): Promise<LibraryPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const r = context.relationship;
  let query = db.selectFrom('resources').select(['id', 'title', 'summary', 'body', 'url', 'phases', 'topics'])
    .where((eb) => eb.or([eb('programme_id', 'is', null), eb('programme_id', '=', r.programme_id)]))
    .where('retired_at', 'is', null);
  if (filter.phase) query = query.where(sql<boolean>`${filter.phase} = any(phases)`);
  if (filter.topic) query = query.where(sql<boolean>`${filter.topic} = any(topics)`);
  const [rows, support] = await Promise.all([query.orderBy('title').execute(), supportLinksFor(db, r.programme_id)]);

  const resources: (LibraryResource & { phases: string[] })[] = rows.map((row) => ({
    id: row.id, anchor: `resource-${row.id}`, title: row.title, summary: row.summary, paragraphs: paragraphsOf(row.body), url: row.url,
    phases: row.phases, phaseLabels: phaseLabelsOf(row.phases), topicLabels: topicLabelsOf(row.topics.filter(isTopic)),
  }));
  const isFiltered = filter.phase !== undefined || filter.topic !== undefined;
  const current = phaseInfo[r.phase];
  const groups = isFiltered
    ? [{ heading: `${resources.length} ${resources.length === 1 ? 'guide' : 'guides'} found`, resources }]
    : [
        { heading: `For the phase you are in: ${current.label.toLowerCase()}`, resources: resources.filter((x) => x.phases.includes(r.phase)) },
        { heading: 'More guides', resources: resources.filter((x) => !x.phases.includes(r.phase)) },
      ].filter((group) => group.resources.length > 0);

  return {
    frame: frameOf(context),
    currentPhase: { code: r.phase, label: current.label },
    filter, isFiltered,
    phaseOptions: phases.map((p) => ({ value: p.code, text: p.label })),
    topicOptions: resourceTopics.map((code) => ({ value: code, text: topicLabels[code] })),
    groups,
    support,
    links: { clear: paths.resources(r.id), concern: paths.concern(r.id), action: paths.resources(r.id) },
  };
}
