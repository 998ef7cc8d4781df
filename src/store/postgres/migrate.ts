import type pg from 'pg';
import { StoreError } from '../errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Any constant shared by every replica: the advisory lock that lets one of them migrate at a time. */
const MIGRATION_LOCK = 7_316_016_001;

export interface MigrationReport {
  applied: number[];
  alreadyApplied: number[];
}

/**
 * Applies the pending migrations in one transaction, recorded in allycomp_migrations, under a transaction-scoped
 * advisory lock: replicas starting together wait for each other and the later ones find nothing to do. A failing
 * migration rolls back whole, so the schema is never half-changed.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS allycomp_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM allycomp_migrations')).rows.map((r) => r.version),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (done.has(migration.version)) {
        report.alreadyApplied.push(migration.version);
        continue;
      }
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new StoreError(
          'store_migration_failed',
          `Database migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await client.query('INSERT INTO allycomp_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      report.applied.push(migration.version);
    }
    await client.query('COMMIT');
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** For a replica told not to migrate: refuses to start while the database lacks a migration this code needs. */
export async function assertMigrated(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const table = await pool.query<{ found: string | null }>(`SELECT to_regclass('allycomp_migrations') AS found`);
  const done = new Set<number>();
  if (table.rows[0]?.found) {
    for (const row of (await pool.query<{ version: number }>('SELECT version FROM allycomp_migrations')).rows) {
      done.add(row.version);
    }
  }
  const pending = migrations.filter((migration) => !done.has(migration.version));
  if (pending.length > 0) {
    throw new StoreError(
      'store_migrations_pending',
      `The database needs migrations ${pending.map((m) => `${m.version} (${m.name})`).join(', ')}: run npm run store:migrate with this DATABASE_URL, then start again.`,
    );
  }
}
