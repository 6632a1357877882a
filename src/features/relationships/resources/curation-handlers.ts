// The curation pages of a resource library (the platform's or a programme's): the list, adding,
// editing, retiring and restoring. Thin: read the address and form, call one service function,
// redirect with a flash or re-render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../auth/actor.ts';
import { ConflictError, type FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { keptValues, parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { relationshipDeps } from '../deps.ts';
import { ticked } from '../fields.ts';
import { idParam } from '../params.ts';
import { phases } from '../phases.ts';
import {
  createResource, curationPaths, getForEdit, libraryName, listForCuration, setRetired, updateResource, type LibraryScope,
} from './curation-service.ts';
import { BODY_MAX, SUMMARY_MAX, resourceFields, resourceSchema, resourceTopics, topicLabels } from './schemas.ts';

interface FormState {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
}

/** Checkbox items with what the person ticked (a kept form value may be one string or several). */
function checkboxItems(options: { value: string; text: string }[], chosen: unknown) {
  const ticks = ticked(chosen).map(String);
  return options.map((option) => ({ ...option, checked: ticks.includes(option.value) }));
}

export function createCurationHandlers(app: FastifyInstance, scopeOf: (request: FastifyRequest) => LibraryScope) {
  const deps = relationshipDeps(app);

  async function renderForm(reply: FastifyReply, actor: Actor, scope: LibraryScope, resourceId: string | null, state: FormState) {
    const to = curationPaths(scope);
    const name = await libraryName(deps.db, actor, scope);
    const values = state.values ?? {};
    return reply.status(state.status ?? 200).render('relationships/resources/views/form.njk', {
      name, isNew: resourceId === null, values, errors: state.errors, conflict: state.conflict, fieldOrder: resourceFields,
      action: resourceId === null ? to.create : to.update(resourceId), backHref: to.list, summaryMax: SUMMARY_MAX, bodyMax: BODY_MAX,
      phaseItems: checkboxItems(phases.map((p) => ({ value: p.code, text: p.label })), values.phases),
      topicItems: checkboxItems(resourceTopics.map((code) => ({ value: code, text: topicLabels[code] })), values.topics),
    });
  }

  async function save(request: FastifyRequest, reply: FastifyReply, resourceId: string | null) {
    const actor = actorOf(request);
    const scope = scopeOf(request);
    const form = parseForm(resourceSchema, request.body);
    if (!form.ok) return renderForm(reply, actor, scope, resourceId, { status: 400, errors: form.errors, values: form.values });
    try {
      if (resourceId === null) await createResource(deps, actor, scope, form.data);
      else await updateResource(deps, actor, scope, resourceId, form.data);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return renderForm(reply, actor, scope, resourceId, { status: 409, conflict: error.message, values: keptValues(request.body) });
    }
    setFlash(reply, { kind: 'success', title: resourceId === null ? `"${form.data.title}" added` : `"${form.data.title}" saved` });
    return reply.redirect(curationPaths(scope).list);
  }

  async function retireOrRestore(request: FastifyRequest, reply: FastifyReply, retire: boolean) {
    const scope = scopeOf(request);
    const title = await setRetired(deps, actorOf(request), scope, idParam(request, 'resourceId'), retire);
    setFlash(reply, retire
      ? { kind: 'success', title: `"${title}" retired`, text: 'Mentees and mentors no longer see it. You can restore it at any time.' }
      : { kind: 'success', title: `"${title}" restored`, text: 'Mentees and mentors can see it again.' });
    return reply.redirect(curationPaths(scope).list);
  }

  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      const scope = scopeOf(request);
      const page = await listForCuration(deps.db, actorOf(request), scope);
      return reply.render('relationships/resources/views/list.njk', { ...page, backHref: scope.programmeId === null ? '/admin/programmes' : `/admin/programmes/${scope.programmeId}` });
    },
    async showNew(request: FastifyRequest, reply: FastifyReply) {
      return renderForm(reply, actorOf(request), scopeOf(request), null, {});
    },
    async create(request: FastifyRequest, reply: FastifyReply) {
      return save(request, reply, null);
    },
    async showEdit(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const scope = scopeOf(request);
      const resourceId = idParam(request, 'resourceId');
      const { values } = await getForEdit(deps.db, actor, scope, resourceId);
      return renderForm(reply, actor, scope, resourceId, { values });
    },
    async update(request: FastifyRequest, reply: FastifyReply) {
      return save(request, reply, idParam(request, 'resourceId'));
    },
    async retire(request: FastifyRequest, reply: FastifyReply) {
      return retireOrRestore(request, reply, true);
    },
    async restore(request: FastifyRequest, reply: FastifyReply) {
      return retireOrRestore(request, reply, false);
    },
  };
}
