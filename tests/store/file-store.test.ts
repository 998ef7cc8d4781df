import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../src/store/file-store.js';
import { storeContract } from './contract.js';
import { cipherA } from './fixtures.js';

storeContract('embedded files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'allycomp-store-'));
  return { store: await FileStore.open(dir, cipherA()), reopen: () => FileStore.open(dir, cipherA()) };
});
