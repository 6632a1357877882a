// What every mentee handler needs: its dependencies and the route's ids.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors.ts';
import { idParams } from './schemas.ts';
import type { MenteeDeps } from './transitions.ts';

export function menteeDeps(app: FastifyInstance): MenteeDeps {
  return { ...app.deps, views: app.views };
}

export function routeIds(request: FastifyRequest): { programmeId: string; applicationId: string } {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw new NotFoundError();
  return { programmeId: parsed.data.programmeId, applicationId: parsed.data.applicationId ?? '' };
}
