// Small readers of a request that every feature's handlers need: the signed-in person (the guard
// has already let them in, so a missing actor is a wiring bug, answered as "sign in") and path
// parameters checked by a schema (a malformed id is simply a page that does not exist).
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

export function pathParams<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}
