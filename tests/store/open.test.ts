import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { keyA, tempDir, workspaceInstall } from './fixtures.js';

describe('openStore without DATABASE_URL', () => {
  it('keeps the embedded files in ALLYCOMP_STATE_DIR, readable by the owner only, with no temporary file left', async () => {
    const dir = join(await tempDir('open'), 'state');
    const env = { ALLYCOMP_STATE_DIR: dir, ALLYCOMP_STORE_KEY: keyA.toString('base64') };
    const store = await openStore(env, { requireKey: true });
    expect(store.kind).toBe('file');
    await Promise.all([
      store.storeInstallation(workspaceInstall('T1')),
      store.storeInstallation(workspaceInstall('T2')),
    ]);
    await store.putChartFile({ teamId: 'T1', chart: 'emea', version: 'v1' }, 'F1');
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(['chart-files.json', 'installations.json']);
    expect((await stat(join(dir, 'installations.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const again = await openStore(env, { requireKey: true });
    const query = { enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect((await again.fetchInstallation({ ...query, teamId: 'T1' })).bot?.token).toBe('xoxb-bot-token-of-T1');
    expect((await again.fetchInstallation({ ...query, teamId: 'T2' })).bot?.token).toBe('xoxb-bot-token-of-T2');
    await again.close();
  });
});
