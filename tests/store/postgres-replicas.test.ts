import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { connectPool } from '../../src/store/postgres/connect.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { cipherA, sleep } from './fixtures.js';

const run = promisify(execFile);

async function replicas(count: number): Promise<{ url: string; stores: PostgresStore[] }> {
  const url = await freshDatabaseUrl('replicas');
  const stores: PostgresStore[] = [];
  for (let i = 0; i < count; i += 1) {
    const pool = await connectPool(url, { max: 3 });
    await migrate(pool);
    stores.push(new PostgresStore(pool, cipherA()));
  }
  return { url, stores };
}

/** Waits until Postgres shows this many advisory locks held (granted) or waited for (not granted). */
async function advisoryLocks(store: PostgresStore, granted: boolean, count: number): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    const { rows } = await store.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted = $1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [granted],
    );
    if ((rows[0]?.n ?? 0) >= count) return;
    await sleep(10);
  }
  throw new Error(`never saw ${count} advisory locks with granted=${granted}`);
}

describe('PostgreSQL store shared by several replicas', () => {
  it('applies one card’s updates from three replicas one at a time, in the order they asked', async () => {
    const { stores } = await replicas(3);
    const [a, b, c] = stores as [PostgresStore, PostgresStore, PostgresStore];
    const card = 'C1:1700000000.000200';
    let releaseFirst = () => {};
    const holding = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const tick = (store: PostgresStore, step: string, hold?: Promise<void>) =>
      store.withCard<string[], string[]>(card, async (latest) => {
        if (hold) await hold;
        const next = [...(latest ?? []), step];
        return { state: next, result: next };
      });
    const first = tick(a, 'band', holding);
    await advisoryLocks(a, true, 1);
    const second = tick(b, 'offer');
    await advisoryLocks(a, false, 1);
    const third = tick(c, 'ask');
    await advisoryLocks(a, false, 2);
    releaseFirst();
    expect(await first).toEqual(['band']);
    expect(await second).toEqual(['band', 'offer']);
    expect(await third).toEqual(['band', 'offer', 'ask']);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('answers a retry that reaches another replica as a duplicate, even when both race', async () => {
    const { stores } = await replicas(2);
    const [a, b] = stores as [PostgresStore, PostgresStore];
    const keys = Array.from({ length: 30 }, (_, i) => `event:Ev${i}`);
    const results = await Promise.all(keys.flatMap((key) => [a.claim(key, 60_000), b.claim(key, 60_000)]));
    expect(results.filter((r) => r === 'first')).toHaveLength(keys.length);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keeps two bot processes on one database in step: no key claimed twice, every tick lands', async () => {
    const url = await freshDatabaseUrl('processes');
    const pool = await connectPool(url, { max: 1 });
    await migrate(pool);
    await pool.end();
    const child = fileURLToPath(new URL('./replica-child.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
    const runChild = (name: string) =>
      run(process.execPath, ['--import', tsx, child, url, name], { timeout: 15_000 }).then(
        ({ stdout }) => JSON.parse(stdout) as { firsts: string[] },
      );
    const [one, two] = await Promise.all([runChild('one'), runChild('two')]);
    const firsts = [...one.firsts, ...two.firsts].sort();
    expect(firsts).toEqual(Array.from({ length: 20 }, (_, i) => `event:Ev${i}`).sort());

    const check = await connectPool(url, { max: 1 });
    const store = new PostgresStore(check, cipherA());
    const ticks = await store.withCard<string[], string[] | undefined>('shared-card', async (l) => ({ result: l }));
    expect(ticks).toHaveLength(20);
    for (const name of ['one', 'two']) {
      const mine = (ticks ?? []).filter((t) => t.startsWith(name));
      expect(mine).toEqual(Array.from({ length: 10 }, (_, i) => `${name}:${i}`));
    }
    await store.close();
  });
});
