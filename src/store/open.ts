import { readStoreConfig, type StoreConfig } from './config.js';
import { FileStore } from './file-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** OAuth mode keeps installations, so it needs ALLYCOMP_STORE_KEY. */
  requireKey: boolean;
  /** 'apply' (default): migrate at start, safe with replicas starting together; 'check': refuse to start if pending. */
  migrations?: 'apply' | 'check';
}

/**
 * The store the environment asks for: PostgreSQL when DATABASE_URL is set, else the embedded files under
 * ALLYCOMP_STATE_DIR. Throws one StoreError (a missing or malformed key, an unreachable database, a wrong password,
 * pending or failed migrations) whose message says what to fix.
 */
export async function openStore(env: NodeJS.ProcessEnv, options: OpenStoreOptions): Promise<Store> {
  return openConfiguredStore(readStoreConfig(env, options), options);
}

async function openConfiguredStore(config: StoreConfig, options: OpenStoreOptions): Promise<Store> {
  if (config.kind === 'file') return FileStore.open(config.stateDir, config.cipher);
  // Loaded only when a database is configured: the PostgreSQL client is a tenth of a second of every start-up.
  const [{ connectPool }, { assertMigrated, migrate }, { PostgresStore }] = await Promise.all([
    import('./postgres/connect.js'),
    import('./postgres/migrate.js'),
    import('./postgres/postgres-store.js'),
  ]);
  const pool = await connectPool(config.databaseUrl);
  try {
    if (options.migrations === 'check') await assertMigrated(pool);
    else await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return new PostgresStore(pool, config.cipher);
}
