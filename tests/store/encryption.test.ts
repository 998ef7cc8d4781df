import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/store/cipher.js';
import { FileStore } from '../../src/store/file-store.js';
import { connectPool } from '../../src/store/postgres/connect.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { keyA, keyB, tempDir, workspaceInstall } from './fixtures.js';

const SECRETS = ['xoxb-bot-token-of-T1', 'xoxp-user-token-A', 'secret-webhook-T1'];
const query = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false, userId: 'U_A' } as const;

/** Each store's raw bytes at rest, and a way to open it again with other keys. */
interface AtRest {
  open(cipher: TokenCipher | undefined): Promise<Store>;
  raw(): Promise<string>;
  /** Swap the two rows' ciphertexts, as someone with the file or table but not the key might. */
  swapRows(): Promise<void>;
}

async function fileAtRest(): Promise<AtRest> {
  const dir = await tempDir('store');
  const path = join(dir, 'installations.json');
  return {
    open: (cipher) => FileStore.open(dir, cipher),
    raw: () => readFile(path, 'utf8'),
    swapRows: async () => {
      const rows = JSON.parse(await readFile(path, 'utf8')) as Array<{ sealed: string }>;
      const [first, second] = rows as [{ sealed: string }, { sealed: string }];
      [first.sealed, second.sealed] = [second.sealed, first.sealed];
      await writeFile(path, JSON.stringify(rows));
    },
  };
}

async function postgresAtRest(): Promise<AtRest> {
  const url = await freshDatabaseUrl('encryption');
  const admin = await connectPool(url, { max: 1 });
  await migrate(admin);
  await admin.end();
  return {
    open: async (cipher) => new PostgresStore(await connectPool(url, { max: 2 }), cipher),
    raw: async () => {
      const pool = await connectPool(url, { max: 1 });
      const { rows } = await pool.query('SELECT * FROM allycomp_installations');
      await pool.end();
      return JSON.stringify(rows);
    },
    swapRows: async () => {
      const pool = await connectPool(url, { max: 1 });
      await pool.query(`UPDATE allycomp_installations a SET sealed = b.sealed FROM allycomp_installations b
        WHERE a.install_key = b.install_key AND a.user_id <> b.user_id`);
      await pool.end();
    },
  };
}

for (const [name, make] of [
  ['embedded files', fileAtRest],
  ['PostgreSQL', postgresAtRest],
] as const) {
  describe(`${name}: tokens at rest`, () => {
    it('holds no token in clear, and is useless without the key', async () => {
      const atRest = await make();
      const store = await atRest.open(new TokenCipher(keyA));
      await store.storeInstallation(workspaceInstall('T1', { userId: 'U_A', userToken: 'xoxp-user-token-A' }));
      await store.close();
      const raw = await atRest.raw();
      for (const secret of SECRETS) {
        expect(raw).not.toContain(secret);
        expect(raw).not.toContain(Buffer.from(secret).toString('base64').slice(0, 16));
      }
      const wrongKey = await atRest.open(new TokenCipher(keyB));
      const failure = await wrongKey.fetchInstallation(query).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'store_token_unreadable' });
      expect((failure as Error).message).toMatch(
        /^A stored installation was encrypted with key [0-9a-f]{12}, which is neither ALLYCOMP_STORE_KEY nor in ALLYCOMP_STORE_OLD_KEYS\.$/,
      );
      await wrongKey.close();
      const noKey = await atRest.open(undefined);
      await expect(noKey.fetchInstallation(query)).rejects.toThrow(/^ALLYCOMP_STORE_KEY is missing/);
      await noKey.close();
    });

    it('notices a ciphertext moved to another row', async () => {
      const atRest = await make();
      const store = await atRest.open(new TokenCipher(keyA));
      await store.storeInstallation(workspaceInstall('T1', { userId: 'U_A', userToken: 'xoxp-user-token-A' }));
      await store.close();
      await atRest.swapRows();
      const reopened = await atRest.open(new TokenCipher(keyA));
      await expect(reopened.fetchInstallation(query)).rejects.toMatchObject({ code: 'store_token_unreadable' });
      await reopened.close();
    });

    it('rotates the key: reads old rows with ALLYCOMP_STORE_OLD_KEYS, rewrites them, then needs only the new key', async () => {
      const atRest = await make();
      const before = await atRest.open(new TokenCipher(keyA));
      await before.storeInstallation(workspaceInstall('T1', { userId: 'U_A', userToken: 'xoxp-user-token-A' }));
      await before.close();

      const during = await atRest.open(new TokenCipher(keyB, [keyA]));
      expect((await during.fetchInstallation(query)).user.token).toBe('xoxp-user-token-A');
      expect(await during.reencryptInstallations()).toBe(2);
      expect(await during.reencryptInstallations()).toBe(0);
      await during.close();

      const after = await atRest.open(new TokenCipher(keyB));
      expect((await after.fetchInstallation(query)).user.token).toBe('xoxp-user-token-A');
      await after.close();
      const old = await atRest.open(new TokenCipher(keyA));
      await expect(old.fetchInstallation(query)).rejects.toMatchObject({ code: 'store_token_unreadable' });
      await old.close();
    });
  });
}
