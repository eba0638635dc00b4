// Fuzzing with real posts cut, spliced and corrupted, and with random front matter (fast-check, seeded).
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { ConfiguredRule } from '../../src/engine/linter.js';
import { allRulesOn } from './helpers.js';
import { RUNS, checkInvariants, fuzzSeed, mutatedPost, randomFrontMatterPost } from './fuzz-props.js';

let rules: ConfiguredRule[];
beforeAll(async () => {
  rules = await allRulesOn();
});

describe('fuzz: mutated real posts and random front matter', () => {
  it(`mutated real posts (${RUNS} cases): no crash, bounded time, idempotent minimal fixes, front matter kept`, () => {
    fc.assert(fc.property(mutatedPost, (text) => checkInvariants(text, rules)), { seed: fuzzSeed('fuzz-real'), numRuns: RUNS, endOnFailure: true });
  }, 1_200_000);

  it(`random front matter (${RUNS} cases)`, () => {
    fc.assert(fc.property(randomFrontMatterPost, (text) => checkInvariants(text, rules)), { seed: fuzzSeed('fuzz-front-matter'), numRuns: RUNS, endOnFailure: true });
  }, 1_200_000);
});
