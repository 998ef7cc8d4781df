import { FileStore } from '../../src/store/file-store.js';
import { storeContract } from './contract.js';
import { cipherA, tempDir } from './fixtures.js';

storeContract('embedded files', async () => {
  const dir = await tempDir('store');
  return { store: await FileStore.open(dir, cipherA()), reopen: () => FileStore.open(dir, cipherA()) };
});
