// RuleTester as a plugin author uses it: each thing it promises to check fails a case that gets it wrong.
// Its describe/it are injected here (as a node:test or mocha user does), collecting the cases to run them.
import { afterEach, describe, expect, it } from 'vitest';
import { RuleTester, type InvalidCase, type ValidCase } from '../../src/rule-tester.js';
import type { Rule } from '../../src/types.js';

/** Reports "foo" (fix: "bar"); fix 'fooo' leaves "foo" behind: every pass of the fixer adds an "o". */
const rule = (fix: 'bar' | 'fooo' | null = 'bar'): Rule => ({
  meta: {
    id: 'no-foo',
    description: 'no foo',
    fixable: fix !== null,
    severity: 'error',
    docs: 'https://example.com',
    schema: { type: 'object', additionalProperties: false, properties: { word: { type: 'string', default: 'foo' } } },
    messages: { found: 'Found {{word}}' },
  },
  check({ article, options, report }) {
    const word = options.word as string;
    for (let i = article.text.indexOf(word); i >= 0; i = article.text.indexOf(word, i + word.length)) {
      report({ messageId: 'found', data: { word }, range: [i, i + word.length], fix: fix === null ? undefined : (f) => f.replaceTextRange([i, i + word.length], fix) });
    }
  },
});

const saved = { describe: RuleTester.describe, it: RuleTester.it };
afterEach(() => Object.assign(RuleTester, saved));

/** Runs RuleTester.run with collecting describe/it; gives each case's name and error (null: passed). */
function outcomes(r: Rule, cases: { valid?: (string | ValidCase)[]; invalid?: InvalidCase[] }): { name: string; error: string | null }[] {
  const tests: { name: string; fn: () => void }[] = [];
  RuleTester.describe = (_name, fn) => fn();
  RuleTester.it = (name, fn) => tests.push({ name, fn });
  RuleTester.run(r, { valid: cases.valid ?? [], invalid: cases.invalid ?? [] });
  return tests.map(({ name, fn }) => {
    try {
      fn();
      return { name, error: null };
    } catch (err) {
      return { name, error: (err as Error).message };
    }
  });
}

const one = (r: Rule, c: InvalidCase) => outcomes(r, { invalid: [c] })[0].error;

describe('RuleTester', () => {
  it('passes right cases, through injected describe/it', () => {
    const got = outcomes(rule(), {
      valid: ['nothing here\n', { code: 'foo\n', options: { word: 'qux' } }],
      invalid: [
        { code: 'a foo\n', errors: [{ messageId: 'found', message: 'Found foo', line: 1, column: 3, endLine: 1, endColumn: 6 }], output: 'a bar\n' },
        { code: 'foo foo\n', errors: 2, output: 'bar bar\n' },
      ],
    });
    expect(got).toEqual([
      { name: 'nothing here\n', error: null },
      { name: 'foo\n', error: null },
      { name: 'a foo\n', error: null },
      { name: 'foo foo\n', error: null },
    ]);
  });

  it('fails a valid case with a problem, and each wrong expectation of an invalid one', () => {
    expect(outcomes(rule(), { valid: ['foo\n'] })[0].error).toMatch(/expected no problems/);
    const c = { code: 'a foo\n', output: 'a bar\n' };
    expect(one(rule(), { ...c, errors: 2 })).toMatch(/expected 2 problem\(s\), got/);
    expect(one(rule(), { ...c, errors: [{ message: 'Found bar' }] })).toMatch(/Found foo/);
    expect(one(rule(), { ...c, errors: [{ messageId: 'lost' }] })).toMatch(/unknown messageId lost/);
    for (const [k, v] of [['line', 2], ['column', 2], ['endLine', 3], ['endColumn', 5]] as const) {
      expect(one(rule(), { ...c, errors: [{ [k]: v }] }), k).toMatch(new RegExp(`: ${k}`));
    }
    expect(one(rule(), { ...c, errors: 1, output: 'a baz\n' })).toMatch(/fixed output/);
    expect(one(rule(), { ...c, errors: 1, output: null })).toMatch(/expected no fix, but the rule offered one/);
    expect(one(rule(null), { ...c, errors: 1, output: null })).toBeNull();
  });

  it('fails a fix that is not idempotent (fixing the output again changes it)', () => {
    // "foo" → "fooo" still holds "foo": every pass changes the text again
    expect(one(rule('fooo'), { code: 'foo\n', errors: 1, output: 'foooooooooooo\n' })).toMatch(/not idempotent/);
  });

  it('validates options against meta.schema', () => {
    expect(one(rule(), { code: 'foo\n', options: { word: 3 }, errors: 1, output: 'bar\n' })).toMatch(/invalid options for no-foo/);
    expect(one(rule(), { code: 'foo\n', options: { wrod: 'foo' }, errors: 1, output: 'bar\n' })).toMatch(/invalid options for no-foo/);
  });

  it('rejects unknown keys in a case or an expected problem, and an invalid case without output', () => {
    expect(() => outcomes(rule(), { valid: [{ code: 'x\n', option: {} } as ValidCase] })).toThrow(/valid case has unknown key\(s\) option/);
    expect(() => outcomes(rule(), { invalid: [{ code: 'foo\n', errors: 1, ouput: 'bar\n' } as unknown as InvalidCase] })).toThrow(/unknown key\(s\) ouput/);
    expect(() => outcomes(rule(), { invalid: [{ code: 'foo\n', errors: [{ col: 1 }], output: 'bar\n' } as unknown as InvalidCase] })).toThrow(
      /expected problem has unknown key\(s\) col/,
    );
    expect(() => outcomes(rule(), { invalid: [{ code: 'foo\n', errors: 1 } as InvalidCase] })).toThrow(/must give its output/);
  });
});
