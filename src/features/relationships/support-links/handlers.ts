// A programme admin's support links: list, add, edit, remove. Thin: read, one service call, redirect
// with a flash, or re-render the form with what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../errors.ts';
import { setFlash } from '../../../platform/flash.ts';
import { parseForm } from '../../../platform/forms.ts';
import { actorOf } from '../../../platform/request.ts';
import { supportLinkKinds } from '../../../db/types.ts';
import { relationshipDeps } from '../deps.ts';
import { idParam } from '../params.ts';
import { LINK_TITLE_MAX, supportKindLabels, supportLinkFields, supportLinkSchema } from './schemas.ts';
import { getSupportLinkForEdit, listSupportLinks, programmeNameFor, removeSupportLink, saveSupportLink, supportPaths } from './service.ts';

export function createSupportHandlers(app: FastifyInstance) {
  const deps = relationshipDeps(app);

  async function renderForm(request: FastifyRequest, reply: FastifyReply, linkId: string | null, state: { status?: number; errors?: FieldErrors; values?: Record<string, unknown> }) {
    const programmeId = idParam(request, 'programmeId');
    const programmeName = await programmeNameFor(deps.db, actorOf(request), programmeId);
    const to = supportPaths(programmeId);
    const values = state.values ?? {};
    return reply.status(state.status ?? 200).render('relationships/support-links/views/form.njk', {
      programmeName, isNew: linkId === null, values, errors: state.errors, fieldOrder: supportLinkFields, titleMax: LINK_TITLE_MAX,
      action: linkId === null ? to.create : to.update(linkId), backHref: to.list,
      kindItems: supportLinkKinds.map((kind) => ({ value: kind, text: supportKindLabels[kind], checked: values.kind === kind })),
    });
  }

  async function save(request: FastifyRequest, reply: FastifyReply, linkId: string | null) {
    const programmeId = idParam(request, 'programmeId');
    const form = parseForm(supportLinkSchema, request.body);
    if (!form.ok) return renderForm(request, reply, linkId, { status: 400, errors: form.errors, values: form.values });
    await saveSupportLink(deps, actorOf(request), programmeId, linkId, form.data);
    setFlash(reply, { kind: 'success', title: linkId === null ? `"${form.data.title}" added` : `"${form.data.title}" saved` });
    return reply.redirect(supportPaths(programmeId).list);
  }

  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      const page = await listSupportLinks(deps.db, actorOf(request), idParam(request, 'programmeId'));
      return reply.render('relationships/support-links/views/list.njk', { ...page, backHref: `/admin/programmes/${page.programme.id}` });
    },
    async showNew(request: FastifyRequest, reply: FastifyReply) {
      return renderForm(request, reply, null, { values: { sortOrder: '1' } });
    },
    async create(request: FastifyRequest, reply: FastifyReply) {
      return save(request, reply, null);
    },
    async showEdit(request: FastifyRequest, reply: FastifyReply) {
      const linkId = idParam(request, 'linkId');
      const values = await getSupportLinkForEdit(deps.db, actorOf(request), idParam(request, 'programmeId'), linkId);
      return renderForm(request, reply, linkId, { values });
    },
    async update(request: FastifyRequest, reply: FastifyReply) {
      return save(request, reply, idParam(request, 'linkId'));
    },
    async remove(request: FastifyRequest, reply: FastifyReply) {
      const programmeId = idParam(request, 'programmeId');
      const title = await removeSupportLink(deps, actorOf(request), programmeId, idParam(request, 'linkId'));
      setFlash(reply, { kind: 'success', title: `"${title}" removed` });
      return reply.redirect(supportPaths(programmeId).list);
    },
  };
}
