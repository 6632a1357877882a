// Route guards across the whole app: every route declares a guard (deny by default), and every
// guarded route answers each kind of person the way its guard says. Plus the platform-wide
// responses: outbox availability, security headers, health and the not-found page.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import type { RouteSummary } from '../app.ts';
import { AppError } from '../errors.ts';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { TestClient } from '../../test/support/client.ts';
import { addMembership, buildProgramme, buildUser, sessionCookie, type BuiltUser } from '../../test/support/builders.ts';
import { guardPlugin } from './guard-hook.ts';

let t: TestApp;
let programme: { id: string; name: string };
let otherProgramme: { id: string; name: string };
let plainUser: BuiltUser;
let adminOfThis: BuiltUser;
let adminOfOther: BuiltUser;
let platformAdmin: BuiltUser;
let menteeOfThis: BuiltUser;
let mentorOfThis: BuiltUser;

before(async () => {
  t = await buildTestApp();
  programme = await buildProgramme(t.db);
  otherProgramme = await buildProgramme(t.db);
  plainUser = await buildUser(t.db);
  adminOfThis = await buildUser(t.db);
  adminOfOther = await buildUser(t.db);
  platformAdmin = await buildUser(t.db, { isPlatformAdmin: true });
  await addMembership(t.db, adminOfThis.id, programme.id, 'programme_admin');
  await addMembership(t.db, adminOfOther.id, otherProgramme.id, 'programme_admin');
  menteeOfThis = await buildUser(t.db);
  mentorOfThis = await buildUser(t.db);
  await addMembership(t.db, menteeOfThis.id, programme.id, 'mentee');
  await addMembership(t.db, mentorOfThis.id, programme.id, 'mentor');
});
after(async () => t.close());

const GUARDED = new Set(['platformAdmin', 'programmeAdmin', 'signedIn', 'findMentors', 'actAsMentor']);
const PROBE_PROGRAMME_NAME = 'Guard probe programme';
/** Any other parameter (an outbox message, say): an id that exists nowhere. */
const SOME_OTHER_ID = randomUUID();

function guardedRoutes(): RouteSummary[] {
  return t.app.routeList.filter((route) => route.guard !== undefined && GUARDED.has(route.guard));
}

function concreteUrl(url: string): string {
  return url
    .replace(':programmeId', programme.id)
    // The programme admin of this programme: if a remove were let through, it would delete a row.
    .replace(':userId', adminOfThis.id)
    .replace(/:[A-Za-z]+/g, SOME_OTHER_ID);
}

/** Form bodies that would change something if the guard let them through. */
function formFor(url: string): Record<string, string | string[]> {
  if (url === '/admin/programmes') return { name: PROBE_PROGRAMME_NAME, mentoringTypes: 'traditional' };
  if (url.endsWith('/admins')) return { email: plainUser.email };
  return {};
}

/** A fresh browser for each request, so a route that signs people out cannot affect the next. */
async function requestAs(userId: string | null, route: RouteSummary, form?: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
  const client = new TestClient(t.app);
  if (userId) client.setCookieHeader(await sessionCookie(t.db, userId));
  const url = concreteUrl(route.url);
  if (route.method === 'GET') return client.get(url);
  assert.equal(route.method, 'POST', `unexpected method ${route.method} ${route.url}`);
  // A valid token, so that the guard (not CSRF) is what decides.
  const csrf = await client.csrfToken(userId ? '/account' : '/sign-in');
  return client.post(url, form ?? formFor(route.url), { csrf });
}

function describeRoute(route: RouteSummary): string {
  return `${route.method} ${route.url} (${route.guard ?? 'no guard'})`;
}

function isGuardSignInRedirect(response: LightMyRequestResponse): boolean {
  return response.statusCode === 302 && String(response.headers.location ?? '').startsWith('/sign-in?returnTo=');
}

function assertRefused(response: LightMyRequestResponse, route: RouteSummary, who: string): void {
  assert.equal(response.statusCode, 403, `${who}: ${describeRoute(route)}`);
  // The guard's page, not the CSRF "form could not be sent" page.
  assert.match(response.body, /You do not have access to this page/, `${who}: ${describeRoute(route)}`);
}

