// Training and accreditation records: list, add, change, remove (with a confirmation page).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { setFlash } from '../../platform/flash.ts';
import { parseForm } from '../../platform/forms.ts';
import { dateFieldValues } from '../../platform/date-fields.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { paths } from './deps.ts';
import { mentorDeps, returnPath } from './handler-support.ts';
import { trainingFields, trainingSchema } from './training-schemas.ts';
import { addTraining, getOwnTraining, listTraining, removeTraining, updateTraining, type TrainingRecordView } from './training-service.ts';

const recordParams = z.object({ recordId: z.uuid() });

/** Back to the training list, unless the person came from an application's check page. */
function queryReturn(request: FastifyRequest): string {
  return returnPath((request.query as { returnTo?: unknown }).returnTo ?? paths.training);
}

function bodyReturn(request: FastifyRequest): string {
  return returnPath((request.body as { returnTo?: unknown } | undefined)?.returnTo ?? paths.training);
}
const FORM = 'mentors/views/training-form.njk';

function formValues(record: TrainingRecordView): Record<string, string> {
  return {
    body: record.body, qualification: record.qualification, level: record.level,
    ...dateFieldValues('completedOn', record.completedOn), ...dateFieldValues('expiresOn', record.expiresOn),
  };
}

export function createTrainingHandlers(app: FastifyInstance) {
  const deps = mentorDeps(app);

  return {
    async list(request: FastifyRequest, reply: FastifyReply) {
      return reply.render('mentors/views/training-list.njk', { training: await listTraining(deps.db, actorOf(request).id) });
    },

    async showNew(request: FastifyRequest, reply: FastifyReply) {
      return reply.render(FORM, { values: {}, returnTo: queryReturn(request) });
    },

    async create(request: FastifyRequest, reply: FastifyReply) {
      const returnTo = bodyReturn(request);
      const form = parseForm(trainingSchema, request.body);
      if (!form.ok) return reply.status(400).render(FORM, { errors: form.errors, values: form.values, fieldOrder: trainingFields, returnTo });
      await addTraining(deps, actorOf(request), form.data);
      setFlash(reply, { kind: 'success', title: 'Training record added', text: 'A programme admin will verify it.' });
      return reply.redirect(returnTo);
    },

    async showEdit(request: FastifyRequest, reply: FastifyReply) {
      const record = await getOwnTraining(deps.db, actorOf(request), pathParams(recordParams, request).recordId);
      return reply.render(FORM, { record, values: formValues(record), returnTo: queryReturn(request) });
    },

    async update(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { recordId } = pathParams(recordParams, request);
      const returnTo = bodyReturn(request);
      const form = parseForm(trainingSchema, request.body);
      if (!form.ok) {
        const record = await getOwnTraining(deps.db, actor, recordId);
        return reply.status(400).render(FORM, { record, errors: form.errors, values: form.values, fieldOrder: trainingFields, returnTo });
      }
      await updateTraining(deps, actor, recordId, form.data);
      setFlash(reply, { kind: 'success', title: 'Training record saved' });
      return reply.redirect(returnTo);
    },

    async showRemove(request: FastifyRequest, reply: FastifyReply) {
      const record = await getOwnTraining(deps.db, actorOf(request), pathParams(recordParams, request).recordId);
      return reply.render('mentors/views/training-remove.njk', { record, returnTo: queryReturn(request) });
    },

    async remove(request: FastifyRequest, reply: FastifyReply) {
      await removeTraining(deps, actorOf(request), pathParams(recordParams, request).recordId);
      setFlash(reply, { kind: 'success', title: 'Training record removed' });
      return reply.redirect(bodyReturn(request));
    },
  };
}
