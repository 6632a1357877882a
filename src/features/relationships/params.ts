// Reading the ids in a relationship page's address. Anything that is not a UUID is a 404, the same
// answer as for a relationship you are not part of.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pathParams } from '../../platform/request.ts';

const relationshipParams = z.object({ relationshipId: z.uuid() });

/** The relationship id in the address; anything that is not one is a 404, like a relationship you are not part of. */
export function relationshipIdOf(request: FastifyRequest): string {
  return pathParams(relationshipParams, request).relationshipId;
}

/** Another id in the address (a goal, a session, a concern …), checked the same way. */
export function idParam(request: FastifyRequest, name: string): string {
  return pathParams(z.object({ [name]: z.uuid() }), request)[name] as string;
}
