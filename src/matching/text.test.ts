import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, Vocabulary } from './text.ts';

test('tokenize folds case and accents, drops common words and plural endings', () => {
  assert.deepEqual(tokenize('Interviews and Café-based QI for the Nurses'), ['interview', 'cafe', 'based', 'qi', 'nurse']);
  assert.deepEqual(tokenize('process analysis studies'), ['process', 'analysis', 'study']);
});

test('the vocabulary gives each token one id and knows unknown ones', () => {
  const vocabulary = new Vocabulary();
  assert.equal(vocabulary.idOf('nurse'), 0);
  assert.equal(vocabulary.idOf('digital'), 1);
  assert.equal(vocabulary.idOf('nurse'), 0);
  assert.equal(vocabulary.lookup('pharmacy'), -1);
});
