import { configDefaults, defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Several bot processes on one database: their own, slower step (`npm run test:replicas`, run by .ci/run).
    exclude: [...configDefaults.exclude, 'tests/replicas/**'],
    // One real PostgreSQL for the run (about a second to start), for the store tests.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    silent: 'passed-only',
    reporters: ['default', new SummaryReporter()],
    testTimeout: 15_000,
    // Many tests wait on real timers (retries, Retry-After, a drain): more workers than cores keep the CPUs busy.
    maxWorkers: 4,
    // Worker threads, not child processes: less CPU to start and to hold a worker (the bot processes the lifecycle
    // tests need are spawned by those tests themselves).
    pool: 'threads',
    // Test files share their worker's module cache: importing the app once per worker, not once per file, halves the
    // run. No test file mocks a module, and the few spies restore themselves.
    isolate: false,
  },
});
