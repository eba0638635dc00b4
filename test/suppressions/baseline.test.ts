// The baseline's room (src/suppressions/): the file format, and applying, recording and pruning counts as
// ESLint 9's bulk suppressions do (with the differences baseline.ts states).
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Baseline, countByRule, type SuppressionsOptions } from '../../src/suppressions/baseline.js';
import { formatCounts, parseCounts, readSuppressions, SuppressionsError } from '../../src/suppressions/file.js';
import { inputsCover } from '../../src/suppressions/scope.js';
import { shardOf } from '../../src/run/shard.js';
import type { LintMessage, LintResult } from '../../src/types.js';

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
function dir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'newslint-baseline-'));
  temps.push(d);
  return d;
}

const msg = (ruleId: string | null, extra: Partial<LintMessage> = {}): LintMessage => ({ ruleId, severity: 2, message: `${ruleId}`, line: 1, column: 1, ...extra });
const result = (filePath: string, messages: LintMessage[], extra: Partial<LintResult> = {}): LintResult => ({
  filePath, messages, errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, ...extra,
});
const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

/** A baseline over `cwd` holding `data` (written as the file), with these options. */
function open(cwd: string, data: unknown | null, options: SuppressionsOptions = {}): Baseline {
  if (data !== null) writeFileSync(path.join(cwd, 'newslint-suppressions.json'), json(data));
  return Baseline.open(options, cwd);
}
const noneCovered = () => false;

describe('the suppressions file', () => {
  it('reads the format and rejects anything else, naming the file and the place', () => {
    expect([...parseCounts({ 'a.md': { 'image-alt': { count: 2 } } }, 'f.json')]).toEqual([['a.md', new Map([['image-alt', 2]])]]);
    for (const [bad, where] of [
      [[], 'the file'],
      [null, 'the file'],
      [{ 'a.md': [] }, '"a.md"'],
      [{ 'a.md': { r: { count: 0 } } }, '"a.md" › "r"'],
      [{ 'a.md': { r: { count: 1.5 } } }, '"a.md" › "r"'],
      [{ 'a.md': { r: { count: '2' } } }, '"a.md" › "r"'],
      [{ 'a.md': { r: 2 } }, '"a.md" › "r"'],
    ] as const) {
      expect(() => parseCounts(bad, 'f.json')).toThrow(SuppressionsError);
      expect(() => parseCounts(bad, 'f.json')).toThrow(`f.json is not a valid suppressions file: ${where}`);
    }
    const d = dir();
    writeFileSync(path.join(d, 'x.json'), '{"a.md": ');
    expect(() => readSuppressions(path.join(d, 'x.json'), 'x.json')).toThrow(/^x\.json is not a valid suppressions file: /);
    expect(readSuppressions(path.join(d, 'missing.json'), 'missing.json')).toEqual({ counts: new Map(), digest: null, text: '' });
  });

  it('writes keys sorted by code unit, whatever order they were added in, and leaves out zero counts', () => {
    const counts = new Map([
      ['b/z.md', new Map([['z-rule', 1], ['a-rule', 3]])],
      ['B.md', new Map([['r', 0]])],
      ['a/é.md', new Map([['r', 2]])],
      ['a/e.md', new Map([['r', 1]])],
    ]);
    const text = formatCounts(counts);
    const data = JSON.parse(text);
    expect(Object.keys(data)).toEqual(['a/e.md', 'a/é.md', 'b/z.md']);
    expect(Object.keys(data['b/z.md'])).toEqual(['a-rule', 'z-rule']);
    expect(data['b/z.md']['a-rule']).toEqual({ count: 3 });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "a/e.md": {\n    "r": {\n      "count": 1\n    }\n  }');
  });
});

