// Structured logs with a request id. No personal data: cookies, tokens and authorisation headers are
// redacted, and URLs are logged without their query string (it can hold search text or tokens).
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

interface LoggedRequest {
  method: string;
  url: string;
  routeOptions?: { url?: string };
}

export function loggerOptions(config: Config, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token', '*.email'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        // The route pattern ("/reset-password/:token") rather than the path with its values.
        route: request.routeOptions?.url ?? request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
