// The invitation's status machine as ARCHITECTURE.md draws it, with who makes each move, and its
// open statuses the same as the ones queries count as open (db/types.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movesByRole } from '../../../test/support/status-moves.ts';
import { openInvitationStatuses } from '../../db/types.ts';
import { invitationMachine } from './statuses.ts';

test('the invitation machine: its moves, by whom, and which statuses are open', () => {
  assert.deepEqual(movesByRole(invitationMachine), {
    answerer: ['pending → accepted', 'pending → declined'],
    asker: ['pending → withdrawn'],
    mentee: ['accepted → met', 'accepted → withdrawn', 'met → not_chosen'],
    mentor: ['accepted → met', 'accepted → cancelled', 'met → chosen', 'met → not_chosen'],
    system: ['pending → expired', 'pending → withdrawn', 'accepted → not_chosen', 'met → not_chosen'],
  });
  assert.deepEqual(invitationMachine.open, openInvitationStatuses);
});