describe('applying the baseline', () => {
  it('suppresses the problems of a rule within its count, as suppressedMessages of kind baseline; above it, reports them all', () => {
    const cwd = dir();
    const b = open(cwd, { 'a.md': { 'image-alt': { count: 2 }, 'no-empty-paragraph': { count: 1 } } });
    const within = b.apply(result(path.join(cwd, 'a.md'), [msg('image-alt'), msg('image-alt'), msg('date-format')]));
    expect(within.messages.map((m) => m.ruleId)).toEqual(['date-format']);
    expect(within.suppressed.map((m) => [m.ruleId, m.suppressions])).toEqual([
      ['image-alt', [{ kind: 'baseline', justification: '' }]],
      ['image-alt', [{ kind: 'baseline', justification: '' }]],
    ]);
    const above = open(cwd, null).apply(result(path.join(cwd, 'a.md'), [msg('image-alt'), msg('image-alt'), msg('image-alt'), msg('no-empty-paragraph')]));
    expect(above.messages.map((m) => m.ruleId)).toEqual(['image-alt', 'image-alt', 'image-alt']);
    expect(above.suppressed.map((m) => m.ruleId)).toEqual(['no-empty-paragraph']);
  });

  it('suppresses warnings too, but never a problem without a rule, a fatal or an internal error', () => {
    const cwd = dir();
    const b = open(cwd, { 'a.md': { r: { count: 5 } } });
    const out = b.apply(result(path.join(cwd, 'a.md'), [msg('r', { severity: 1 }), msg(null, { fatal: true }), msg('r', { internal: true }), msg('r', { fatal: true })]));
    expect(out.suppressed.map((m) => m.severity)).toEqual([1]);
    expect(out.messages).toHaveLength(3);
    expect(countByRule([msg(null), msg('r', { fatal: true }), msg('r', { internal: true }), msg('r', { severity: 1 })])).toEqual(new Map([['r', 1]]));
  });

  it('keys files by their path relative to cwd with / separators, and a file outside the entries is untouched', () => {
    const cwd = dir();
    const b = open(cwd, { 'posts/a.md': { r: { count: 1 } } });
    expect(b.keyOf(path.join(cwd, 'posts', 'a.md'))).toBe('posts/a.md');
    expect(b.apply(result(path.join(cwd, 'posts/a.md'), [msg('r')])).suppressed).toHaveLength(1);
    expect(b.apply(result(path.join(cwd, 'a.md'), [msg('r')])).suppressed).toHaveLength(0);
  });
});

