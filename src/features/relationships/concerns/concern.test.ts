// Raising a concern: it reaches the programme's admins and nobody else. The other party's pages and
// emails never carry it; admins of another programme cannot open it; admins record actions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { emailsTo } from '../../../../test/support/emails.ts';
import { SECRET_CONCERN, buildOutsiders, buildRelationship, endDirectly, postAs, type Pair } from '../testing.ts';

const ADMIN_NOTE = 'ADMIN-NOTE-MARKER-31f0: spoke to the mentor\'s line manager';

let t: TestApp;
let pair: Pair;
let others: Awaited<ReturnType<typeof buildOutsiders>>;
before(async () => {
  t = await buildTestApp();
  pair = await buildRelationship(t);
  others = await buildOutsiders(t, pair.programmeId);
});
after(async () => t.close());

const concernPath = () => `/relationships/${pair.relationshipId}/concern`;
const queue = () => `/admin/programmes/${pair.programmeId}/concerns`;

async function concernCount(): Promise<number> {
  return Number((await t.db.selectFrom('concerns').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

test('the mentee raises a concern: stored, admins emailed without content, the mentor never told', async () => {
  const form = await pair.mentee.client.get(concernPath());
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Who can see this:/);
  assert.match(form.body, new RegExp(`${pair.mentor.user.fullName} is not told`));
  const response = await postAs(pair.mentee, concernPath(), { body: SECRET_CONCERN });
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, concernPath());
  const confirmation = await pair.mentee.client.get(concernPath());
  assert.match(confirmation.body, /Your concern has been sent to the programme admins/);
  assert.match(confirmation.body, /Raised on [^:]+: open/);

  const row = await t.db.selectFrom('concerns').selectAll().where('relationship_id', '=', pair.relationshipId).executeTakeFirstOrThrow();
  assert.equal(row.body, SECRET_CONCERN);
  assert.equal(row.raised_by, pair.mentee.user.id);
  assert.equal(row.programme_id, pair.programmeId);

  const adminEmails = await emailsTo(t.db, others.programmeAdmin.user.email);
  assert.equal(adminEmails.length, 1);
  const [email] = adminEmails;
  assert.ok(email);
  assert.ok(email.text_body?.includes(queue()));
  for (const part of [email.subject, email.text_body, email.html_body]) {
    assert.ok(!String(part).includes(SECRET_CONCERN.slice(0, 20)), 'no concern text in the email');
    assert.ok(!String(part).includes(pair.mentee.user.fullName), 'nor who raised it');
  }
  const everything = await t.db.selectFrom('email_messages').select(['recipient', 'subject', 'text_body', 'html_body']).execute();
  assert.ok(everything.every((e) => ![e.subject, e.text_body, e.html_body].join(' ').includes('CONCERN-MARKER')));
  assert.equal((await emailsTo(t.db, pair.mentor.user.email)).length, 0, 'the mentor is not emailed');
  assert.equal((await emailsTo(t.db, others.otherProgrammeAdmin.user.email)).length, 0);

  for (const path of [`/relationships/${pair.relationshipId}`, `/relationships/${pair.relationshipId}/resources`, concernPath(), '/']) {
    const page = await pair.mentor.client.get(path);
    assert.ok(!page.body.includes('CONCERN-MARKER'), path);
    assert.doesNotMatch(page.body, /Raised on/, path);
  }
});

test('the programme\'s admins see it with who raised it and about whom; others cannot', async () => {
  const list = await others.programmeAdmin.client.get(queue());
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Open \(1\)/);
  assert.match(list.body, new RegExp(`${pair.mentee.user.fullName} \\(mentee\\) and ${pair.mentor.user.fullName} \\(mentor\\)`));
  const concern = await t.db.selectFrom('concerns').select('id').where('relationship_id', '=', pair.relationshipId).executeTakeFirstOrThrow();
  const page = await others.programmeAdmin.client.get(`${queue()}/${concern.id}`);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('CONCERN-MARKER-9a4c'));
  assert.match(page.body, new RegExp(`${pair.mentee.user.fullName} \\(the mentee\\)`));

  assert.equal((await others.otherProgrammeAdmin.client.get(queue())).statusCode, 403);
  assert.equal((await others.otherProgrammeAdmin.client.get(`${queue()}/${concern.id}`)).statusCode, 403);
  const theirs = (await t.db.selectFrom('programme_memberships').select('programme_id').where('user_id', '=', others.otherProgrammeAdmin.user.id).executeTakeFirstOrThrow()).programme_id;
  const viaOwn = await others.otherProgrammeAdmin.client.get(`/admin/programmes/${theirs}/concerns/${concern.id}`);
  assert.equal(viaOwn.statusCode, 404);
  assert.ok(!viaOwn.body.includes('CONCERN-MARKER'));
  for (const who of [pair.mentee, pair.mentor, others.otherMentor]) assert.equal((await who.client.get(queue())).statusCode, 403);
});

test('admins record actions and set the status; the raiser sees the status but never the notes', async () => {
  const concern = await t.db.selectFrom('concerns').select('id').where('relationship_id', '=', pair.relationshipId).executeTakeFirstOrThrow();
  const path = `${queue()}/${concern.id}`;
  const bad = await postAs(others.programmeAdmin, path, { note: '', status: 'nonsense' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter what you did or decided/);
  assert.match(bad.body, /Choose the status of the concern/);
  assert.equal((await t.db.selectFrom('concern_actions').selectAll().execute()).length, 0);

  const done = await postAs(others.programmeAdmin, path, { note: ADMIN_NOTE, status: 'in_progress' });
  assert.equal(done.statusCode, 302);
  const row = await t.db.selectFrom('concerns').select('status').where('id', '=', concern.id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'in_progress');
  const page = await others.programmeAdmin.client.get(path);
  assert.ok(page.body.includes(ADMIN_NOTE.slice(0, 25)));
  assert.match(page.body, /In progress/);
  assert.match((await others.programmeAdmin.client.get(queue())).body, /Open \(0\)[\s\S]*In progress \(1\)/);

  const mine = await pair.mentee.client.get(concernPath());
  assert.match(mine.body, /in progress/);
  assert.ok(!mine.body.includes('ADMIN-NOTE-MARKER'));
  const audit = await t.db.selectFrom('audit_events').select(['action', 'details']).where('subject_id', '=', concern.id).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['concern.raised', 'concern.action_recorded']);
  assert.ok(!JSON.stringify(audit).includes('MARKER'), 'no free text in the audit trail');
});

test('bad input is refused and keeps what was typed; outsiders get 404; an ended relationship still takes concerns', async () => {
  const before = await concernCount();
  const long = 'x'.repeat(4001);
  const response = await postAs(pair.mentor, concernPath(), { body: long });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Your concern must be 4000 characters or fewer/);
  assert.ok(response.body.includes(long));
  assert.match((await postAs(pair.mentor, concernPath(), { body: '  ' })).body, /Enter your concern/);
  for (const who of [others.otherMentor, others.programmeAdmin, others.platformAdmin]) {
    assert.equal((await who.client.get(concernPath())).statusCode, 404);
    assert.equal((await postAs(who, concernPath(), { body: 'From an outsider' })).statusCode, 404);
  }
  assert.equal(await concernCount(), before);

  const ended = await buildRelationship(t, { programmeId: pair.programmeId });
  await endDirectly(t, ended.relationshipId);
  const afterEnd = await postAs(ended.mentor, `/relationships/${ended.relationshipId}/concern`, { body: 'Raised after the end' });
  assert.equal(afterEnd.statusCode, 302);
  assert.equal(await concernCount(), before + 1);
});
