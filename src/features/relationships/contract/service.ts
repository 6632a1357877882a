// Changing the contract: saving an edit and signing. Each is one transaction that locks the
// relationship row (access.lockForChange: 404 for non-parties, 409 once ended), then the current
// version, and re-checks that the person is working from the version and revision they read
// (optimistic concurrency: a stale save or signature is refused, never merged silently). A
// signature is for exactly the words signed, so any saved edit clears the signatures; an agreed
// version is never edited in place: the edit becomes the next version and the agreed one is kept
// as 'superseded' (only one version per relationship is not superseded: a unique index).
import type { Actor } from '../../../auth/actor.ts';
import { recordAudit } from '../../../db/audit.ts';
import type { ContractVersion } from '../../../db/types.ts';
import { ConflictError, ValidationError } from '../../../errors.ts';
import { allowedTermIds } from '../../taxonomies/service.ts';
import { lockForChange, type RelationshipContext } from '../access.ts';
import { contractEmails, emailParty } from './emails.ts';
import type { ContractInput } from './schemas.ts';
import { readTerms, type ContractTerms } from './terms.ts';
import { absoluteUrl, type RelationshipDeps, type Trx } from '../deps.ts';
import { paths } from '../paths.ts';

/** The form or the signature was for a version or revision that is no longer the current one. */
export class ContractChangedError extends ConflictError {
  constructor(message: string) {
    super(message, 'contract_changed');
  }
}

async function lockCurrent(trx: Trx, relationshipId: string): Promise<ContractVersion | undefined> {
  return trx.selectFrom('contract_versions').selectAll().where('relationship_id', '=', relationshipId).where('status', '<>', 'superseded').forUpdate().executeTakeFirst();
}

async function changedBy(trx: Trx, actor: Actor, current: ContractVersion | undefined): Promise<string> {
  if (!current) return 'Someone';
  if (current.updated_by === actor.id) return 'You';
  const person = current.updated_by ? await trx.selectFrom('users').select('full_name').where('id', '=', current.updated_by).executeTakeFirst() : undefined;
  return person?.full_name ?? 'Someone';
}

async function audit(trx: Trx, context: RelationshipContext, actor: Actor, action: string, version: ContractVersion, details: Record<string, string | number | boolean>) {
  await recordAudit(trx, {
    actorId: actor.id, action: `contract.${action}`, subjectType: 'contract_version', subjectId: version.id, programmeId: context.relationship.programme_id,
    details: { relationshipId: context.relationship.id, version: version.version, ...details },
  });
}

function mail(deps: RelationshipDeps, context: RelationshipContext) {
  return { url: absoluteUrl(deps, paths.contract(context.relationship.id)), programmeName: context.programme.name, name: context.me.fullName };
}

export interface Saved {
  version: number;
  isNewVersion: boolean;
}

/** Saves the form as the current version (draft, unsigned), or as the next version when the current one is agreed. */
export async function saveContract(deps: RelationshipDeps, actor: Actor, relationshipId: string, input: ContractInput): Promise<Saved> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const current = await lockCurrent(trx, relationshipId);
    if ((current?.id ?? null) !== input.versionId || (current?.revision ?? 0) !== input.revision) {
      const who = await changedBy(trx, actor, current);
      throw new ContractChangedError(who === 'You'
        ? 'You have changed the contract in another window since you opened this form'
        : `${who} has changed the contract since you opened this form`);
    }
    const allowed = await allowedTermIds(trx, 'meeting_mode', input.terms.modes, current ? readTerms(current.terms).modes : []);
    if (input.terms.modes.some((id) => !allowed.has(id))) throw new ValidationError({ modes: 'Choose ways of meeting from the list' });

    const programme = await trx.selectFrom('programmes').select('confidentiality_text').where('id', '=', context.relationship.programme_id).executeTakeFirstOrThrow();
    const terms: ContractTerms = { ...input.terms, confidentialityText: programme.confidentiality_text };
    const now = new Date();
    const content = { terms: JSON.stringify(terms), review_on: input.reviewOn, ends_on: input.endsOn, updated_at: now, updated_by: actor.id };

    let saved: ContractVersion | undefined;
    if (current && current.status !== 'agreed') {
      // Same version, new words: the conditional update is the concurrency check's last line of defence.
      saved = await trx.updateTable('contract_versions')
        .set((eb) => ({ ...content, status: 'draft', revision: eb('revision', '+', 1) }))
        .where('id', '=', current.id).where('revision', '=', input.revision)
        .returningAll().executeTakeFirst();
      await trx.deleteFrom('contract_signatures').where('contract_version_id', '=', current.id).execute();
    } else {
      if (current) {
        const superseded = await trx.updateTable('contract_versions')
          .set((eb) => ({ status: 'superseded', revision: eb('revision', '+', 1) }))
          .where('id', '=', current.id).where('revision', '=', input.revision)
          .returning('id').executeTakeFirst();
        if (!superseded) throw new ContractChangedError('The contract has changed since you opened this form');
      }
      saved = await trx.insertInto('contract_versions')
        .values({ relationship_id: relationshipId, version: (current?.version ?? 0) + 1, created_by: actor.id, ...content })
        .returningAll().executeTakeFirstOrThrow();
    }
    if (!saved) throw new ContractChangedError('The contract has changed since you opened this form');

    const isNewVersion = saved.id !== current?.id;
    await audit(trx, context, actor, 'saved', saved, { revision: saved.revision, isNewVersion });
    await emailParty(trx, deps, context.other, 'contractReadyToSign', contractEmails.contractReadyToSign({ ...mail(deps, context), version: saved.version }));
    return { version: saved.version, isNewVersion };
  });
}

export type SignOutcome = 'signed' | 'agreed' | 'already_signed';

/** Signs the version and revision the person read; agreed once both parties have signed that same version. */
export async function signContract(deps: RelationshipDeps, actor: Actor, relationshipId: string, read: { versionId: string | null; revision: number }): Promise<SignOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const context = await lockForChange(trx, actor, relationshipId);
    const current = await lockCurrent(trx, relationshipId);
    if (!current || current.id !== read.versionId || current.revision !== read.revision) {
      throw new ContractChangedError('The contract has changed since you read it. Read it again before you sign');
    }
    const inserted = await trx.insertInto('contract_signatures').values({ contract_version_id: current.id, user_id: actor.id })
      .onConflict((oc) => oc.columns(['contract_version_id', 'user_id']).doNothing()).returning('user_id').executeTakeFirst();
    if (!inserted) return 'already_signed';

    const parties = [context.relationship.mentee_id, context.relationship.mentor_id];
    const signatures = await trx.selectFrom('contract_signatures').select('user_id').where('contract_version_id', '=', current.id).where('user_id', 'in', parties).execute();
    const isAgreed = parties.every((id) => signatures.some((s) => s.user_id === id));
    const signed = await trx.updateTable('contract_versions').set({ status: isAgreed ? 'agreed' : 'signed_by_one' })
      .where('id', '=', current.id).returningAll().executeTakeFirstOrThrow();

    await audit(trx, context, actor, 'signed', signed, { isAgreed });
    const email = isAgreed ? 'contractAgreed' : 'contractSigned';
    await emailParty(trx, deps, context.other, email, contractEmails[email]({ ...mail(deps, context), version: signed.version }));
    return isAgreed ? 'agreed' : 'signed';
  });
}
