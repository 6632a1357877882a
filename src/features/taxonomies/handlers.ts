// Taxonomy pages for platform admins: list, terms of one taxonomy, add, rename, retire, restore.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TaxonomyName } from '../../db/types.ts';
import { ValidationError, type FieldErrors } from '../../errors.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { setFlash } from '../../platform/flash.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { addTerm, getTerm, listTaxonomySummaries, listTermsWithUsage, renameTerm, setTermRetired } from './admin-service.ts';
import { taxonomyInfo } from './names.ts';
import { addTermFields, addTermSchema, renameTermFields, renameTermSchema, taxonomyParams, termParams } from './schemas.ts';
import { listTermsForForms } from './service.ts';

const TERMS_VIEW = 'taxonomies/views/terms.njk';
const RENAME_VIEW = 'taxonomies/views/rename.njk';

export function createTaxonomyHandlers(app: FastifyInstance) {
  const { db } = app.deps;

  async function renderTerms(reply: FastifyReply, taxonomy: TaxonomyName, form: { errors?: FieldErrors; values?: Record<string, unknown> } = {}) {
    const [terms, forForms] = await Promise.all([listTermsWithUsage(db, taxonomy), taxonomy === 'ics' ? listTermsForForms(db) : undefined]);
    return reply.render(TERMS_VIEW, {
      taxonomy, info: taxonomyInfo[taxonomy], terms, regions: forForms?.region ?? [],
      errors: form.errors, values: form.values ?? {}, fieldOrder: addTermFields,
    });
  }

  /** Retire or restore, then back to the list with a banner that names the term. */
  function retirement(retire: boolean) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const { taxonomy, termId } = pathParams(termParams, request);
      const { label } = await setTermRetired(db, actorOf(request), taxonomy, termId, retire);
      setFlash(reply, retire
        ? { kind: 'success', title: `${label} retired`, text: 'It is no longer offered for new answers. Profiles that already have it keep it.' }
        : { kind: 'success', title: `${label} restored`, text: 'It is offered for new answers again.' });
      return reply.redirect(`/admin/taxonomies/${taxonomy}`);
    };
  }

  return {
    async list(_request: FastifyRequest, reply: FastifyReply) {
      const summaries = (await listTaxonomySummaries(db)).map((summary) => ({ ...summary, info: taxonomyInfo[summary.taxonomy] }));
      return reply.render('taxonomies/views/list.njk', { summaries });
    },

    async showTerms(request: FastifyRequest, reply: FastifyReply) {
      return renderTerms(reply, pathParams(taxonomyParams, request).taxonomy);
    },

    async addTerm(request: FastifyRequest, reply: FastifyReply) {
      const { taxonomy } = pathParams(taxonomyParams, request);
      const form = parseForm(addTermSchema(taxonomy), request.body);
      if (!form.ok) return renderTerms(reply.status(400), taxonomy, form);
      try {
        await addTerm(db, actorOf(request), taxonomy, form.data);
      } catch (error) {
        if (error instanceof ValidationError) return renderTerms(reply.status(400), taxonomy, { errors: error.fieldErrors, values: keptValues(request.body) });
        throw error;
      }
      setFlash(reply, { kind: 'success', title: `${form.data.label} added` });
      return reply.redirect(`/admin/taxonomies/${taxonomy}`);
    },

    async showRename(request: FastifyRequest, reply: FastifyReply) {
      const { taxonomy, termId } = pathParams(termParams, request);
      const term = await getTerm(db, taxonomy, termId);
      return reply.render(RENAME_VIEW, { taxonomy, info: taxonomyInfo[taxonomy], term, values: { label: term.label } });
    },

    async rename(request: FastifyRequest, reply: FastifyReply) {
      const { taxonomy, termId } = pathParams(termParams, request);
      const term = await getTerm(db, taxonomy, termId);
      const errorView = (errors: FieldErrors) =>
        reply.status(400).render(RENAME_VIEW, { taxonomy, info: taxonomyInfo[taxonomy], term, errors, values: keptValues(request.body), fieldOrder: renameTermFields });
      const form = parseForm(renameTermSchema(taxonomy), request.body);
      if (!form.ok) return errorView(form.errors);
      try {
        await renameTerm(db, actorOf(request), taxonomy, termId, form.data.label);
      } catch (error) {
        if (error instanceof ValidationError) return errorView(error.fieldErrors);
        throw error;
      }
      setFlash(reply, { kind: 'success', title: `${term.label} renamed to ${form.data.label}` });
      return reply.redirect(`/admin/taxonomies/${taxonomy}`);
    },

    retire: retirement(true),
    restore: retirement(false),
  };
}
