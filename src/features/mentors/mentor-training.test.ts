// Training and accreditation records: the date input's messages (400, error summary, what was
// typed kept, nothing stored), adding, changing and removing, only one's own records reachable, and
// a changed record going back to be verified.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildUser } from '../../../test/support/builders.ts';
import { assertErrorPage, buildTrainingRecord, signedIn } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => t.close());

describe('training and accreditation', () => {
  const record = {
    qualification: 'Certificate in Coaching and Mentoring', body: 'Institute of Leadership and Management', level: 'Level 5',
    'completedOn-day': '14', 'completedOn-month': '6', 'completedOn-year': '2022',
  };

  async function recordsOf(userId: string) {
    return t.db.selectFrom('training_records').selectAll().where('user_id', '=', userId).execute();
  }

  test('date errors get the date input messages, keep what was typed and store nothing', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const cases: [Record<string, string>, string, string][] = [
      [{ 'completedOn-month': '' }, 'completedOn-month', 'Date you completed the training must include a month'],
      [{ 'completedOn-day': '', 'completedOn-month': '', 'completedOn-year': '' }, 'completedOn-day', 'Enter the date you completed the training'],
      [{ 'completedOn-day': '31', 'completedOn-month': '2' }, 'completedOn-day', 'Date you completed the training must be a real date'],
      [{ 'completedOn-year': String(new Date().getFullYear() + 1) }, 'completedOn-day', 'Date you completed the training must be in the past'],
      [{ 'expiresOn-day': '1', 'expiresOn-month': '1', 'expiresOn-year': '2020' }, 'expiresOn-day', 'Expiry date must be after the completion date'],
      [{ 'expiresOn-day': '1', 'expiresOn-year': '2030' }, 'expiresOn-month', 'Expiry date must include a month'],
      [{ qualification: '', body: '' }, 'qualification', 'Enter the qualification'],
    ];
    for (const [change, field, message] of cases) {
      const response = await client.post('/profile/mentor/training/new', { ...record, ...change });
      assert.equal(response.statusCode, 400, message);
      assertErrorPage(response.body, 'Add a training record', [{ field, text: message }]);
      assert.match(response.body, /value="Level 5"/, 'typed values kept');
    }
    const empty = await client.post('/profile/mentor/training/new', { ...record, qualification: '', body: '' });
    assert.match(empty.body, /Enter the awarding body/);
    assert.deepEqual(await recordsOf(user.id), []);
  });

  test('a record is added unverified, changed, and removed; only by its owner', async () => {
    const user = await buildUser(t.db);
    const client = await signedIn(t, user);
    const added = await client.post('/profile/mentor/training/new', { ...record, 'expiresOn-day': '13', 'expiresOn-month': '6', 'expiresOn-year': '2027' });
    assert.equal(added.statusCode, 302);
    assert.equal(added.headers.location, '/profile/mentor/training');
    const [row] = await recordsOf(user.id);
    assert.ok(row);
    assert.equal(row.completed_on, '2022-06-14');
    assert.equal(row.expires_on, '2027-06-13');
    assert.equal(row.verified_at, null);
    const list = await client.get('/profile/mentor/training');
    assert.match(list.body, /Training record added/);
    assert.match(list.body, /Not verified yet/);
    assert.match(list.body, /14 June 2022/);

    const editForm = await client.get(`/profile/mentor/training/${row.id}/edit`);
    assert.match(editForm.body, /name="completedOn-month"[^>]*value="6"/);

    const intruder = await signedIn(t, await buildUser(t.db));
    assert.equal((await intruder.get(`/profile/mentor/training/${row.id}/edit`)).statusCode, 404);
    assert.equal((await intruder.post(`/profile/mentor/training/${row.id}/edit`, { ...record, qualification: 'Hijacked' }, { from: '/profile/mentor/training/new' })).statusCode, 404);
    assert.equal((await intruder.post(`/profile/mentor/training/${row.id}/remove`, {}, { from: '/profile/mentor/training/new' })).statusCode, 404);
    assert.equal((await recordsOf(user.id))[0]?.qualification, record.qualification, 'unchanged by someone else');

    const badEdit = await client.post(`/profile/mentor/training/${row.id}/edit`, { ...record, 'completedOn-day': '32' });
    assert.equal(badEdit.statusCode, 400);
    assertErrorPage(badEdit.body, 'Change a training record', [{ field: 'completedOn-day', text: 'Date you completed the training must be a real date' }]);
    assert.match(badEdit.body, /value="32"/);

    const checkPage = `/programmes/${randomUUID()}/mentor-application`;
    const changed = await client.post(`/profile/mentor/training/${row.id}/edit`, { ...record, level: 'Level 7', returnTo: checkPage }, {
      from: `/profile/mentor/training/${row.id}/edit?returnTo=${encodeURIComponent(checkPage)}`,
    });
    assert.equal(changed.statusCode, 302);
    assert.equal(changed.headers.location, checkPage, 'back to the check page it was changed from');
    assert.equal((await recordsOf(user.id))[0]?.level, 'Level 7');

    const confirm = await client.get(`/profile/mentor/training/${row.id}/remove`);
    assert.match(confirm.body, /Are you sure you want to remove Certificate in Coaching and Mentoring\?/);
    const removed = await client.post(`/profile/mentor/training/${row.id}/remove`, {});
    assert.equal(removed.statusCode, 302);
    assert.deepEqual(await recordsOf(user.id), []);
  });

  test('saving a verified record unchanged keeps it verified; changing it sends it back to be verified', async () => {
    const admin = await buildUser(t.db);
    const user = await buildUser(t.db);
    const id = await buildTrainingRecord(t.db, user.id, { verifiedBy: admin.id });
    const client = await signedIn(t, user);
    const form = await client.get(`/profile/mentor/training/${id}/edit`);
    assert.match(form.body, /If you change it, a programme admin will need to verify it again/);
    const same = {
      qualification: 'Level 5 Certificate in Coaching and Mentoring', body: 'Institute of Leadership and Management', level: 'Level 5',
      'completedOn-day': '14', 'completedOn-month': '06', 'completedOn-year': '2022',
    };
    await client.post(`/profile/mentor/training/${id}/edit`, same);
    const kept = await t.db.selectFrom('training_records').select(['verified_at', 'verified_by']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(kept.verified_at);
    await client.post(`/profile/mentor/training/${id}/edit`, { ...same, 'completedOn-year': '2021' });
    const reset = await t.db.selectFrom('training_records').select(['verified_at', 'verified_by']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(reset.verified_at, null);
    assert.equal(reset.verified_by, null);
  });
});
