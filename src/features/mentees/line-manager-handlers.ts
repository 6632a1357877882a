// The line manager's pages, reached only by the emailed link. Public (they have no account); the
// link's token is what the service checks. Nothing here signs anyone in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../../platform/forms.ts';
import { TIME_COMMITMENT } from './emails.ts';
import { respondAsLineManager, viewLineManagerRequest, type LinkProblem } from './line-manager-service.ts';
import { lineManagerFields, lineManagerSchema, REASON_MAX, tokenQuery } from './schemas.ts';
import { menteeDeps } from './handler-support.ts';

function linkProblem(reply: FastifyReply, problem: LinkProblem) {
  return reply.status(400).render('mentees/views/line-manager-link-problem.njk', { problem });
}

export function createLineManagerHandlers(app: FastifyInstance) {
  const deps = menteeDeps(app);

  return {
    async show(request: FastifyRequest, reply: FastifyReply) {
      const query = tokenQuery.safeParse(request.query);
      const lookup = query.success ? await viewLineManagerRequest(deps.db, query.data.token) : ({ ok: false, problem: 'unknown' } as const);
      if (!lookup.ok) return linkProblem(reply, lookup.problem);
      return reply.render('mentees/views/line-manager-respond.njk', { ...lookup.page, values: { token: query.data?.token }, timeCommitment: TIME_COMMITMENT, reasonMax: REASON_MAX });
    },

    async respond(request: FastifyRequest, reply: FastifyReply) {
      const form = parseForm(lineManagerSchema, request.body);
      if (!form.ok) {
        const token = typeof form.values.token === 'string' ? form.values.token : '';
        const lookup = token ? await viewLineManagerRequest(deps.db, token) : ({ ok: false, problem: 'unknown' } as const);
        if (!lookup.ok) return linkProblem(reply, lookup.problem);
        return reply.status(400).render('mentees/views/line-manager-respond.njk', {
          ...lookup.page, errors: form.errors, values: form.values, fieldOrder: lineManagerFields, timeCommitment: TIME_COMMITMENT, reasonMax: REASON_MAX,
        });
      }
      const outcome = await respondAsLineManager(deps, form.data);
      if (!outcome.ok) return linkProblem(reply, outcome.problem);
      return reply.redirect(`/line-manager/responded?decision=${outcome.decision}`);
    },

    async showResponded(request: FastifyRequest, reply: FastifyReply) {
      const { decision } = request.query as { decision?: string };
      return reply.render('mentees/views/line-manager-responded.njk', { supported: decision === 'supported', notSupported: decision === 'not_supported' });
    },
  };
}
