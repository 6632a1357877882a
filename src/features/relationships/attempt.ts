// The notes, actions and reflections handlers' one way of answering a change the service refused
// (409) or found invalid (400): the page again, as it now is, with the reason and what was typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ValidationError, type FieldErrors } from '../../errors.ts';
import { keptValues } from '../../platform/forms.ts';

export interface PageState {
  status?: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  conflict?: string;
}

/**
 * Runs a change and answers it: a refused change (409) or one the service found invalid (400) shows
 * the page again, as it now is, with the reason — nothing was changed, and what was typed is kept.
 */
export async function attempt(
  request: FastifyRequest,
  change: () => Promise<FastifyReply>,
  again: (state: PageState) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof ValidationError) return again({ status: 400, errors: error.fieldErrors, values: keptValues(request.body) });
    if (error instanceof ConflictError) return again({ status: 409, conflict: error.message, values: keptValues(request.body) });
    throw error;
  }
}
