// The mentee application's status machine as ARCHITECTURE.md draws it, with who makes each move:
// steps a programme switches off are skipped, so sending may land on any later step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movesByRole } from '../../../test/support/status-moves.ts';
import { menteeApplicationMachine } from './statuses.ts';

test('the mentee application machine: its moves, by whom, and which statuses are closed', () => {
  const send = (from: string) => [`${from} → awaiting_line_manager`, `${from} → awaiting_admin`, `${from} → approved`];
  assert.deepEqual(movesByRole(menteeApplicationMachine), {
    mentee: [...send('draft'), ...send('awaiting_line_manager'), ...send('line_manager_declined'), ...send('line_manager_expired'), 'more_info_requested → awaiting_admin'],
    line_manager: ['awaiting_line_manager → line_manager_declined', 'awaiting_line_manager → awaiting_admin', 'awaiting_line_manager → approved'],
    admin: ['awaiting_admin → more_info_requested', 'awaiting_admin → approved', 'awaiting_admin → rejected'],
    system: ['awaiting_line_manager → line_manager_expired'],
  });
  assert.deepEqual(menteeApplicationMachine.closed, ['approved', 'rejected']);
});
