import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { StoreError } from './errors.js';

const FORMAT = 'v1';

interface Key {
  id: string;
  bytes: Buffer;
}

/**
 * AES-256-GCM for what the store must not hold in clear (installations: bot and user tokens, webhooks).
 * Each ciphertext names its key by id (a hash of the key, not the key), so old keys can still be read during a
 * rotation; the additional data binds a ciphertext to its row, so rows cannot be swapped unnoticed.
 */
export class TokenCipher {
  private readonly byId = new Map<string, Key>();
  private readonly current: Key;

  constructor(currentKey: Buffer, oldKeys: Buffer[] = []) {
    this.current = toKey(currentKey);
    for (const key of [this.current, ...oldKeys.map(toKey)]) this.byId.set(key.id, key);
  }

  get keyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.bytes, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
    return [FORMAT, this.current.id, ...parts].join('.');
  }

  decrypt(sealed: string, boundTo: string): string {
    const [format, keyId, iv, tag, body] = sealed.split('.');
    const key = keyId === undefined ? undefined : this.byId.get(keyId);
    if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) {
      throw new StoreError('store_token_unreadable', 'A stored installation is not in a format this allycomp reads.');
    }
    if (!key) {
      throw new StoreError(
        'store_token_unreadable',
        `A stored installation was encrypted with key ${keyId}, which is neither ALLYCOMP_STORE_KEY nor in ALLYCOMP_STORE_OLD_KEYS.`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new StoreError(
        'store_token_unreadable',
        'A stored installation failed its integrity check: it was altered or moved to another row.',
        { cause: error },
      );
    }
  }

  /** True when this ciphertext was not written with the current key (the rotation rewrites those). */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current.id;
  }
}

function toKey(bytes: Buffer): Key {
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 12), bytes };
}

/** A fresh key, as ALLYCOMP_STORE_KEY wants it. */
export function generateStoreKey(): string {
  return randomBytes(32).toString('base64');
}
