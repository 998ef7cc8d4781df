// A second bot process for the replica test: claims the same keys as its twin and ticks the same card.
import { connectPool } from '../../src/store/postgres/connect.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { cipherA } from './fixtures.js';

const [url, name] = process.argv.slice(2) as [string, string];
const store = new PostgresStore(await connectPool(url, { max: 3 }), cipherA());
const keys = Array.from({ length: 20 }, (_, i) => `event:Ev${i}`);
const claims = await Promise.all(keys.map(async (key) => ((await store.claim(key, 60_000)) === 'first' ? key : '')));
for (let i = 0; i < 10; i += 1) {
  await store.withCard<string[], void>('shared-card', async (latest) => ({
    state: [...(latest ?? []), `${name}:${i}`],
    result: undefined,
  }));
}
await store.close();
process.stdout.write(JSON.stringify({ firsts: claims.filter(Boolean) }));
