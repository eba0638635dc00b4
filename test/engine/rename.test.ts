// A rename is a fix of its own kind: a report carries it, the engine checks it (fixable rule, a real new
// path) and keeps it through the text-fix passes; it counts as fixable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lintText, RuleError, type ConfiguredRule } from '../../src/engine/linter.js';
import { summarize } from '../../src/api.js';
import type { Rule } from '../../src/types.js';

const renaming = (to: unknown, fixable = true): ConfiguredRule => ({
  rule: { meta: { id: 'renamer', description: 'd', fixable, severity: 'error', docs: '' }, check: ({ report }) => report({ message: 'bad name', range: [0, 0], rename: to as string }) },
  severity: 2,
  options: {},
});

describe('rename fixes in the engine', () => {
  it('resolves the new name against the file\'s folder; an absolute path stays', () => {
    expect(lintText('x', { filePath: '/site/_posts/_a.md', rules: [renaming('a.md')] })[0].rename).toEqual({ to: '/site/_posts/a.md' });
    expect(lintText('x', { filePath: '/site/_posts/_a.md', rules: [renaming('/elsewhere/a.md')] })[0].rename).toEqual({ to: '/elsewhere/a.md' });
    expect(lintText('x', { filePath: 'posts/_a.md', rules: [renaming('a.md')] })[0].rename).toEqual({ to: path.resolve('posts/a.md') });
  });

  it('refuses a rename from a rule not declared fixable, or to no new path', () => {
    expect(() => lintText('x', { filePath: '/p/_a.md', rules: [renaming('a.md', false)] })).toThrow(new RuleError('renamer', 'offered a rename but its meta does not declare it fixable'));
    for (const bad of ['_a.md', '/p/_a.md', 'a\0.md', 42]) {
      expect(() => lintText('x', { filePath: '/p/_a.md', rules: [renaming(bad)] }), String(bad)).toThrow(/returned an invalid rename/);
    }
  });

  it('survives the text fixes, leaves the text alone, and counts as fixable', () => {
    const emptier: Rule = {
      meta: { id: 'emptier', description: 'd', fixable: true, severity: 'error', docs: '' },
      check: ({ article, report }) => {
        const i = article.text.indexOf('<p></p>');
        if (i !== -1) report({ message: 'empty', range: [i, i + 7], fix: (f) => f.removeRange([i, i + 7]) });
      },
    };
    const out = fixText('a<p></p>b', { filePath: '/p/_a.md', rules: [renaming('a.md'), { rule: emptier, severity: 2, options: {} }] });
    expect(out.output).toBe('ab');
    expect(out.messages).toEqual([expect.objectContaining({ ruleId: 'renamer', rename: { to: '/p/a.md' } })]);
    expect(summarize('/p/_a.md', out.messages)).toMatchObject({ errorCount: 1, fixableErrorCount: 1 });
    expect(summarize('/p/_a.md', [{ ...out.messages[0], severity: 1 }])).toMatchObject({ warningCount: 1, fixableWarningCount: 1 });
  });
});
