/** Why the store could not start or could not do what it was asked; each code has one message. */
export type StoreErrorCode =
  | 'store_key_invalid'
  | 'store_unreachable'
  | 'store_auth_failed'
  | 'store_database_missing'
  | 'store_migrations_pending'
  | 'store_migration_failed'
  | 'store_token_unreadable'
  | 'store_not_installed';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** A database URL fit for a message: host, port, database and user; never the password. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    const database = url.pathname.replace(/^\//, '') || '(default database)';
    return `${user}${url.hostname}:${url.port || '5432'}/${database}`;
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}
