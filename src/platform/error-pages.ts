// One place turns errors into status codes and nhsuk error pages. Typed application errors show
// their message; anything else is a 500 with no detail outside development, logged with the
// request id so it can be found.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

interface ErrorView {
  status: number;
  template: string;
  context: Record<string, unknown>;
}

function viewFor(error: FastifyError | AppError, showDetail: boolean): ErrorView {
  if (error instanceof AppError) {
    if (error.status === 404) return { status: 404, template: 'errors/not-found.njk', context: {} };
    if (error.status === 403) return { status: 403, template: 'errors/forbidden.njk', context: { message: error.message } };
    return { status: error.status, template: 'errors/problem.njk', context: { message: error.message } };
  }
  if (error.code?.startsWith('FST_CSRF')) {
    return { status: 403, template: 'errors/form-expired.njk', context: {} };
  }
  if (error.statusCode === 429) {
    return { status: 429, template: 'errors/problem.njk', context: { title: 'Too many requests', message: 'Wait a minute, then try again.' } };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, template: 'errors/problem.njk', context: { message: 'The request could not be understood.' } };
  }
  return { status: 500, template: 'errors/server-error.njk', context: showDetail ? { detail: error.stack } : {} };
}

export const errorPagesPlugin = fp(async (app) => {
  const showDetail = app.deps.config.env === 'development';

  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const view = viewFor(error, showDetail);
    if (view.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: (error as AppError).code ?? error.code, status: view.status }, 'request refused');
    reply.status(view.status);
    try {
      return reply.render(view.template, view.context);
    } catch (renderError) {
      request.log.error({ err: renderError }, 'error page failed to render');
      return reply.type('text/plain').send('Sorry, there is a problem with the service.');
    }
  });

  app.setNotFoundHandler(async (_request, reply) => reply.status(404).render('errors/not-found.njk'));
});
