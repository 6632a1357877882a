// The status machine on its own: what a table allows, and the mistakes it refuses when declared
// (most also a type error, hence the @ts-expect-error lines: tsc fails if one stops being caught).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError } from '../errors.ts';
import { defineStatusMachine, type StatusTag } from './status-machine.ts';

const states = ['draft', 'sent', 'done', 'lost'] as const;
type State = (typeof states)[number];
const tags: Record<State, StatusTag> = {
  draft: { text: 'Draft', colour: 'grey' },
  sent: { text: 'Sent', colour: 'blue' },
  done: { text: 'Done', colour: 'green' },
  lost: { text: 'Lost', colour: 'red' },
};
const table = {
  name: 'parcel',
  states,
  roles: ['sender', 'courier', 'system'],
  moves: [
    { from: 'draft', to: 'sent', by: ['sender'] },
    { from: 'sent', to: ['done', 'lost'], by: ['courier'] },
    { from: ['draft', 'sent'], to: 'lost', by: ['system'] },
  ],
  closed: ['done', 'lost'],
  labels: { tag: tags, history: { draft: 'drafted', sent: 'sent', done: 'delivered', lost: 'lost' } },
} as const;
const parcel = defineStatusMachine(table);

test('a status machine answers from its table', () => {
  const cases: [State, State, (typeof table.roles)[number] | undefined, boolean][] = [
    ['draft', 'sent', 'sender', true],
    ['draft', 'sent', 'courier', false],
    ['draft', 'sent', undefined, true],
    ['sent', 'done', 'courier', true],
    ['sent', 'lost', 'courier', true],
    ['sent', 'lost', 'system', true],
    ['draft', 'lost', 'system', true],
    ['draft', 'lost', 'sender', false],
    ['draft', 'done', undefined, false],
    ['sent', 'sent', undefined, false],
    ['done', 'sent', undefined, false],
  ];
  for (const [from, to, by, expected] of cases) {
    assert.equal(parcel.canMove(from, to, by), expected, `${from} → ${to} by ${by ?? 'anyone'}`);
  }
  assert.equal(parcel.canMove('draft', 'lost', ['sender', 'system']), true, 'any one of several roles is enough');
  assert.deepEqual(parcel.sources('lost'), ['draft', 'sent']);
  assert.deepEqual(parcel.sources('lost', 'courier'), ['sent']);
  assert.deepEqual(parcel.targets('sent', 'courier'), ['done', 'lost']);
  assert.deepEqual(parcel.targets('done'), []);
  assert.deepEqual(parcel.open, ['draft', 'sent']);
  assert.equal(parcel.isClosed('lost'), true);
  assert.equal(parcel.isClosed('sent'), false);
  assert.equal(parcel.isState('sent'), true);
  assert.equal(parcel.isState('posted'), false);
  assert.deepEqual(parcel.label('done', 'tag'), { text: 'Done', colour: 'green' });
  assert.equal(parcel.label('done', 'history'), 'delivered');
});

test('a move it does not allow is refused with a conflict, or the error the caller gives', () => {
  assert.doesNotThrow(() => parcel.assertMove('draft', 'sent', 'sender'));
  assert.throws(() => parcel.assertMove('done', 'sent'), (error) => error instanceof ConflictError && error.code === 'parcel_state' && error.message === 'This parcel cannot go from done to sent');
  assert.throws(() => parcel.assertMove('draft', 'sent', 'courier', () => new ConflictError('Only the sender sends it', 'not_yours')), { message: 'Only the sender sends it' });
});

test('a table with a mistake fails when it is declared', () => {
  const mistakes: [string, () => unknown, RegExp][] = [
    // @ts-expect-error: 'posted' is not one of the states
    ['a move to an unknown state', () => defineStatusMachine({ ...table, moves: [{ from: 'draft', to: 'posted', by: ['sender'] }] }), /move to unknown status "posted"/],
    // @ts-expect-error: 'posted' is not one of the states
    ['a move from an unknown state', () => defineStatusMachine({ ...table, moves: [{ from: ['posted'], to: 'sent', by: ['sender'] }] }), /move from unknown status "posted"/],
    // @ts-expect-error: 'postman' is not one of the roles
    ['an unknown role', () => defineStatusMachine({ ...table, moves: [{ from: 'draft', to: 'sent', by: ['postman'] }] }), /unknown role "postman"/],
    ['a move nobody may make', () => defineStatusMachine({ ...table, moves: [{ from: 'draft', to: 'sent', by: [] }] }), /needs someone/],
    ['a move out of a closed state', () => defineStatusMachine({ ...table, moves: [...table.moves, { from: 'done', to: 'sent', by: ['courier'] }] }), /out of closed status "done"/],
    // @ts-expect-error: 'posted' is not one of the states
    ['an unknown closed state', () => defineStatusMachine({ ...table, closed: ['posted'] }), /unknown closed status "posted"/],
    ['a state listed twice', () => defineStatusMachine({ ...table, states: ['draft', 'sent', 'done', 'lost', 'sent'] }), /each status once/],
    // @ts-expect-error: the labels miss 'lost'
    ['labels missing a state', () => defineStatusMachine({ ...table, labels: { history: { draft: 'drafted', sent: 'sent', done: 'delivered' } } }), /missing: lost; unknown: none/],
    ['labels for an unknown state', () => defineStatusMachine({ ...table, labels: { history: { ...table.labels.history, posted: 'posted' } } }), /missing: none; unknown: posted/],
  ];
  for (const [mistake, declare, message] of mistakes) assert.throws(declare, message, mistake);
});
