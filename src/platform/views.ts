// Server-rendered pages: one Nunjucks environment over our views, each feature's views and
// nhsuk-frontend's macros. reply.render() adds what every page needs (who is signed in, the CSRF
// token, the CSP nonce, any flash message) and sends the HTML.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import type { Config } from '../config.ts';
import { readFlash } from './flash.ts';
import { formatDate, formatDateTime } from './formatting.ts';
import { errorList } from './forms.ts';
import type { FieldErrors } from '../errors.ts';

const sourceDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nhsukDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('nhsuk-frontend/package.json'))), 'dist');

export function createViewEnvironment(config: Pick<Config, 'serviceName' | 'env'>): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([path.join(sourceDir, 'views'), path.join(sourceDir, 'features'), path.join(sourceDir, 'email'), nhsukDir], {
      // Re-read templates on every render only while developing; tests and production compile once.
      noCache: config.env === 'development',
    }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addGlobal('serviceName', config.serviceName);
  // NHS style: "22 November 2026", "22 November 2026 at 2:14pm" (platform/formatting.ts).
  env.addFilter('govukDate', (value: Date | string | null) => (value ? formatDate(value) : ''));
  env.addFilter('govukDateTime', (value: Date | string | null) => (value ? formatDateTime(value) : ''));
  return env;
}

/** What a page template is given: any object (interfaces included); every key becomes a template variable. */
export type PageContext = object;

declare module 'fastify' {
  interface FastifyReply {
    render(template: string, context?: PageContext): FastifyReply;
    /** The page as render() would send it, for a caller that sends it itself (the search page's cache). */
    renderToString(template: string, context?: PageContext): string;
    scriptNonce: string;
  }
  interface FastifyInstance {
    views: nunjucks.Environment;
  }
}

export const viewsPlugin = fp(async (app, options: { config: Config }) => {
  const env = createViewEnvironment(options.config);
  app.decorate('views', env);
  app.decorateReply('scriptNonce', '');
  app.decorateReply('renderToString', function renderToString(this, template: string, page: PageContext = {}) {
    const request = this.request;
    const context = page as Record<string, unknown>;
    const errors = context.errors as FieldErrors | undefined;
    const errorSummaryList = errors ? errorList(errors, (context.fieldOrder as string[] | undefined) ?? []) : undefined;
    return env.render(template, {
      actor: request.actor,
      currentPath: request.url.split('?')[0],
      csrfToken: this.generateCsrf(),
      cspNonce: this.scriptNonce,
      flash: readFlash(request, this),
      errorSummaryList,
      ...context,
    });
  });
  app.decorateReply('render', function render(this, template: string, context: PageContext = {}) {
    return this.type('text/html; charset=utf-8').send(this.renderToString(template, context));
  });
});
