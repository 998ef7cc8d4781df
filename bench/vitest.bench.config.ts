import { defineConfig } from 'vitest/config';

// The project's vitest.config.ts only includes tests/**/*.test.ts; micro-benchmarks live here instead.
export default defineConfig({
  test: {
    include: [],
    // One file at a time: on a 2-core machine parallel files would time each other.
    fileParallelism: false,
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
