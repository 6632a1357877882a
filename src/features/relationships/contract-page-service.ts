// Reading the contract: the current version with its signatures, the edit form's starting values,
// every version and any one old version. Only the two parties ever reach these (access.loadForParty).
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { ContractStatus, ContractVersion } from '../../db/types.ts';
import { NotFoundError } from '../../errors.ts';
import { dateFieldValues } from '../../platform/date-fields.ts';
import { formatDate } from '../../platform/formatting.ts';
import { labelsFor, listTermsForForms } from '../taxonomies/service.ts';
import { loadForParty, type RelationshipContext } from './access.ts';
import { DEFAULT_SESSION_MINUTES, readTerms, successLabels, successMeasures, type ContractTerms } from './contract-schema.ts';
import { paths } from './deps.ts';
import { frameOf, type Frame } from './frame.ts';
import { contractStatusText } from './overview-service.ts';

/** Shown on every version and acknowledged by signing (PRODUCT.md, journey 7: supervision is logged, never its content). */
export const SUPERVISION_STATEMENT =
  'The mentor receives supervision to support their mentoring. Their mentoring may be discussed there, but anonymously: ' +
  'never your name or anything that could identify you.';

const statusColours: Record<ContractStatus, string> = { draft: 'yellow', signed_by_one: 'blue', agreed: 'green', superseded: 'grey' };

export interface VersionView {
  id: string;
  version: number;
  revision: number;
  status: ContractStatus;
  statusText: string;
  statusColour: string;
  terms: ContractTerms;
  modeLabels: string[];
  successTexts: string[];
  reviewOn: string | null;
  endsOn: string | null;
  updatedOn: string;
  updatedBy: string;
  signatures: { name: string; signedOn: string }[];
  signedByMe: boolean;
  href: string;
}

async function viewsOf(db: Db, context: RelationshipContext, actor: Actor, versions: ContractVersion[]): Promise<VersionView[]> {
  if (versions.length === 0) return [];
  const ids = versions.map((v) => v.id);
  const signatures = await db.selectFrom('contract_signatures').select(['contract_version_id', 'user_id', 'signed_at'])
    .where('contract_version_id', 'in', ids).orderBy('signed_at').execute();
  const terms = versions.map((v) => readTerms(v.terms));
  const labels = await labelsFor(db, terms.flatMap((t) => t.modes));
  const nameOf = (id: string | null) => (id === actor.id ? 'You' : id === context.other.id ? context.other.fullName : 'Someone no longer registered');
  return versions.map((v, index) => {
    const t = terms[index] ?? readTerms({});
    const signed = signatures.filter((s) => s.contract_version_id === v.id);
    return {
      id: v.id, version: v.version, revision: v.revision, status: v.status, statusText: contractStatusText[v.status], statusColour: statusColours[v.status],
      terms: t, modeLabels: t.modes.map((id) => labels.get(id) ?? 'A way of meeting no longer offered'),
      successTexts: t.success.map((m) => successLabels[m]),
      reviewOn: v.review_on ? formatDate(v.review_on) : null, endsOn: v.ends_on ? formatDate(v.ends_on) : null,
      updatedOn: formatDate(v.updated_at), updatedBy: nameOf(v.updated_by),
      signatures: signed.map((s) => ({ name: nameOf(s.user_id), signedOn: formatDate(s.signed_at) })),
      signedByMe: signed.some((s) => s.user_id === actor.id),
      href: paths.contractVersion(context.relationship.id, v.id),
    };
  });
}

async function currentVersion(db: Db, relationshipId: string): Promise<ContractVersion | undefined> {
  return db.selectFrom('contract_versions').selectAll().where('relationship_id', '=', relationshipId).where('status', '<>', 'superseded').executeTakeFirst();
}

export interface ContractPage {
  frame: Frame;
  current: VersionView | null;
  canSign: boolean;
  versionCount: number;
  supervision: string;
  links: { contract: string; edit: string; versions: string; sign: string };
}

export async function getContractPage(db: Db, actor: Actor, relationshipId: string): Promise<ContractPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const [current, count] = await Promise.all([
    currentVersion(db, relationshipId),
    db.selectFrom('contract_versions').select((eb) => eb.fn.countAll<string>().as('n')).where('relationship_id', '=', relationshipId).executeTakeFirstOrThrow(),
  ]);
  const [view] = await viewsOf(db, context, actor, current ? [current] : []);
  return {
    frame: frameOf(context), current: view ?? null, canSign: context.isActive && view !== undefined && !view.signedByMe, versionCount: Number(count.n),
    supervision: SUPERVISION_STATEMENT, links: linksOf(relationshipId),
  };
}

