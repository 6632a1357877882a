// Typed errors thrown by services. One handler (platform/error-pages.ts) turns them into status codes
// and nhsuk error pages; each has a stable code for logs and tests.

export type FieldErrors = Record<string, string>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

/** The thing asked for does not exist, or the actor may not know that it exists. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'Page not found') {
    super(message);
  }
}

/** The actor is known but the policy does not allow this. */
export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/** The request needs a signed-in person. */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}

/**
 * The action is impossible in the current state (an expired link, a decision already taken).
 * The message is shown to the user, so it must be plain and safe.
 */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'conflict') {
    super(message);
    this.code = code;
  }
}

/** Input that passed the schema but breaks a rule only the service can check. */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation';
  constructor(readonly fieldErrors: FieldErrors) {
    super('The input is not valid');
  }
}

/** Too many attempts in a window; the message says when to try again. */
export class TooManyAttemptsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_attempts';
}
