// The contract's pages: the current version (sign it), the edit form, every version and one old
// version. Thin: read the form, call one service function, redirect with a flash (Post/Redirect/Get)
// or show the page again: 400 for bad input, 409 with a banner for a refused change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, ValidationError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { getContractEditPage } from './edit-page.ts';
import { getContractPage, getVersionPage, getVersionsPage } from './pages.ts';
import { contractFields, contractSchema, signSchema } from './schemas.ts';
import { ContractChangedError, saveContract, signContract } from './service.ts';
import { relationshipDeps } from '../deps.ts';
import { paths } from '../paths.ts';
import { idParam, relationshipIdOf } from '../params.ts';

const VIEWS = {
  contract: 'relationships/contract/views/contract.njk',
  edit: 'relationships/contract/views/edit.njk',
  versions: 'relationships/contract/views/versions.njk',
  version: 'relationships/contract/views/version.njk',
};

const ENDED = 'This mentoring relationship has ended, so the contract can no longer be changed';

const signedFlash = {
  signed: { title: 'You have signed the contract', text: 'We have let the other person know. It is agreed once you have both signed.' },
  agreed: { title: 'Your contract is agreed', text: 'You have both signed this version.' },
  already_signed: { title: 'You had already signed this version' },
} as const;

export function createContractHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);
  const db = deps.db;

  /** The contract as it now is, with why the change was refused (nothing was changed). */
  async function refused(reply: FastifyReply, actor: Actor, id: string, conflict: string) {
    return reply.status(409).render(VIEWS.contract, { ...(await getContractPage(db, actor, id)), conflict });
  }

  async function editForm(reply: FastifyReply, actor: Actor, id: string, state: { status: number; errors?: FieldErrors; values?: Record<string, unknown>; conflict?: string }) {
    const page = await getContractEditPage(db, actor, id, state.values, state.conflict !== undefined);
    // An ended relationship offers no form at all, whatever was sent.
    if (!page.frame.isActive) return refused(reply, actor, id, ENDED);
    return reply.status(state.status).render(VIEWS.edit, { ...page, errors: state.errors, conflict: state.conflict, fieldOrder: contractFields });
  }

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      return reply.render(VIEWS.contract, await getContractPage(db, actorOf(request), relationshipIdOf(request)));
    },

    async showEdit(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      return editForm(reply, actor, id, { status: 200 });
    },

    async save(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const form = parseForm(contractSchema, request.body);
      if (!form.ok) return editForm(reply, actor, id, { status: 400, errors: form.errors, values: form.values });
      try {
        const saved = await saveContract(deps, actor, id, form.data);
        setFlash(reply, {
          kind: 'success', title: saved.isNewVersion ? `Version ${saved.version} of your contract saved` : 'Your contract has been saved',
          text: 'Read it through and sign it. We have let the other person know it is ready to sign.',
        });
        return reply.redirect(paths.contract(id));
      } catch (error) {
        if (error instanceof ValidationError) return editForm(reply, actor, id, { status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
        // Stale: keep what they typed, show the current version beside it, and let them save again on purpose.
        if (error instanceof ContractChangedError) return editForm(reply, actor, id, { status: 409, values: keptValues(request.body), conflict: error.message });
        if (error instanceof ConflictError) return refused(reply, actor, id, error.message);
        throw error;
      }
    },

    async sign(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const id = relationshipIdOf(request);
      const form = parseForm(signSchema, request.body);
      if (!form.ok) return refused(reply, actor, id, 'The contract has changed since you read it. Read it again before you sign');
      try {
        const outcome = await signContract(deps, actor, id, form.data);
        setFlash(reply, { kind: 'success', ...signedFlash[outcome] });
        return reply.redirect(paths.contract(id));
      } catch (error) {
        if (error instanceof ConflictError) return refused(reply, actor, id, error.message);
        throw error;
      }
    },

    async versions(request: FastifyRequest, reply: FastifyReply) {
      return reply.render(VIEWS.versions, await getVersionsPage(db, actorOf(request), relationshipIdOf(request)));
    },

    async version(request: FastifyRequest, reply: FastifyReply) {
      return reply.render(VIEWS.version, await getVersionPage(db, actorOf(request), relationshipIdOf(request), idParam(request, 'versionId')));
    },
  };
}