function linksOf(id: string): ContractPage['links'] {
  return { contract: paths.contract(id), edit: paths.contractEdit(id), versions: paths.contractVersions(id), sign: paths.contractSign(id) };
}

/** A version as the edit form's values: strings and lists, the way the form sends them back. */
function formValuesOf(version: ContractVersion | undefined): Record<string, unknown> {
  if (!version) return { versionId: '', revision: '0', sessionMinutes: String(DEFAULT_SESSION_MINUTES), firstFaceToFace: 'yes' };
  const t = readTerms(version.terms);
  return {
    versionId: version.id, revision: String(version.revision), menteeExpects: t.menteeExpects, mentorExpects: t.mentorExpects, frequency: t.frequency,
    sessionMinutes: String(t.sessionMinutes), modes: t.modes, place: t.place, firstFaceToFace: t.firstFaceToFace ? 'yes' : 'no', boundaries: t.boundaries,
    confidentialityExtra: t.confidentialityExtra, success: t.success, successOwnWords: t.successOwnWords,
    ...dateFieldValues('reviewOn', version.review_on), ...dateFieldValues('endsOn', version.ends_on),
  };
}

export interface ContractEditPage extends ContractPage {
  values: Record<string, unknown>;
  modes: { id: string; label: string; retired_at: Date | null }[];
  confidentialityText: string;
  successOptions: { value: string; text: string }[];
  makesNewVersion: boolean;
  nextVersion: number;
}

/**
 * The edit form, starting from the current version. `typed` replaces the stored values with what
 * the person sent. After an invalid save the form keeps the revision it was loaded from, so the
 * staleness check still applies; after a refused stale save (`adoptCurrent`) it carries the current
 * version and revision, so once the person has read the other's changes a deliberate save goes through.
 */
export async function getContractEditPage(db: Db, actor: Actor, relationshipId: string, typed?: Record<string, unknown>, adoptCurrent = false): Promise<ContractEditPage> {
  const page = await getContractPage(db, actor, relationshipId);
  const [current, programme] = await Promise.all([
    currentVersion(db, relationshipId),
    db.selectFrom('relationships').innerJoin('programmes', 'programmes.id', 'relationships.programme_id')
      .select('programmes.confidentiality_text').where('relationships.id', '=', relationshipId).executeTakeFirstOrThrow(),
  ]);
  const stored = formValuesOf(current);
  const values = typed ? { ...typed, ...(adoptCurrent ? { versionId: stored.versionId, revision: stored.revision } : {}) } : stored;
  for (const list of ['modes', 'success']) values[list] = [values[list] ?? []].flat();
  const held = current ? readTerms(current.terms).modes : [];
  const modes = (await listTermsForForms(db, held)).meeting_mode.map((term) => ({ id: term.id, label: term.label, retired_at: term.retired_at }));
  return {
    ...page, values, modes, confidentialityText: programme.confidentiality_text,
    successOptions: successMeasures.map((m) => ({ value: m, text: successLabels[m] })),
    makesNewVersion: current?.status === 'agreed', nextVersion: (current?.version ?? 0) + (current?.status === 'agreed' || !current ? 1 : 0),
  };
}

export interface VersionsPage {
  frame: Frame;
  versions: VersionView[];
  links: ContractPage['links'];
}

export async function getVersionsPage(db: Db, actor: Actor, relationshipId: string): Promise<VersionsPage> {
  const context = await loadForParty(db, actor, relationshipId);
  const rows = await db.selectFrom('contract_versions').selectAll().where('relationship_id', '=', relationshipId).orderBy('version', 'desc').execute();
  return { frame: frameOf(context), versions: await viewsOf(db, context, actor, rows), links: linksOf(relationshipId) };
}

export async function getVersionPage(db: Db, actor: Actor, relationshipId: string, versionId: string) {
  const context = await loadForParty(db, actor, relationshipId);
  const row = await db.selectFrom('contract_versions').selectAll().where('relationship_id', '=', relationshipId).where('id', '=', versionId).executeTakeFirst();
  if (!row) throw new NotFoundError();
  const [version] = await viewsOf(db, context, actor, [row]);
  return { frame: frameOf(context), version, supervision: SUPERVISION_STATEMENT, links: linksOf(relationshipId) };
}
