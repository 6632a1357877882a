// Real SMTP delivery: an in-process SMTP server receives what the worker sends over the wire, so
// these tests see the envelope and the raw message a mail server would, not a mocked transport.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { buildTestApp, type TestApp } from './support/app.ts';
import { TestClient } from './support/client.ts';
import { createMailer, type Mailer } from '../src/email/mailer.ts';
import { startWorkers } from '../src/jobs/worker.ts';
import { deliverEmail } from '../src/jobs/send-email.ts';

const PASSWORD = 'lantern meadow pebble';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

/** Accepted messages, in order. */
const received: Received[] = [];
/** How many DATA attempts to refuse before accepting again. */
let rejectNext = 0;
let rejected = 0;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (rejectNext > 0) {
        rejectNext -= 1;
        rejected += 1;
        const error = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 });
        callback(error);
        return;
      }
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      received.push({ from, to: session.envelope.rcptTo.map((address) => address.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback(null, 'Queued');
    });
  },
});

let t: TestApp;
let mailer: Mailer;
let workerMailer: Mailer;

before(async () => {
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = smtp.server.address() as AddressInfo;
  t = await buildTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  mailer = createMailer(t.config);
  workerMailer = createMailer(t.config);
  await startWorkers({ db: t.db, jobs: t.jobs, mailer: workerMailer, sessions: t.config.session, config: t.config }, { pollingIntervalSeconds: 0.5 });
});

