import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { KeyRing } from './crypto.ts';

const oldKey = { id: 'k1', key: randomBytes(32) };
const newKey = { id: 'k2', key: randomBytes(32) };

test('sealed text round-trips and the ciphertext does not contain it', () => {
  const ring = new KeyRing([oldKey]);
  const sealed = ring.seal('I felt nervous about the interview', 'note:1');
  assert.equal(sealed.keyId, 'k1');
  assert.equal(sealed.ciphertext.includes(Buffer.from('nervous')), false);
  assert.equal(ring.open(sealed, 'note:1'), 'I felt nervous about the interview');
  assert.notDeepEqual(ring.seal('same', 'note:1').ciphertext, ring.seal('same', 'note:1').ciphertext, 'a fresh nonce each time');
});

test('keys rotate: new values use the newest key, old values still open', () => {
  const before = new KeyRing([oldKey]).seal('written last year', 'note:2');
  const rotated = new KeyRing([newKey, oldKey]);
  assert.equal(rotated.open(before, 'note:2'), 'written last year');
  assert.equal(rotated.seal('written today', 'note:3').keyId, 'k2');
});

test('tampering, a wrong context or a missing key is refused', () => {
  const ring = new KeyRing([oldKey]);
  const sealed = ring.seal('private', 'note:4');
  const tampered = Buffer.from(sealed.ciphertext);
  tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
  assert.throws(() => ring.open({ keyId: 'k1', ciphertext: tampered }, 'note:4'));
  assert.throws(() => ring.open(sealed, 'note:5'), 'a ciphertext copied to another row does not open');
  assert.throws(() => new KeyRing([newKey]).open(sealed, 'note:4'), /not configured/);
});
