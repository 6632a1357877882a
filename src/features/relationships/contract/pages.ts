// Reading the contract: the current version with its signatures, every version and any one old
// version. Only the two parties ever reach these (access.loadForParty).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { ContractStatus, ContractVersion } from '../../../db/types.ts';
import { NotFoundError } from '../../../errors.ts';
import { formatDate } from '../../../platform/formatting.ts';
import { labelsFor } from '../../taxonomies/service.ts';
import { loadForParty, type RelationshipContext } from '../access.ts';
import { contractStatusColours, contractStatusText } from './status.ts';
import { readTerms, successLabels, type ContractTerms } from './terms.ts';
import { paths } from '../paths.ts';
import { frameOf, type Frame } from '../frame.ts';

/** Shown on every version and acknowledged by signing (PRODUCT.md, journey 7: supervision is logged, never its content). */
export const SUPERVISION_STATEMENT =
  'The mentor receives supervision to support their mentoring. Their mentoring may be discussed there, but anonymously: ' +
  'never your name or anything that could identify you.';

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
      id: v.id, version: v.version, revision: v.revision, status: v.status, statusText: contractStatusText[v.status], statusColour: contractStatusColours[v.status],
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

export async function currentVersion(db: Db, relationshipId: string): Promise<ContractVersion | undefined> {
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
