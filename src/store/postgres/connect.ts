import pg from 'pg';
import { describeDatabase, StoreError } from '../errors.js';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

/** A pool on DATABASE_URL, tried once at start so a bad URL, host or password fails the start with its own message. */
export async function connectPool(databaseUrl: string, options: { max?: number } = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'allycomp',
  });
  // An idle connection dropped by the server (a restart, a failover) is replaced on next use; it must not crash the bot.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw explainConnectError(error, databaseUrl);
  }
  return pool;
}

export function explainConnectError(error: unknown, databaseUrl: string): StoreError {
  const where = describeDatabase(databaseUrl);
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message ?? '';
  if (code === '28P01' || code === '28000') {
    return new StoreError(
      'store_auth_failed',
      `PostgreSQL at ${where} refused the user or password in DATABASE_URL (${code === '28P01' ? 'wrong password' : 'no access for this user'}).`,
      { cause: error },
    );
  }
  if (code === '3D000') {
    return new StoreError(
      'store_database_missing',
      `PostgreSQL at ${where} has no such database: create it (CREATE DATABASE) or fix the name in DATABASE_URL.`,
      { cause: error },
    );
  }
  if ((typeof code === 'string' && UNREACHABLE.has(code)) || /timeout|terminated/i.test(message)) {
    return new StoreError(
      'store_unreachable',
      `PostgreSQL at ${where} cannot be reached (${typeof code === 'string' ? code : 'timed out'}): check the host and port in DATABASE_URL and that the server is running.`,
      { cause: error },
    );
  }
  return new StoreError(
    'store_unreachable',
    `PostgreSQL at ${where} could not be used: ${typeof code === 'string' ? code : 'unknown error'}.`,
    { cause: error },
  );
}
