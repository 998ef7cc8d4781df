import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** A new, empty database on the test run's PostgreSQL, so test files never see each other's rows. */
export async function freshDatabaseUrl(label: string): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  const name = `${label}_${randomBytes(4).toString('hex')}`.replace(/[^a-z0-9_]/g, '_');
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}
