import { describe, expect, it } from 'vitest';
import { applyFixes, mergeFixes } from '../../src/engine/source-fixer.js';
import { fixText, lintText, MAX_FIX_PASSES, RuleError, type ConfiguredRule } from '../../src/engine/linter.js';
import type { Rule } from '../../src/types.js';

const rule = (id: string, check: Rule['check'], fixable = true): ConfiguredRule => ({
  rule: { meta: { id, description: id, fixable, severity: 'error', docs: '' }, check },
  severity: 2,
  options: {},
});

/** Replaces every occurrence of `from` by `to`. */
const replacer = (id: string, from: string, to: string) =>
  rule(id, ({ article, report }) => {
    for (let i = article.text.indexOf(from); i !== -1; i = article.text.indexOf(from, i + from.length)) {
      report({ message: `${from}→${to}`, range: [i, i + from.length], fix: (f) => f.replaceTextRange([i, i + from.length], to) });
    }
  });

describe('applyFixes', () => {
  it('applies sorted fixes and defers overlapping or touching ones', () => {
    const text = 'abcdef';
    const m = (a: number, b: number, t: string) => ({ fix: { range: [a, b] as [number, number], text: t } });
    const r = applyFixes(text, [m(3, 4, 'D'), m(0, 1, 'A'), m(1, 2, 'B'), m(3, 5, 'X')]);
    expect(r.output).toBe('AbcDef');
    expect(r.deferred.length).toBe(2); // [1,2) touches [0,1); [3,5) overlaps [3,4)
  });

  it('merges several edits of one report', () => {
    expect(mergeFixes('abcdef', [{ range: [4, 5], text: 'E' }, { range: [0, 1], text: 'A' }])).toEqual({ range: [0, 5], text: 'AbcdE' });
    expect(() => mergeFixes('abc', [{ range: [0, 2], text: '' }, { range: [1, 3], text: '' }])).toThrow(/overlapping/);
  });
});

describe('fixText', () => {
  it('fixes in passes until stable and reports what remains', () => {
    // a→b then b→c: needs two passes
    const out = fixText('xax', { rules: [replacer('a2b', 'a', 'b'), replacer('b2c', 'b', 'c')] });
    expect(out.output).toBe('xcx');
    expect(out.passes).toBe(2);
    expect(out.messages).toEqual([]);
  });

  it('stops on a circular fix and says so', () => {
    const out = fixText('a', { rules: [replacer('a2b', 'a', 'b'), replacer('b2a', 'b', 'a')] });
    expect(out.passes).toBeLessThan(MAX_FIX_PASSES);
    expect(out.messages.some((m) => m.ruleId === null && /circular/.test(m.message))).toBe(true);
  });

  it('stops after MAX_FIX_PASSES for a fix that never converges', () => {
    const grow = rule('grow', ({ article, report }) => report({ message: 'grow', range: [0, 0], fix: (f) => f.insertTextBefore(0, 'x') }));
    const out = fixText('', { rules: [grow] });
    expect(out.output).toBe('x'.repeat(MAX_FIX_PASSES));
  });

  it('drops a pass whose output would not parse, and reports it', () => {
    const breaker = rule('breaker', ({ article, report }) => {
      const i = article.text.indexOf('title: ok');
      if (i >= 0) report({ message: 'break', range: [i, i + 9], fix: (f) => f.replaceTextRange([i, i + 9], 'title: [') });
    });
    const text = '---\ntitle: ok\n---\nbody\n';
    const out = fixText(text, { rules: [breaker] });
    expect(out.output).toBe(text);
    expect(out.messages.some((m) => /would not parse/.test(m.message))).toBe(true);
  });

  it('keeps everything outside fixes byte-identical, BOM-free text and CRLF included', () => {
    const text = '---\r\ntitle: "t"  # comment\r\n---\r\n<P CLASS=x>a</P>\r\n\ta\r\n';
    const out = fixText(text, { rules: [replacer('a2b', '\ta', '\tb')] });
    expect(out.output).toBe(text.replace('\ta', '\tb'));
  });
});

describe('rule contract', () => {
  it('refuses a fix from a rule that does not declare itself fixable', () => {
    const liar = rule('liar', ({ report }) => report({ message: 'm', range: [0, 0], fix: (f) => f.insertTextBefore(0, 'x') }), false);
    expect(() => lintText('abc', { rules: [liar] })).toThrow(RuleError);
  });

  it('refuses ranges outside the file and unknown message ids', () => {
    expect(() => lintText('abc', { rules: [rule('far', ({ report }) => report({ message: 'm', range: [0, 99] }))] })).toThrow(/outside/);
    expect(() => lintText('abc', { rules: [rule('id', ({ report }) => report({ messageId: 'nope', range: [0, 1] }))] })).toThrow(/messageId/);
  });

  it('turns a crashing rule into a RuleError naming the rule', () => {
    expect(() => lintText('abc', { rules: [rule('boom', () => { throw new Error('kaput'); })] })).toThrow(/rule "boom".*kaput/s);
  });

  it('fills message templates and computes line/column/end', () => {
    const r: ConfiguredRule = {
      rule: { meta: { id: 't', description: '', fixable: false, severity: 'warn', docs: '', messages: { m: 'got {{what}}' } }, check: ({ report }) => report({ messageId: 'm', data: { what: 'x' }, range: [2, 5] }) },
      severity: 1,
      options: {},
    };
    expect(lintText('a\nbcd\ne', { rules: [r] })).toEqual([
      { ruleId: 't', severity: 1, message: 'got x', line: 2, column: 1, endLine: 2, endColumn: 4 },
    ]);
  });

  it('turns an unparsable file into one fatal message with its line', () => {
    const [m] = lintText('\n---\na: b\nc: [\n---\n', { rules: [] });
    expect(m).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(m.line).toBeGreaterThanOrEqual(4);
  });
});
