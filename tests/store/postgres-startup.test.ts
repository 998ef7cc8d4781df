import { describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { connectPool } from '../../src/store/postgres/connect.js';
import { assertMigrated, migrate } from '../../src/store/postgres/migrate.js';
import { MIGRATIONS } from '../../src/store/postgres/migrations/index.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { keyA } from './fixtures.js';

const env = (databaseUrl: string) => ({ DATABASE_URL: databaseUrl, ALLYCOMP_STORE_KEY: keyA.toString('base64') });

describe('PostgreSQL migrations', () => {
  it('applies each migration once; a second run has nothing to do', async () => {
    const pool = await connectPool(await freshDatabaseUrl('migrate'), { max: 2 });
    expect(await migrate(pool)).toEqual({ applied: [1], alreadyApplied: [] });
    expect(await migrate(pool)).toEqual({ applied: [], alreadyApplied: [1] });
    const { rows } = await pool.query('SELECT version, name FROM allycomp_migrations');
    expect(rows).toEqual([{ version: 1, name: 'initial' }]);
    await pool.end();
  });

  it('lets two replicas starting together migrate safely: one applies, the other finds it done', async () => {
    const url = await freshDatabaseUrl('migrate_race');
    const pools = await Promise.all([connectPool(url, { max: 1 }), connectPool(url, { max: 1 })]);
    const reports = await Promise.all(pools.map((pool) => migrate(pool)));
    expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 1]);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('rolls a failing migration back whole, and says which one failed', async () => {
    const pool = await connectPool(await freshDatabaseUrl('migrate_fail'), { max: 1 });
    await migrate(pool);
    const broken = [
      ...MIGRATIONS,
      { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done' },
    ];
    const failure = await migrate(pool, broken).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'store_migration_failed' });
    expect((failure as Error).message).toMatch(/^Database migration 2 \(broken\) failed and was rolled back: /);
    const { rows } = await pool.query(
      `SELECT to_regclass('half_done') AS t, max(version) AS v FROM allycomp_migrations`,
    );
    expect(rows[0]).toEqual({ t: null, v: 1 });
    await pool.end();
  });

  it('refuses to start with migrations pending when told only to check', async () => {
    const url = await freshDatabaseUrl('migrate_check');
    const failure = await openStore(env(url), { requireKey: true, migrations: 'check' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'store_migrations_pending' });
    expect((failure as Error).message).toContain('needs migrations 1 (initial)');
    const store = await openStore(env(url), { requireKey: true });
    await store.close();
    const pool = await connectPool(url, { max: 1 });
    await expect(assertMigrated(pool)).resolves.toBeUndefined();
    await pool.end();
  });
});

describe('PostgreSQL start-up errors', () => {
  it('names a wrong password, without printing it', async () => {
    const url = new URL(inject('postgresUrl'));
    url.password = 'not-the-password';
    const failure = await openStore(env(url.toString()), { requireKey: true }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'StoreError', code: 'store_auth_failed' });
    expect((failure as Error).message).toMatch(
      /^PostgreSQL at allycomp_test@127\.0\.0\.1:\d+\/postgres refused the user or password in DATABASE_URL \(wrong password\)\.$/,
    );
    expect((failure as Error).message).not.toContain('not-the-password');
  });

  it('names an unreachable server', async () => {
    const url = new URL(inject('postgresUrl'));
    url.port = '1';
    const failure = await openStore(env(url.toString()), { requireKey: true }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'store_unreachable' });
    expect((failure as Error).message).toContain(
      'cannot be reached (ECONNREFUSED): check the host and port in DATABASE_URL',
    );
  });

  it('names a database that does not exist', async () => {
    const url = new URL(inject('postgresUrl'));
    url.pathname = '/no_such_database';
    const failure = await openStore(env(url.toString()), { requireKey: true }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'store_database_missing' });
  });
});
