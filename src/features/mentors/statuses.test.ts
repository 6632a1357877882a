// The mentor application's status machine as ARCHITECTURE.md draws it, with who makes each move.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movesByRole } from '../../../test/support/status-moves.ts';
import { mentorApplicationMachine } from './statuses.ts';

test('the mentor application machine: its moves, by whom, and which statuses are closed', () => {
  assert.deepEqual(movesByRole(mentorApplicationMachine), {
    applicant: ['draft → submitted', 'more_info_requested → submitted'],
    admin: ['submitted → approved', 'submitted → rejected', 'submitted → more_info_requested'],
  });
  assert.deepEqual(mentorApplicationMachine.closed, ['approved', 'rejected']);
});
