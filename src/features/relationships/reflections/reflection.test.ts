// Session reflections: the mentee's own, on held sessions only; the mentor sees one only if it is
// shared, and otherwise nothing about it; the trend's chart and table carry the same numbers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { paths } from '../paths.ts';
import { allEmailText, assertNoMarker, countRows, insertSession } from '../notes/testing.ts';
import { buildOutsiders, buildRelationship, endDirectly, postAs, type Pair } from '../testing.ts';

const SECRET_TAKEAWAY = 'TAKEAWAY-MARKER-8b6e: I can say no to extra shifts without feeling guilty';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

function reflect(pair: Pair, sessionId: string, form: Record<string, string>) {
  return postAs(pair.mentee, paths.sessionReflection(pair.relationshipId, sessionId), form);
}

/** The page with the session-specific parts (ids, dates, tokens) taken out, to compare two pages. */
function shape(body: string): string {
  return body.replace(/[0-9a-f-]{36}/g, 'ID').replace(/\d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m/g, 'WHEN').replace(/name="_csrf" value="[^"]+"|_csrf=[^"]+/g, 'CSRF').replace(/nonce="[^"]+"/g, 'NONCE');
}

test('an unshared reflection is invisible to the mentor; once shared, the mentor sees it and is told (content-free)', async () => {
  const pair = await buildRelationship(t);
  const id = pair.relationshipId;
  const reflected = await insertSession(t, id, { daysFromNow: -14 });
  const notReflected = await insertSession(t, id, { daysFromNow: -21 });
  const saved = await reflect(pair, reflected, { takeaway: SECRET_TAKEAWAY, usefulness: '8', emoji: 'great', share: 'no' });
  assert.equal(saved.statusCode, 302);
  assert.equal(saved.headers.location, paths.reflections(id));

  const mine = await pair.mentee.client.get(paths.reflections(id));
  assert.ok(mine.body.includes(SECRET_TAKEAWAY));
  assert.match(mine.body, /Who can see this:/);

  const trend = await pair.mentor.client.get(paths.reflections(id));
  assert.equal(trend.statusCode, 200);
  assertNoMarker(trend.body, SECRET_TAKEAWAY, 'the mentor\'s trend page');
  assert.match(trend.body, /0 reflections shared with you/);
  const unshared = await pair.mentor.client.get(paths.sessionReflection(id, reflected));
  const none = await pair.mentor.client.get(paths.sessionReflection(id, notReflected));
  assert.equal(unshared.statusCode, 200);
  assertNoMarker(unshared.body, SECRET_TAKEAWAY, 'the mentor\'s reflection page');
  assert.equal(shape(unshared.body), shape(none.body), 'an unshared reflection looks exactly like no reflection');
  for (const path of [paths.sessionNotes(id, reflected), paths.actions(id), paths.relationship(id)]) {
    assertNoMarker((await pair.mentor.client.get(path)).body, SECRET_TAKEAWAY, path);
  }
  assert.equal(await t.db.selectFrom('email_messages').select('id').where('template', '=', 'relationshipReflectionShared').executeTakeFirst(), undefined);

  // The mentee changes their mind: still one reflection, now shared.
  assert.equal((await reflect(pair, reflected, { takeaway: SECRET_TAKEAWAY, usefulness: '9', emoji: 'good', share: 'yes' })).statusCode, 302);
  const rows = await t.db.selectFrom('session_reflections').selectAll().where('session_id', '=', reflected).execute();
  assert.deepEqual(rows.map((r) => [r.usefulness, r.emoji, r.shared_with_mentor]), [[9, '🙂', true]]);
  const sharedPage = await pair.mentor.client.get(paths.sessionReflection(id, reflected));
  assert.ok(sharedPage.body.includes(SECRET_TAKEAWAY));
  assert.match(sharedPage.body, /9 out of 10/);
  const sharedTrend = await pair.mentor.client.get(paths.reflections(id));
  assert.match(sharedTrend.body, /1 reflection shared with you/);
  assert.ok(sharedTrend.body.includes(SECRET_TAKEAWAY));
  const emails = await t.db.selectFrom('email_messages').select('recipient').where('template', '=', 'relationshipReflectionShared').execute();
  assert.deepEqual(emails.map((e) => e.recipient), [pair.mentor.user.email]);
  assertNoMarker(await allEmailText(t), SECRET_TAKEAWAY, 'emails');

  const others = await buildOutsiders(t, pair.programmeId);
  for (const [who, party] of Object.entries(others)) {
    for (const path of [paths.reflections(id), paths.sessionReflection(id, reflected)]) {
      const page = await party.client.get(path);
      assert.equal(page.statusCode, 404, `${who} ${path}`);
      assertNoMarker(page.body, SECRET_TAKEAWAY, who);
    }
  }
});

