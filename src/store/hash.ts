import { createHash } from 'node:crypto';

/** A fixed-size stand-in for a key: what the store keeps instead of ids that came in a payload. */
export function keyHash(namespace: string, key: string): Buffer {
  return createHash('sha256').update(`${namespace}\0${key}`, 'utf8').digest();
}
