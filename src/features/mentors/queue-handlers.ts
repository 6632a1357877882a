// The programme admin's side: the queue of mentor applications, one applicant, the decision, and
// verifying a training record. The guard lets in admins of the programme in the address; the
// services check again and only find applications of that programme.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../auth/actor.ts';
import { ValidationError } from '../../errors.ts';
import { setFlash } from '../../platform/flash.ts';
import { keptValues, parseForm } from '../../platform/forms.ts';
import { actorOf, pathParams } from '../../platform/request.ts';
import { decisionFields, decisionSchema, idParams, queueQuery, queueTabs } from './application-schemas.ts';
import { DecisionConflictError, decideApplication } from './decision-service.ts';
import { paths } from './deps.ts';
import { formatWhen } from '../../platform/formatting.ts';
import { mentorDeps } from './handler-support.ts';
import { getApplicantPage, getQueue } from './queue-service.ts';
import { mentorApplicationMachine } from './statuses.ts';
import { verifyTraining } from './training-service.ts';

const tabLabels = {
  submitted: 'Awaiting decision',
  more_info_requested: 'More information requested',
  approved: 'Approved',
  rejected: 'Rejected',
  training: 'Training to verify',
} as const;

/** "Another admin decided this application at 2:14pm: approved". */
const decisionWords = { approved: 'approved', rejected: 'rejected', more_info_requested: 'asked for more information', submitted: 'submitted', draft: 'draft' } as const;
const decisionFlash = { approved: 'Application approved', rejected: 'Application rejected', more_info_requested: 'More information requested', submitted: '', draft: '' } as const;

function ids(request: FastifyRequest) {
  const params = pathParams(idParams, request);
  return { programmeId: params.programmeId, applicationId: params.applicationId ?? '', recordId: params.recordId ?? '' };
}

export function createQueueHandlers(app: FastifyInstance) {
  const deps = mentorDeps(app);

  async function renderApplicant(reply: FastifyReply, actor: Actor, programmeId: string, applicationId: string, extra: Record<string, unknown> = {}) {
    const page = await getApplicantPage(deps.db, actor, programmeId, applicationId);
    return reply.render('mentors/views/applicant.njk', {
      ...page,
      statusTags: mentorApplicationMachine.labels.admin,
      statusWords: mentorApplicationMachine.labels.history,
      queuePath: paths.queue(programmeId),
      selfPath: paths.applicant(programmeId, applicationId),
      values: {},
      fieldOrder: decisionFields,
      ...extra,
    });
  }

  return {
    async queue(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId } = ids(request);
      const query = queueQuery.parse(request.query ?? {});
      const page = await getQueue(deps.db, actorOf(request), programmeId, query);
      const filterQuery = new URLSearchParams({ ...(query.profession ? { profession: query.profession } : {}), ...(query.region ? { region: query.region } : {}) });
      const tabs = queueTabs.map((tab) => {
        const params = new URLSearchParams(filterQuery);
        params.set('status', tab);
        return { key: tab, text: tabLabels[tab], count: page.counts[tab], href: `${paths.queue(programmeId)}?${params.toString()}`, current: tab === query.status };
      });
      return reply.render('mentors/views/queue.njk', {
        ...page, query, tabs, currentTab: tabLabels[query.status], statusTags: mentorApplicationMachine.labels.admin, queuePath: paths.queue(programmeId),
        isFiltered: Boolean(query.profession ?? query.region),
      });
    },

    async applicant(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, applicationId } = ids(request);
      return renderApplicant(reply, actorOf(request), programmeId, applicationId);
    },

    async decide(request: FastifyRequest, reply: FastifyReply) {
      const actor = actorOf(request);
      const { programmeId, applicationId } = ids(request);
      const form = parseForm(decisionSchema, request.body);
      if (!form.ok) return renderApplicant(reply.status(400), actor, programmeId, applicationId, { errors: form.errors, values: form.values });
      try {
        const outcome = await decideApplication(deps, actor, programmeId, applicationId, form.data);
        setFlash(reply, { kind: 'success', title: decisionFlash[outcome], text: 'We have emailed the applicant to sign in and see your decision.' });
        return reply.redirect(paths.applicant(programmeId, applicationId));
      } catch (error) {
        if (error instanceof DecisionConflictError) {
          const conflict = error.decidedAt
            ? `Another admin decided this application ${formatWhen(error.decidedAt)}: ${decisionWords[error.applicationStatus]}`
            : error.message;
          return renderApplicant(reply.status(409), actor, programmeId, applicationId, { conflict, values: keptValues(request.body) });
        }
        if (error instanceof ValidationError) return renderApplicant(reply.status(400), actor, programmeId, applicationId, { errors: error.fieldErrors, values: keptValues(request.body) });
        throw error;
      }
    },

    async verifyTraining(request: FastifyRequest, reply: FastifyReply) {
      const { programmeId, applicationId, recordId } = ids(request);
      const result = await verifyTraining(deps, actorOf(request), programmeId, applicationId, recordId);
      setFlash(reply, { kind: 'success', title: result === 'verified' ? 'Training record verified' : 'This training record was already verified' });
      return reply.redirect(paths.applicant(programmeId, applicationId));
    },
  };
}
