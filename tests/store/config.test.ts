import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE_DIR, readStoreConfig } from '../../src/store/config.js';
import { keyA } from './fixtures.js';

const goodKey = keyA.toString('base64');
const failureOf = (env: NodeJS.ProcessEnv, requireKey = true) => {
  try {
    readStoreConfig(env, { requireKey });
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a failure');
};

describe('store configuration', () => {
  it('uses the embedded files in ALLYCOMP_STATE_DIR, or .allycomp-state in the working directory', () => {
    expect(readStoreConfig({ ALLYCOMP_STORE_KEY: goodKey }, { requireKey: true })).toMatchObject({
      kind: 'file',
      stateDir: resolve(DEFAULT_STATE_DIR),
    });
    expect(readStoreConfig({ ALLYCOMP_STATE_DIR: '/var/lib/allycomp' }, { requireKey: false })).toMatchObject({
      kind: 'file',
      stateDir: '/var/lib/allycomp',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = readStoreConfig({ DATABASE_URL: 'postgres://u:p@db:5432/allycomp' }, { requireKey: false });
    expect(config).toMatchObject({ kind: 'postgres', databaseUrl: 'postgres://u:p@db:5432/allycomp' });
  });

  it('names a missing key when installations are kept, and says how to make one', () => {
    const failure = failureOf({});
    expect(failure.code).toBe('store_key_invalid');
    expect(failure.message).toMatch(/^ALLYCOMP_STORE_KEY is missing: .* Generate one with: node -e /);
  });

  it('refuses a malformed key even when none is required', () => {
    expect(failureOf({ ALLYCOMP_STORE_KEY: 'not base64!' }, false).message).toMatch(
      /^ALLYCOMP_STORE_KEY must be 32 bytes in base64 \(44 characters ending in =\)\. /,
    );
    expect(failureOf({ ALLYCOMP_STORE_KEY: Buffer.alloc(16).toString('base64') }).message).toContain(
      'it decodes to 16 bytes',
    );
    expect(failureOf({ ALLYCOMP_STORE_KEY: goodKey, ALLYCOMP_STORE_OLD_KEYS: `${goodKey}, short` }).message).toMatch(
      /^ALLYCOMP_STORE_OLD_KEYS \(key 2\) must be 32 bytes in base64/,
    );
  });
});
