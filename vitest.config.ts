import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest test files (a clean clone's .ci/run, 2 cores), started first so that neither worker is left
 * running one of them alone at the end. On a fresh clone vitest has no durations yet and starts the larger
 * files first, which put the crash test (about 4 minutes) last in line.
 */
const LONGEST_FIRST = [
  'test/safety/crash.test.ts',
  'test/hooks/pre-commit.test.ts',
  'test/cache/cli.test.ts',
  'test/pool/pool.test.ts',
  'test/e2e/cli.test.ts',
  'test/safety/hostile.test.ts',
  'test/bench.test.ts',
];

class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((name) => spec.moduleId.endsWith(name));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b)); // stable: the rest keep vitest's order
  }
}

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
    sequence: { sequencer: LongestFirst },
  },
});
