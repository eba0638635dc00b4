// The compact report: one `path:line:col: severity message [rule-id]` line per problem, then a count line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/api.js';
import { formatResults } from '../../src/formatters/index.js';
import type { LintMessage } from '../../src/types.js';

const CWD = '/site';
const ctx = { cwd: CWD, color: false, rulesMeta: {} };
const msg = (over: Partial<LintMessage> = {}): LintMessage => ({ ruleId: 'image-alt', severity: 2, message: 'Image has no alt text', line: 3, column: 2, ...over });
const LINE = /^(.+):(\d+):(\d+): (error|warning) (.*?)(?: \[([^\]]+)\])?$/;

describe('compact', () => {
  it('parses back into the problems, with a count line', () => {
    const results = [
      summarize(path.join(CWD, 'posts/a b.md'), [msg(), msg({ ruleId: 'date-format', severity: 1, message: 'bad date', line: 7, column: 9 })]),
      summarize(path.join(CWD, 'clean.md'), []),
      summarize(path.join(CWD, 'x.md'), [msg({ ruleId: null, message: 'cannot parse', line: 1, column: 1 })]),
    ];
    const lines = formatResults('compact', results, ctx).split('\n');
    expect(lines.slice(-3)).toEqual(['', '3 problems', '']);
    const parsed = lines.slice(0, -3).map((l) => LINE.exec(l)!.slice(1));
    expect(parsed).toEqual([
      ['posts/a b.md', '3', '2', 'error', 'Image has no alt text', 'image-alt'],
      ['posts/a b.md', '7', '9', 'warning', 'bad date', 'date-format'],
      ['x.md', '1', '1', 'error', 'cannot parse', undefined],
    ]);
  });

  it('a clean run prints nothing; control characters in names and messages are escaped', () => {
    expect(formatResults('compact', [summarize(path.join(CWD, 'a.md'), [])], ctx)).toBe('');
    const out = formatResults('compact', [summarize(path.join(CWD, 'a\nb.md'), [msg({ message: 'x\u001b[2J\ny' })])], ctx);
    expect(out.split('\n')[0]).toBe('a\\nb.md:3:2: error x\\u001b[2J\\ny [image-alt]');
  });
});
