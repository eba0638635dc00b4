// Fuzzing with random HTML bodies, as Markdown posts and as .html files (fast-check, seeded).
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import type { ConfiguredRule } from '../../src/engine/linter.js';
import { allRulesOn } from './helpers.js';
import { RUNS, checkInvariants, fuzzSeed, randomHtml } from './fuzz-props.js';

let rules: ConfiguredRule[];
beforeAll(async () => {
  rules = await allRulesOn();
});

describe('fuzz: random HTML', () => {
  it(`random HTML in a Markdown post (${RUNS} cases)`, () => {
    const post = fc.tuple(randomHtml, randomHtml).map(([a, b]) => `---\ntitle: t\ndate: 2021-10-31 08:06:29\n---\n\n${a}\n\n${b}`);
    fc.assert(fc.property(post, (text) => checkInvariants(text, rules)), { seed: fuzzSeed('fuzz-html-md'), numRuns: RUNS, endOnFailure: true });
  }, 1_200_000);

  it(`random HTML files (${RUNS} cases)`, () => {
    fc.assert(fc.property(fc.array(randomHtml, { maxLength: 4 }).map((a) => a.join('\n')), (text) => checkInvariants(text, rules, 'page.html')), {
      seed: fuzzSeed('fuzz-html'), numRuns: RUNS, endOnFailure: true,
    });
  }, 1_200_000);
});