describe('judging and updating the baseline', () => {
  it('an entry above what its file has now is stale; the file is not rewritten without suppress or prune', async () => {
    const cwd = dir();
    const data = { 'a.md': { r: { count: 3 }, gone: { count: 1 } }, 'b.md': { r: { count: 1 } } };
    const b = open(cwd, data);
    b.apply(result(path.join(cwd, 'a.md'), [msg('r'), msg('r')]));
    b.apply(result(path.join(cwd, 'b.md'), [msg('r'), msg('r')])); // above the count: reported, not stale
    const outcome = await b.finish(noneCovered);
    expect(outcome.stale).toEqual([
      { file: 'a.md', rule: 'r', allowed: 3, found: 2 },
      { file: 'a.md', rule: 'gone', allowed: 1, found: 0 },
    ]);
    expect(outcome).toMatchObject({ written: false, error: null });
    expect(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8')).toBe(json(data));
  });

  it('a file with a fatal or internal error is not judged: its problems are not known', async () => {
    const cwd = dir();
    const b = open(cwd, { 'a.md': { r: { count: 3 } } }, { prune: true });
    b.apply(result(path.join(cwd, 'a.md'), [msg(null, { fatal: true })]));
    expect((await b.finish(noneCovered)).stale).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8'))).toEqual({ 'a.md': { r: { count: 3 } } });
  });

  it('prune lowers counts to what remains and drops rules that no longer report, and files gone within the run', async () => {
    const cwd = dir();
    const b = open(cwd, { 'a.md': { r: { count: 3 }, s: { count: 2 }, t: { count: 1 } }, 'gone.md': { r: { count: 1 } }, 'elsewhere/gone.md': { r: { count: 1 } } }, { prune: true });
    const out = b.apply(result(path.join(cwd, 'a.md'), [msg('r'), msg('s'), msg('s'), msg('s')]));
    expect(out.messages.map((m) => m.ruleId)).toEqual(['s', 's', 's']); // above its count: not raised by prune
    const outcome = await b.finish((f) => path.dirname(f) === cwd);
    expect(outcome).toMatchObject({ stale: [], written: true, error: null });
    expect(JSON.parse(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8'))).toEqual({
      'a.md': { r: { count: 1 }, s: { count: 2 } },
      'elsewhere/gone.md': { r: { count: 1 } },
    });
  });

  it('a gone file within the run is stale; outside it (another folder, another shard) it is not judged', async () => {
    const cwd = dir();
    const data = { 'x/gone.md': { r: { count: 1 } }, 'y/gone.md': { r: { count: 2 } } };
    writeFileSync(path.join(cwd, 'x.md'), '');
    const b = open(cwd, data);
    const outcome = await b.finish((f) => f.startsWith(path.join(cwd, 'x') + path.sep));
    expect(outcome.stale).toEqual([{ file: 'x/gone.md', rule: 'r', allowed: 1, found: null }]);
    const cover = inputsCover(['.'], cwd, { index: shardOf(path.join(cwd, 'x/gone.md'), cwd, 7), count: 7 });
    expect(cover(path.join(cwd, 'x/gone.md'))).toBe(true);
    expect(cover(path.join(cwd, 'y/gone.md'))).toBe(shardOf(path.join(cwd, 'y/gone.md'), cwd, 7) === shardOf(path.join(cwd, 'x/gone.md'), cwd, 7));
    expect(inputsCover(['x.md'], cwd)(path.join(cwd, 'x/gone.md'))).toBe(false);
    expect(inputsCover(['x/**/*.md'], cwd)(path.join(cwd, 'x/gone.md'))).toBe(true);
    expect(inputsCover(['./x/*.md'], cwd)(path.join(cwd, 'x/gone.md'))).toBe(true);
    expect(inputsCover(['y/*.md'], cwd)(path.join(cwd, 'x/gone.md'))).toBe(false);
  });

  it('suppress all makes a file\'s entries exactly what it has; suppress rules touches only those rules', async () => {
    const cwd = dir();
    const before = { 'a.md': { old: { count: 4 }, r: { count: 9 } }, 'b.md': { keep: { count: 1 }, r: { count: 1 } } };
    const all = open(cwd, before, { suppress: 'all' });
    expect(all.apply(result(path.join(cwd, 'a.md'), [msg('r'), msg('s')])).messages).toEqual([]);
    expect((await all.finish(noneCovered)).stale).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8'))).toEqual({
      'a.md': { r: { count: 1 }, s: { count: 1 } },
      'b.md': { keep: { count: 1 }, r: { count: 1 } },
    });
    const rules = open(cwd, before, { suppress: ['r', 'new'] });
    expect(rules.apply(result(path.join(cwd, 'b.md'), [msg('new'), msg('other')])).messages.map((m) => m.ruleId)).toEqual(['other']);
    expect((await rules.finish(noneCovered)).stale).toEqual([{ file: 'b.md', rule: 'keep', allowed: 1, found: 0 }]);
    expect(JSON.parse(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8'))).toEqual({
      'a.md': { old: { count: 4 }, r: { count: 9 } },
      'b.md': { keep: { count: 1 }, new: { count: 1 } },
    });
  });

  it('a file renamed away by --fix is gone: its entry moves to the new name', async () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, '_a.md'), ''); // even while the old name still exists, the result says it moved
    const b = open(cwd, { '_a.md': { r: { count: 1 } } }, { suppress: 'all' });
    b.apply(result(path.join(cwd, '_a.md'), [msg('r')], { renamedTo: path.join(cwd, 'a.md') }));
    await b.finish(noneCovered);
    expect(JSON.parse(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8'))).toEqual({ 'a.md': { r: { count: 1 } } });
  });

  it('writes atomically, keeping the mode, and never over a file changed since it was read', async () => {
    const cwd = dir();
    const file = path.join(cwd, 'newslint-suppressions.json');
    const b = open(cwd, { 'a.md': { r: { count: 2 } } }, { prune: true });
    chmodSync(file, 0o640);
    b.apply(result(path.join(cwd, 'a.md'), [msg('r')]));
    expect(await b.finish(noneCovered)).toMatchObject({ written: true, error: null });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(cwd)).toEqual(['newslint-suppressions.json']); // no temporary file left
    const late = open(cwd, null, { prune: true });
    late.apply(result(path.join(cwd, 'a.md'), []));
    writeFileSync(file, json({ 'b.md': { r: { count: 1 } } })); // another run wrote it meanwhile
    const outcome = await late.finish(noneCovered);
    expect(outcome.written).toBe(false);
    expect(outcome.error).toMatch(/^the suppressions file newslint-suppressions\.json was not written: not written: the file changed on disk/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ 'b.md': { r: { count: 1 } } });
  });

  it('creates a missing file, and a suppressions file that cannot be created is an error, not a crash', async () => {
    const cwd = dir();
    const b = open(cwd, null, { suppress: 'all' });
    b.apply(result(path.join(cwd, 'a.md'), [msg('r')]));
    expect(await b.finish(noneCovered)).toMatchObject({ written: true, error: null });
    expect(readFileSync(path.join(cwd, 'newslint-suppressions.json'), 'utf8')).toBe(json({ 'a.md': { r: { count: 1 } } }));
    const nowhere = Baseline.open({ suppress: 'all', file: 'no/such/folder/s.json' }, cwd);
    nowhere.apply(result(path.join(cwd, 'a.md'), [msg('r')]));
    expect((await nowhere.finish(noneCovered)).error).toMatch(/^the suppressions file no\/such\/folder\/s\.json was not written: ENOENT/);
    expect(readdirSync(cwd)).toEqual(['newslint-suppressions.json']);
  });
});
