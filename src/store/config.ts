import { resolve } from 'node:path';
import { TokenCipher } from './cipher.js';
import { StoreError } from './errors.js';

/** Where the embedded store keeps its files when ALLYCOMP_STATE_DIR is not set, relative to the working directory. */
export const DEFAULT_STATE_DIR = '.allycomp-state';

const KEY_HELP =
  "Generate one with: node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"";

export type StoreConfig =
  | { kind: 'postgres'; databaseUrl: string; cipher?: TokenCipher }
  | { kind: 'file'; stateDir: string; cipher?: TokenCipher };

/**
 * Reads DATABASE_URL, ALLYCOMP_STATE_DIR, ALLYCOMP_STORE_KEY and ALLYCOMP_STORE_OLD_KEYS. The key is required
 * when installations are kept (OAuth mode); a malformed key is refused even when not required.
 */
export function readStoreConfig(env: NodeJS.ProcessEnv, options: { requireKey: boolean }): StoreConfig {
  const keyText = env.ALLYCOMP_STORE_KEY?.trim();
  let cipher: TokenCipher | undefined;
  if (keyText) {
    const oldKeys = (env.ALLYCOMP_STORE_OLD_KEYS ?? '')
      .split(',')
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .map((text, index) => parseKey(text, `ALLYCOMP_STORE_OLD_KEYS (key ${index + 1})`));
    cipher = new TokenCipher(parseKey(keyText, 'ALLYCOMP_STORE_KEY'), oldKeys);
  } else if (options.requireKey) {
    throw new StoreError(
      'store_key_invalid',
      `ALLYCOMP_STORE_KEY is missing: installations (Slack tokens) are stored encrypted and need a 32-byte key in base64. ${KEY_HELP}`,
    );
  }
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { kind: 'postgres', databaseUrl, cipher };
  const stateDir = resolve(env.ALLYCOMP_STATE_DIR?.trim() || DEFAULT_STATE_DIR);
  return { kind: 'file', stateDir, cipher };
}

function parseKey(text: string, variable: string): Buffer {
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (bytes?.length !== 32) {
    throw new StoreError(
      'store_key_invalid',
      `${variable} must be 32 bytes in base64 (44 characters ending in =)${bytes ? `; it decodes to ${bytes.length} bytes` : ''}. ${KEY_HELP}`,
    );
  }
  return bytes;
}
