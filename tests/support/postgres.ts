import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

let fileDatabase: Promise<string> | undefined;

/** This test file's own database on the test run's PostgreSQL (a CREATE DATABASE costs a few hundred ms: one per file). */
function databaseForThisFile(): Promise<string> {
  fileDatabase ??= (async () => {
    const name = `test_${randomBytes(6).toString('hex')}`;
    await adminQuery(inject('postgresUrl'), `CREATE DATABASE ${name}`);
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${name}`;
    return url.toString();
  })();
  return fileDatabase;
}

/**
 * A new, empty schema in this file's database, as a DATABASE_URL whose connections use it (search_path): tests never
 * see each other's rows. Tests in one file run one after another, so database-wide things (advisory locks) do not mix.
 */
export async function freshDatabaseUrl(label: string): Promise<string> {
  const database = await databaseForThisFile();
  const schema = `${label}_${randomBytes(4).toString('hex')}`.replace(/[^a-z0-9_]/g, '_');
  await adminQuery(database, `CREATE SCHEMA ${schema}`);
  const url = new URL(database);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
