import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    silent: 'passed-only',
    reporters: ['default'],
    testTimeout: 15_000,
  },
});
