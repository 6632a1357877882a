// A tiny browser over app.inject: keeps cookies between requests and sends the CSRF token of the
// page a form came from, the way a person's browser would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class TestClient {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  setCookieHeader(header: string): this {
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name) this.cookies.set(name, rest.join('='));
    }
    return this;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(response);
    if (response.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  /** The CSRF token of the last page fetched (or of `from`, fetched first). */
  async csrfToken(from?: string): Promise<string> {
    if (from) await this.get(from);
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastPage);
    if (!match?.[1]) throw new Error('No CSRF token on the last page');
    return match[1];
  }

  async post(url: string, form: Record<string, string | string[]>, options: { from?: string; csrf?: string | false } = {}): Promise<LightMyRequestResponse> {
    const token = options.csrf === false ? undefined : (options.csrf ?? (await this.csrfToken(options.from ?? url)));
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    if (token) body.append('_csrf', token);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    if (response.headers['content-type']?.toString().startsWith('text/html')) this.lastPage = response.body;
    return response;
  }
}
