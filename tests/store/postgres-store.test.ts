import { describe, expect, it } from 'vitest';
import { connectPool } from '../../src/store/postgres/connect.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { storeContract } from './contract.js';
import { cipherA, sleep } from './fixtures.js';

storeContract('PostgreSQL', async () => {
  const url = await freshDatabaseUrl('contract');
  const openOne = async () => {
    const pool = await connectPool(url, { max: 4 });
    await migrate(pool);
    return new PostgresStore(pool, cipherA());
  };
  return { store: await openOne(), reopen: openOne };
});

describe('PostgreSQL: housekeeping', () => {
  it('deletes expired duplicate keys and card states, and keeps live ones', async () => {
    const pool = await connectPool(await freshDatabaseUrl('prune'), { max: 2 });
    await migrate(pool);
    const store = new PostgresStore(pool, cipherA());
    await store.claim('short', 20);
    await store.claim('long', 60_000);
    await store.withCard<string, void>('short-card', async () => ({ state: 'x', result: undefined }), 20);
    await sleep(60);
    await store.prune();
    const { rows } = await pool.query<{ claims: number; cards: number }>(
      'SELECT (SELECT count(*)::int FROM allycomp_claims) AS claims, (SELECT count(*)::int FROM allycomp_card_states) AS cards',
    );
    expect(rows[0]).toEqual({ claims: 1, cards: 0 });
    await store.close();
  });
});
