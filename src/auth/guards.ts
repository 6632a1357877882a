// Route guards: every route declares one in its config, and a route without one is refused
// (deny by default). A guard answers allow, sign-in (not signed in) or deny (signed in, not allowed).
import type { FastifyRequest } from 'fastify';
import { policies } from './policies.ts';

export type GuardResult = 'allow' | 'sign-in' | 'deny' | 'not-found';

export interface Guard {
  name: string;
  check(request: FastifyRequest): GuardResult;
}

function signedIn(name: string, rule: (request: FastifyRequest) => boolean): Guard {
  return {
    name,
    check: (request) => (request.actor === null ? 'sign-in' : rule(request) ? 'allow' : 'deny'),
  };
}

function param(request: FastifyRequest, name: string): string {
  const params = request.params as Record<string, string | undefined>;
  return params[name] ?? '';
}

export const guards = {
  /** Public pages: start page, health, static pages, sign-in forms. */
  public: { name: 'public', check: () => 'allow' } satisfies Guard,
  signedIn: signedIn('signedIn', () => true),
  platformAdmin: signedIn('platformAdmin', (request) => policies.canAdministerPlatform(request.actor)),
  programmeAdmin: (paramName = 'programmeId'): Guard =>
    signedIn('programmeAdmin', (request) => policies.canManageProgramme(request.actor, param(request, paramName))),
  /** Search the register and invite mentors: approved mentees of the programme in the address. */
  findMentors: (paramName = 'programmeId'): Guard =>
    signedIn('findMentors', (request) => policies.canFindMentors(request.actor, param(request, paramName))),
  /** Browse "seeking a mentor" posts and offer chemistry meetings: approved mentors of that programme. */
  actAsMentor: (paramName = 'programmeId'): Guard =>
    signedIn('actAsMentor', (request) => policies.canActAsMentor(request.actor, param(request, paramName))),
  outbox: {
    name: 'outbox',
    check: (request) => (policies.canReadOutbox(request.actor, request.server.deps.config.mail.useOutbox) ? 'allow' : 'not-found'),
  } satisfies Guard,
} as const;