test('only the mentee reflects, only on a held session, only while the relationship is active (409, nothing written)', async () => {
  const pair = await buildRelationship(t);
  const id = pair.relationshipId;
  const held = await insertSession(t, id);
  const scheduled = await insertSession(t, id, { status: 'scheduled', daysFromNow: 5 });
  const cancelled = await insertSession(t, id, { status: 'cancelled' });
  const form = { usefulness: '7', share: 'yes' };
  const before = await countRows(t, 'session_reflections');

  const mentor = await postAs(pair.mentor, paths.sessionReflection(id, held), form);
  assert.equal(mentor.statusCode, 409);
  assert.match(mentor.body, /Only the mentee can write a reflection on a session/);
  assert.equal((await postAs(pair.mentor, paths.sessionReflection(id, held), {})).statusCode, 409, 'refused whatever the mentor sends');
  for (const sessionId of [scheduled, cancelled]) {
    const refused = await reflect(pair, sessionId, form);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /once the session has been held/);
  }
  const elsewhere = await buildRelationship(t, { programmeId: pair.programmeId });
  const theirSession = await insertSession(t, elsewhere.relationshipId);
  assert.equal((await reflect(pair, theirSession, form)).statusCode, 404);
  await endDirectly(t, id);
  const ended = await reflect(pair, held, form);
  assert.equal(ended.statusCode, 409);
  assert.match(ended.body, /has ended/);
  assert.equal(await countRows(t, 'session_reflections'), before);
});

test('bad input gets the error summary, keeps what was typed and writes nothing', async () => {
  const pair = await buildRelationship(t);
  const held = await insertSession(t, pair.relationshipId);
  const before = await countRows(t, 'session_reflections');
  const missing = await reflect(pair, held, { takeaway: 'Kept words' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Choose how useful the session was, from 1 to 10/);
  assert.match(missing.body, /Choose whether to share this reflection with /);
  assert.match(missing.body, /Kept words/);
  const outOfRange = await reflect(pair, held, { usefulness: '11', share: 'no', emoji: 'smirk', takeaway: 'x'.repeat(1001) });
  assert.equal(outOfRange.statusCode, 400);
  assert.match(outOfRange.body, /Choose how useful the session was, from 1 to 10/);
  assert.match(outOfRange.body, /Choose an emoji from the list/);
  assert.match(outOfRange.body, /What you got out of it must be 1000 characters or fewer/);
  assert.equal(await countRows(t, 'session_reflections'), before);
});

test('the trend chart and its table show the same numbers, in date order', async () => {
  const pair = await buildRelationship(t);
  const scores = [[-40, '4'], [-25, '7'], [-10, '9'], [-3, '6']] as const;
  for (const [days, usefulness] of scores) {
    const sessionId = await insertSession(t, pair.relationshipId, { daysFromNow: days });
    assert.equal((await reflect(pair, sessionId, { usefulness, share: 'no' })).statusCode, 302);
  }
  const page = await pair.mentee.client.get(paths.reflections(pair.relationshipId));
  const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(page.body)?.[0] ?? '';
  assert.match(svg, /aria-labelledby="usefulness-chart-title"/);
  assert.match(svg, /<title id="usefulness-chart-title">How useful sessions were, out of 10: 4 sessions from .+\. Lowest 4, highest 9, most recent 6\.<\/title>/);
  const inChart = [...svg.matchAll(/<circle[^>]*data-usefulness="(\d+)"/g)].map((m) => m[1]);
  const table = /<table class="nhsuk-table[^"]*" id="reflections-table"[^>]*>[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
  assert.match(table, /<caption/);
  const inTable = [...table.matchAll(/<td[^>]*data-usefulness="(\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(inChart, scores.map(([, s]) => s));
  assert.deepEqual(inTable, inChart);
  // Higher scores are drawn higher up (smaller y), and later sessions further right.
  const points = [...svg.matchAll(/<circle[^>]*cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  assert.ok(points.every((p, i) => i === 0 || p.x > (points[i - 1]?.x ?? 0)));
  assert.ok((points[2]?.y ?? 0) < (points[0]?.y ?? 0));
});