function assertLetThrough(response: LightMyRequestResponse, route: RouteSummary, who: string): void {
  const label = `${who}: ${describeRoute(route)} answered ${response.statusCode} ${String(response.headers.location ?? '')}`;
  assert.notEqual(response.statusCode, 403, label);
  assert.ok(!isGuardSignInRedirect(response), label);
  assert.ok(response.statusCode < 500, label);
}

async function membershipCount(): Promise<number> {
  const rows = await t.db.selectFrom('programme_memberships').select('id').execute();
  return rows.length;
}

describe('deny by default', () => {
  test('every route has a guard', () => {
    assert.ok(t.app.routeList.length > 0);
    const unguarded = t.app.routeList.filter((route) => route.guard === undefined).map(describeRoute);
    assert.deepEqual(unguarded, []);
  });

  test('the route list includes the known routes, with the expected guards', () => {
    const guardOf = (method: string, url: string) => t.app.routeList.find((route) => route.method === method && route.url === url)?.guard;
    assert.equal(guardOf('GET', '/health'), 'public');
    assert.equal(guardOf('POST', '/sign-in'), 'public');
    assert.equal(guardOf('GET', '/account'), 'signedIn');
    assert.equal(guardOf('GET', '/admin/programmes'), 'platformAdmin');
    assert.equal(guardOf('POST', '/admin/programmes/:programmeId/admins'), 'platformAdmin');
    assert.equal(guardOf('GET', '/admin/programmes/:programmeId'), 'programmeAdmin');
    assert.equal(guardOf('GET', '/outbox'), 'outbox');
  });

  test('the guard hook refuses a route that declares no guard, before its handler runs', async () => {
    const app = Fastify({ logger: false });
    app.setErrorHandler((error, _request, reply) => reply.status(error instanceof AppError ? error.status : 500).send({ code: error instanceof AppError ? error.code : 'error' }));
    await app.register(guardPlugin);
    let handlerRan = false;
    app.get('/forgot-to-guard', async () => {
      handlerRan = true;
      return { secret: true };
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/forgot-to-guard' });
      assert.equal(response.statusCode, 403);
      assert.deepEqual(response.json(), { code: 'forbidden' });
      assert.equal(handlerRan, false);
    } finally {
      await app.close();
    }
  });
});

describe('every guarded route × every kind of person', () => {
  test('there are guarded routes of each kind to check', () => {
    const kinds = new Set(guardedRoutes().map((route) => route.guard));
    assert.deepEqual([...kinds].sort(), ['actAsMentor', 'findMentors', 'platformAdmin', 'programmeAdmin', 'signedIn']);
  });

  test('anonymous: sent to sign in, coming back to the page (GET) or the start (POST)', async () => {
    for (const route of guardedRoutes()) {
      const response = await requestAs(null, route);
      const expected = route.method === 'GET' ? `/sign-in?returnTo=${encodeURIComponent(concreteUrl(route.url))}` : '/sign-in?returnTo=%2F';
      assert.equal(response.statusCode, 302, describeRoute(route));
      assert.equal(response.headers.location, expected, describeRoute(route));
    }
  });

  test('signed in with no roles: refused on admin routes, let through on signed-in routes', async () => {
    for (const route of guardedRoutes()) {
      const response = await requestAs(plainUser.id, route);
      if (route.guard === 'signedIn') assertLetThrough(response, route, 'no roles');
      else assertRefused(response, route, 'no roles');
    }
  });

  test('programme admin of another programme: refused on this programme and on platform admin routes', async () => {
    for (const route of guardedRoutes()) {
      const response = await requestAs(adminOfOther.id, route);
      if (route.guard === 'signedIn') assertLetThrough(response, route, 'admin of another programme');
      else assertRefused(response, route, 'admin of another programme');
    }
  });

  test('programme admin of this programme: let through on programme routes only (not as a mentee or mentor)', async () => {
    for (const route of guardedRoutes()) {
      const response = await requestAs(adminOfThis.id, route);
      if (route.guard === 'programmeAdmin' || route.guard === 'signedIn') assertLetThrough(response, route, 'admin of this programme');
      else assertRefused(response, route, 'admin of this programme');
    }
  });

  test('approved mentee of this programme: the search and invitations, nothing of the admins\' or mentors\'', async () => {
    for (const route of guardedRoutes()) {
      const response = await requestAs(menteeOfThis.id, route);
      if (route.guard === 'findMentors' || route.guard === 'signedIn') assertLetThrough(response, route, 'mentee of this programme');
      else assertRefused(response, route, 'mentee of this programme');
    }
  });

  test('approved mentor of this programme: seeking posts and offers, nothing of the admins\' or mentees\'', async () => {
    for (const route of guardedRoutes()) {
      const response = await requestAs(mentorOfThis.id, route);
      if (route.guard === 'actAsMentor' || route.guard === 'signedIn') assertLetThrough(response, route, 'mentor of this programme');
      else assertRefused(response, route, 'mentor of this programme');
    }
  });

  test('the refused requests changed nothing', async () => {
    const memberships = await t.db.selectFrom('programme_memberships').select(['user_id', 'programme_id', 'role']).execute();
    assert.equal(memberships.length, 4, 'only the four memberships made in before()');
    assert.ok(memberships.some((m) => m.user_id === adminOfThis.id && m.programme_id === programme.id && m.role === 'programme_admin'), 'the admin was not removed');
    assert.ok(!memberships.some((m) => m.user_id === plainUser.id), 'nobody was appointed');
    const probes = await t.db.selectFrom('programmes').select('id').where('name', '=', PROBE_PROGRAMME_NAME).execute();
    assert.equal(probes.length, 0, 'no programme was created');
  });

  test('platform admin: let through everywhere except acting as a mentee or mentor, which needs that role', async () => {
    const before = await membershipCount();
    for (const route of guardedRoutes()) {
      // Empty forms: the admin is allowed, so the handler runs and (mostly) answers 400.
      const response = await requestAs(platformAdmin.id, route, {});
      if (route.guard === 'findMentors' || route.guard === 'actAsMentor') assertRefused(response, route, 'platform admin');
      else assertLetThrough(response, route, 'platform admin');
    }
    // The remove route ran for real, which shows the admin was let through to the handler.
    assert.equal(await membershipCount(), before - 1);
  });
});

describe('the development outbox', () => {
  test('is there when no SMTP server is configured', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/outbox' });
    assert.equal(response.statusCode, 200);
  });

  test('is not found when SMTP_URL is set', async () => {
    const withSmtp = await buildTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    try {
      assert.equal(withSmtp.config.mail.useOutbox, false);
      const list = await withSmtp.app.inject({ method: 'GET', url: '/outbox' });
      assert.equal(list.statusCode, 404);
      assert.match(list.body, /Page not found/);
      const message = await withSmtp.app.inject({ method: 'GET', url: `/outbox/${randomUUID()}` });
      assert.equal(message.statusCode, 404);
    } finally {
      await withSmtp.close();
    }
  });
});

