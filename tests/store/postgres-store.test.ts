import { connectPool } from '../../src/store/postgres/connect.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { storeContract } from './contract.js';
import { cipherA } from './fixtures.js';

storeContract('PostgreSQL', async () => {
  const url = await freshDatabaseUrl('contract');
  const openOne = async () => {
    const pool = await connectPool(url, { max: 4 });
    await migrate(pool);
    return new PostgresStore(pool, cipherA());
  };
  return { store: await openOne(), reopen: openOne };
});
