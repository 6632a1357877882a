// The contract's edit form: the current version's terms as the form's starting values (or what was
// typed), the ways of meeting to choose from, the programme's limits of confidentiality and whether
// saving makes a new version. Only the two parties reach it (getContractPage: access.loadForParty).
import type { Actor } from '../../../auth/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { ContractVersion } from '../../../db/types.ts';
import { dateFieldValues } from '../../../platform/date-fields.ts';
import { listTermsForForms } from '../../taxonomies/service.ts';
import { currentVersion, getContractPage, type ContractPage } from './pages.ts';
import { DEFAULT_SESSION_MINUTES, readTerms, successLabels, successMeasures } from './terms.ts';

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