describe('platform responses', () => {
  test('pages carry a strict CSP with a nonce, nosniff and no-store', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    const csp = String(response.headers['content-security-policy'] ?? '');
    assert.match(csp, /script-src 'self' 'nonce-/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['cache-control'], 'no-store');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce);
    assert.ok(response.body.includes(`nonce="${nonce}"`), 'the inline script carries the nonce of this response');
  });

  test('each response gets its own nonce', async () => {
    const [first, second] = await Promise.all([t.app.inject('/'), t.app.inject('/')]);
    assert.notEqual(first?.headers['content-security-policy'], second?.headers['content-security-policy']);
  });

  test('a NUL character in a form or an address is dropped, never a server error', async () => {
    const client = new TestClient(t.app);
    const registered = await client.post('/register', {
      fullName: 'Nia\u0000 Lloyd', email: 'nia.lloyd.nul@example.nhs.uk', password: 'a long enough pass phrase', confirmPassword: 'a long enough pass phrase',
    }, { from: '/register' });
    assert.ok(registered.statusCode < 500, `answered ${registered.statusCode}`);
    const row = await t.db.selectFrom('users').select('full_name').where('email', '=', 'nia.lloyd.nul@example.nhs.uk').executeTakeFirst();
    assert.equal(row?.full_name, 'Nia Lloyd');
    assert.equal((await t.app.inject({ method: 'GET', url: '/sign-in?returnTo=%00%2Faccount' })).statusCode, 200);
  });

  test('GET /health answers 200 JSON with status ok', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal((response.json() as { status?: unknown }).status, 'ok');
  });

  test('an unknown URL gets the nhsuk not-found page', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/no-such-page-${randomUUID()}` });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /<title>Page not found – Mentoring Hub – NHS<\/title>/);
    assert.match(response.body, /<h1>Page not found<\/h1>/);
  });
});
