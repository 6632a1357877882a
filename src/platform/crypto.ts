// Encryption of confidential free text that only its author may read (private notes, private fit
// reflections): AES-256-GCM with a fresh 96-bit nonce per value. The first configured key encrypts;
// every configured key can decrypt, so keys can be rotated by adding a new one in front
// (ENCRYPTION_KEYS in .env.example). The database stores the key id beside the ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config.ts';

export interface Sealed {
  keyId: string;
  /** nonce (12 bytes) ‖ auth tag (16 bytes) ‖ ciphertext */
  ciphertext: Buffer;
}

export class KeyRing {
  private readonly keys: Map<string, Buffer>;
  private readonly current: EncryptionKey;

  constructor(keys: EncryptionKey[]) {
    const [first] = keys;
    if (!first) throw new Error('At least one encryption key is needed');
    this.current = first;
    this.keys = new Map(keys.map((key) => [key.id, key.key]));
  }

  /** `context` binds the value to where it belongs (e.g. "note:<id>:<author>"), so a ciphertext copied to another row does not decrypt. */
  seal(plaintext: string, context: string): Sealed {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.current.id, ciphertext: Buffer.concat([nonce, cipher.getAuthTag(), body]) };
  }

  open(sealed: Sealed, context: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`Encryption key "${sealed.keyId}" is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.ciphertext.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.ciphertext.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.ciphertext.subarray(28)), decipher.final()]).toString('utf8');
  }
}
