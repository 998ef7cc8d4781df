import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** `npm run test:replicas`: the bot as several processes on one PostgreSQL (slower: each replica is a process). */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['tests/replicas/**/*.test.ts'], exclude: [], testTimeout: 30_000 },
});
