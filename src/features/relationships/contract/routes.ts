// Routes for the relationship's contract (issue 5). Wiring only: every route is guarded
// `party` (signed in); the services answer 404 to anyone who is not the mentee or the mentor
// (access.loadForParty / lockForChange) and 409 once the relationship has ended.
import type { FastifyInstance } from 'fastify';
import { party } from '../guards.ts';
import { createContractHandlers } from './handlers.ts';

export async function contractRoutes(app: FastifyInstance): Promise<void> {
  const contract = createContractHandlers(app);
  const base = '/relationships/:relationshipId';

  app.get(`${base}/contract`, party, contract.show);
  app.get(`${base}/contract/edit`, party, contract.showEdit);
  app.post(`${base}/contract/edit`, party, contract.save);
  app.post(`${base}/contract/sign`, party, contract.sign);
  app.get(`${base}/contract/versions`, party, contract.versions);
  app.get(`${base}/contract/versions/:versionId`, party, contract.version);
}
