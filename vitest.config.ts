import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one worker on CI's 2 cores, the crash test's
    // 150 s alone in line with everything else. Two workers run it beside the rest.
    maxWorkers: 2,
  },
});
