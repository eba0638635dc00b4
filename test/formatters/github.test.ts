// The GitHub Actions report is read back as the runner reads it (actions/runner's ActionCommand: `::name
// key=value,…::data`, properties split at commas and the first `=`, then unescaped) and compared with the results.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type FileResult } from '../../src/api.js';
import { escapeControl } from '../../src/formatters/escape.js';
import { formatResults } from '../../src/formatters/index.js';
import type { LintMessage } from '../../src/types.js';

const CWD = '/site';
const ctx = { cwd: CWD, color: false, rulesMeta: {} };

interface Command {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

/** The runner's parser (ActionCommand.TryParseV2), for the commands newslint writes. */
function parse(line: string): Command {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    expect(eq).toBeGreaterThan(0);
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, data: unescapeData(m[3]) };
}

function run(results: FileResult[]): Command[] {
  const out = formatResults('github', results, ctx);
  expect(out.endsWith('\n') || out === '').toBe(true);
  return out.split('\n').filter(Boolean).map(parse);
}

/** What the message reads as once unescaped: CR and LF survive (GitHub shows them), other controls are visible \uXXXX. */
const shown = (s: string) => s.split(/(\r|\n)/).map((part) => (part === '\r' || part === '\n' ? part : escapeControl(part))).join('');

const msg = (over: Partial<LintMessage> = {}): LintMessage => ({ ruleId: 'image-alt', severity: 2, message: 'Image has no alt text', line: 3, column: 2, endLine: 3, endColumn: 20, ...over });

describe('github', () => {
  it('one annotation per problem with file, position and title; errors before warnings', () => {
    const results = [
      summarize(path.join(CWD, 'a.md'), [msg({ severity: 1, ruleId: 'cjk-spacing', message: 'w1' }), msg({ line: 9, endLine: 9 })]),
      summarize(path.join(CWD, 'posts/b.md'), [msg({ ruleId: null, fatal: true, message: 'cannot parse', line: 1, column: 1, endLine: undefined, endColumn: undefined })]),
    ];
    const cmds = run(results);
    expect(cmds.map((c) => c.command)).toEqual(['error', 'error', 'warning']);
    expect(cmds[0]).toEqual({ command: 'error', properties: { file: 'a.md', line: '9', col: '2', endLine: '9', endColumn: '20', title: 'newslint(image-alt)' }, data: 'Image has no alt text' });
    expect(cmds[1]).toEqual({ command: 'error', properties: { file: 'posts/b.md', line: '1', col: '1', title: 'newslint' }, data: 'cannot parse' });
    expect(cmds[2].properties.title).toBe('newslint(cjk-spacing)');
  });

  it('a range over several lines gives lines only (GitHub drops columns there)', () => {
    const [c] = run([summarize(path.join(CWD, 'a.md'), [msg({ line: 2, column: 5, endLine: 4, endColumn: 3 })])]);
    expect(c.properties).toEqual({ file: 'a.md', line: '2', endLine: '4', title: 'newslint(image-alt)' });
  });

  it('hostile messages and file names cannot add commands, properties or lines', () => {
    const evil = ['line1\nline2\r\n::error::forged', '100% %0A %25 literal', 'a,b:c=d::e', '\u001b[2J\u202e bidi \u0000 nul\ttab', 'lone \ud800'];
    const results = evil.map((e, i) => summarize(path.join(CWD, `dir, with: ${e} ${i}.md`), [msg({ message: e, severity: i % 2 ? 1 : 2 })]));
    const out = formatResults('github', results, ctx);
    expect(out.split('\n').filter(Boolean)).toHaveLength(evil.length);
    const cmds = run(results);
    const expected = results.map((r) => ({ file: shown(path.relative(CWD, r.filePath)), data: shown(r.messages[0].message), severity: r.messages[0].severity }));
    // errors first, then warnings, each in input order
    const ordered = [...expected.filter((e) => e.severity === 2), ...expected.filter((e) => e.severity === 1)];
    expect(cmds.map((c) => ({ file: c.properties.file, data: c.data }))).toEqual(ordered.map(({ file, data }) => ({ file, data })));
    for (const c of cmds) expect(Object.keys(c.properties)).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
  });

  it('beyond 10 errors and 10 warnings, a last notice says how many were not annotated', () => {
    const many = (n: number, severity: 1 | 2) => Array.from({ length: n }, (_, i) => msg({ severity, line: i + 1, endLine: i + 1 }));
    const cmds = run([summarize(path.join(CWD, 'a.md'), [...many(13, 2), ...many(11, 1)])]);
    expect(cmds).toHaveLength(13 + 11 + 1);
    expect(cmds.slice(0, 13).every((c) => c.command === 'error')).toBe(true);
    expect(cmds.slice(13, 24).every((c) => c.command === 'warning')).toBe(true);
    const last = cmds[24];
    expect(last.command).toBe('notice');
    expect(last.data).toMatch(/^3 errors and 1 warning beyond GitHub's 10 per step were not annotated/);
  });

  it('within the limits, no notice; a clean run prints nothing', () => {
    expect(run([summarize(path.join(CWD, 'a.md'), [msg(), msg({ severity: 1 })])]).map((c) => c.command)).toEqual(['error', 'warning']);
    expect(formatResults('github', [summarize(path.join(CWD, 'a.md'), [])], ctx)).toBe('');
  });
});