after(async () => {
  // If a delivery is stuck waiting on a row lock, end the waiting session so that the pool (and
  // the test run) can close instead of hanging for ever.
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`
    .execute(t.db)
    .catch(() => undefined);
  await t.close();
  mailer.close();
  workerMailer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(100);
  }
}

function unfold(headerBlock: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of headerBlock.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function splitHeaders(raw: string): MimePart {
  const end = raw.indexOf('\r\n\r\n');
  assert.ok(end > 0, 'the message has a header block');
  return { headers: unfold(raw.slice(0, end)), body: raw.slice(end + 4) };
}

function decode(part: MimePart): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = part.body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return part.body;
}

/** The top-level headers and the decoded parts of a multipart message (one level deep is all we send). */
function parseMessage(raw: string): { headers: Map<string, string>; parts: { type: string; text: string }[] } {
  const message = splitHeaders(raw);
  const contentType = message.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return { headers: message.headers, parts: [{ type: contentType, text: decode(message) }] };
  const sections = message.body.split(`--${boundary}`).slice(1);
  const parts = sections
    .filter((section) => !section.startsWith('--'))
    .map((section) => splitHeaders(section.replace(/^\r\n/, '')))
    .map((part) => ({ type: (part.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '', text: decode(part) }));
  return { headers: message.headers, parts };
}

/** Statements in this database that are blocked on a lock, with the statement holding it. */
async function lockWaits() {
  const result = await sql<{ waiting: string; blocked_by: string | null }>`
    select waiting.query as waiting, blocker.query as blocked_by
    from pg_stat_activity waiting
    left join pg_stat_activity blocker on blocker.pid = any (pg_blocking_pids(waiting.pid))
    where waiting.datname = current_database() and waiting.wait_event_type = 'Lock'`.execute(t.db);
  return result.rows;
}

function messagesTo(recipient: string): Received[] {
  return received.filter((message) => message.to.includes(recipient));
}

async function register(fullName: string, email: string): Promise<void> {
  const client = new TestClient(t.app);
  const response = await client.post('/register', { fullName, email, password: PASSWORD });
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, '/register/check-email');
}

async function verificationRow(email: string) {
  return t.db.selectFrom('email_messages').selectAll().where('recipient', '=', email).where('template', '=', 'verifyEmail').executeTakeFirstOrThrow();
}

describe('email delivery over SMTP', () => {
  test('a registration is delivered once, as a multipart message with no personal content, and its bodies are then cleared', async () => {
    const email = 'ifeoma.adeyemi@example.nhs.uk';
    const fullName = 'Ifeoma Adeyemi';
    await register(fullName, email);
    const row = await verificationRow(email);

    const [message] = await waitFor('the SMTP server to receive the message', () => (messagesTo(email).length > 0 ? messagesTo(email) : undefined));
    assert.ok(message);
    const sent = await waitFor('the message to be marked sent', async () => {
      const current = await verificationRow(email);
      return current.status === 'sent' ? current : undefined;
    });
    // Give a duplicate delivery a chance to show itself before counting.
    await delay(1500);
    assert.equal(messagesTo(email).length, 1, 'exactly one message reached the SMTP server');
    assert.equal(received.length, 1, 'nothing else was sent');

    assert.deepEqual(message.to, [email], 'one recipient in the envelope: the person who registered');
    assert.match(message.from, /^no-reply@mentoring-hub\.invalid$/);

    const parsed = parseMessage(message.raw);
    assert.equal(parsed.headers.get('subject'), 'Confirm your email address for Mentoring Hub');
    assert.equal(parsed.headers.get('to'), email);
    assert.equal(parsed.headers.get('message-id'), `<${row.id}@localhost>`, 'the Message-ID is built from the email_messages id');
    assert.match(parsed.headers.get('content-type') ?? '', /^multipart\/alternative;/);
    assert.deepEqual(parsed.parts.map((part) => part.type).sort(), ['text/html', 'text/plain']);

    const text = parsed.parts.find((part) => part.type === 'text/plain')?.text ?? '';
    const html = parsed.parts.find((part) => part.type === 'text/html')?.text ?? '';
    assert.match(text, /http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{20,}/);
    assert.match(html, /href="http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{20,}"/);
    for (const secret of [PASSWORD, fullName, 'Ifeoma', 'Adeyemi']) {
      assert.ok(!message.raw.includes(secret), `the raw message does not contain "${secret}"`);
      assert.ok(!text.includes(secret) && !html.includes(secret), `the decoded parts do not contain "${secret}"`);
    }

    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 1);
    assert.equal(sent.last_error, null);
    assert.ok(sent.sent_at);
    assert.equal(sent.text_body, null, 'the text body is cleared after real delivery');
    assert.equal(sent.html_body, null, 'the HTML body is cleared after real delivery');
  });

  test('a refused delivery stays queued with its error, a retry delivers it once, and a sent message is never sent again', async () => {
    const email = 'callum.fraser@example.nhs.uk';
    rejectNext = 1;
    const rejectedBefore = rejected;
    await register('Callum Fraser', email);
    const row = await verificationRow(email);

    // The worker's attempt is refused by the SMTP server.
    await waitFor('the SMTP server to refuse the first attempt', () => (rejected > rejectedBefore ? true : undefined));
    const failed = await waitFor('the refused attempt to be recorded on the message', async () => {
      const current = await verificationRow(email);
      return current.attempts > 0 ? current : undefined;
    }).catch(async (error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; sessions waiting on a lock: ${JSON.stringify(await lockWaits())}`);
    });
    assert.equal(failed.status, 'queued');
    assert.equal(failed.attempts, 1);
    assert.match(failed.last_error ?? '', /Mailbox temporarily unavailable/);
    assert.ok(failed.text_body, 'the bodies are kept until the message is delivered');
    assert.equal(messagesTo(email).length, 0);

    // pg-boss would retry after 30 s; run the retry now, the way its handler does.
    assert.equal(await deliverEmail(t.db, mailer, row.id), 'sent');
    assert.equal(messagesTo(email).length, 1);
    const sent = await verificationRow(email);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 2);
    assert.equal(sent.last_error, null);
    assert.equal(sent.text_body, null);

    assert.equal(await deliverEmail(t.db, mailer, row.id), 'skipped');
    await delay(500);
    assert.equal(messagesTo(email).length, 1, 'a sent message is not sent again');
  });
});
