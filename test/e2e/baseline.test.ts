// End-to-end: the baseline (newslint-suppressions.json, ESLint 9's bulk suppressions) through the built CLI:
// adopt on a dirty corpus, fail on anything new, prune what was fixed, report what went stale, and keep to
// the files a run looks at (a folder, a shard).
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newslint, onlyRules, ruleIds, tempDir } from './helpers.js';

const ids = ruleIds();
const RULES = { 'image-alt': 'error', 'no-empty-paragraph': 'error', 'prefer-https': 'warn' };
const FILE = 'newslint-suppressions.json';

/** A post with `images` images without alt text (not fixable), `empty` empty paragraphs (fixable) and `http` http:// images (warnings). */
function post({ images = 0, empty = 0, http = 0 }: { images?: number; empty?: number; http?: number }): string {
  const body = [
    ...Array.from({ length: images }, (_, i) => `<img src="https://e.com/${i}.png">`),
    ...Array.from({ length: empty }, () => '<p></p>'),
    ...Array.from({ length: http }, (_, i) => `<img src="http://e.com/${i}.png" alt="a photo of ${i}">`),
  ];
  return `---\ntitle: T\ndate: 2021-01-01 10:00:00\n---\n${body.join('\n\n')}\n`;
}

function corpus(files: Record<string, Parameters<typeof post>[0]>): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, RULES));
  for (const [f, shape] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), post(shape));
  }
  return dir;
}

const baseline = (dir: string, file = FILE) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const rulesOf = (stdout: string, file: string) =>
  JSON.parse(stdout).find((r: any) => r.filePath.endsWith(file)).messages.map((m: any) => m.ruleId);

describe('newslint check --suppress-all', () => {
  it('records every remaining problem per file and rule, sorted; the next run is clean and shows them as suppressed', () => {
    const dir = corpus({ 'posts/b.md': { images: 2, empty: 1 }, 'posts/a.md': { images: 1, http: 2 }, 'posts/clean.md': {} });
    expect(newslint(['check', 'posts'], dir).status).toBe(1);
    const adopt = newslint(['check', '--suppress-all', 'posts'], dir);
    expect(adopt.status).toBe(0);
    expect(adopt.stdout).toBe('');
    expect(adopt.stderr).toBe(`newslint: wrote ${FILE}\n`);
    const text = readFileSync(path.join(dir, FILE), 'utf8');
    expect(JSON.parse(text)).toEqual({
      'posts/a.md': { 'image-alt': { count: 1 }, 'prefer-https': { count: 2 } },
      'posts/b.md': { 'image-alt': { count: 2 }, 'no-empty-paragraph': { count: 1 } },
    });
    expect(Object.keys(JSON.parse(text))).toEqual(['posts/a.md', 'posts/b.md']); // sorted, though b came first in no order
    expect(text.endsWith('\n')).toBe(true);

    const ci = newslint(['check', '--format', 'json', '--max-warnings', '0', 'posts'], dir);
    expect(ci.stderr).toBe('');
    expect(ci.status).toBe(0);
    const results = JSON.parse(ci.stdout);
    const b = results.find((r: any) => r.filePath.endsWith('b.md'));
    expect(b).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0 });
    expect(b.suppressedMessages.map((m: any) => [m.ruleId, m.suppressions])).toEqual([
      ['image-alt', [{ kind: 'baseline', justification: '' }]],
      ['image-alt', [{ kind: 'baseline', justification: '' }]],
      ['no-empty-paragraph', [{ kind: 'baseline', justification: '' }]],
    ]);
  });

  it('with --fix records what remains after the fixes are written', () => {
    const dir = corpus({ 'a.md': { images: 1, empty: 2 } });
    const r = newslint(['check', '--fix', '--suppress-all', '.'], dir);
    expect(r.status).toBe(0);
    expect(baseline(dir)).toEqual({ 'a.md': { 'image-alt': { count: 1 } } });
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).not.toContain('<p></p>');
  });

  it('a new problem of a baselined rule in a baselined file reports every problem of that rule there (as ESLint), exit 1', () => {
    const dir = corpus({ 'a.md': { images: 2, empty: 1 } });
    newslint(['check', '--suppress-all', '.'], dir);
    writeFileSync(path.join(dir, 'a.md'), post({ images: 3, empty: 1 }));
    const r = newslint(['check', '--format', 'json', '.'], dir);
    expect(r.status).toBe(1);
    expect(rulesOf(r.stdout, 'a.md')).toEqual(['image-alt', 'image-alt', 'image-alt']);
    // a new rule in the file, or a new file: only those
    writeFileSync(path.join(dir, 'a.md'), post({ images: 2, empty: 1, http: 1 }));
    writeFileSync(path.join(dir, 'new.md'), post({ empty: 1 }));
    const again = newslint(['check', '--format', 'json', '.'], dir);
    expect(rulesOf(again.stdout, 'a.md')).toEqual(['prefer-https']);
    expect(rulesOf(again.stdout, 'new.md')).toEqual(['no-empty-paragraph']);
    expect(again.status).toBe(1);
  });
});

describe('newslint check --suppress-rule', () => {
  it('records only the rules named (repeatable); the others are still reported', () => {
    const dir = corpus({ 'a.md': { images: 2, empty: 1, http: 1 } });
    const r = newslint(['check', '--suppress-rule', 'image-alt', '--suppress-rule', 'prefer-https', '--format', 'json', '.'], dir);
    expect(r.status).toBe(1);
    expect(rulesOf(r.stdout, 'a.md')).toEqual(['no-empty-paragraph']);
    expect(baseline(dir)).toEqual({ 'a.md': { 'image-alt': { count: 2 }, 'prefer-https': { count: 1 } } });
  });

  it('an unknown rule, or --suppress-all with --suppress-rule, is a usage error (exit 2) and writes nothing', () => {
    const dir = corpus({ 'a.md': { images: 1 } });
    const unknown = newslint(['check', '--suppress-rule', 'image-alts', '.'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"image-alts"');
    const both = newslint(['check', '--suppress-rule', 'image-alt', '--suppress-all', '.'], dir);
    expect(both.status).toBe(2);
    expect(newslint(['check', '--suppress-all', '--fix-dry-run', '.'], dir).status).toBe(2);
    expect(existsSync(path.join(dir, FILE))).toBe(false);
  });
});

describe('stale suppressions and --prune-suppressions', () => {
  it('after --fix, the counts above what remains are reported (exit 2) until --prune-suppressions lowers them', () => {
    const dir = corpus({ 'a.md': { images: 2, empty: 2 }, 'b.md': { images: 1 } });
    newslint(['check', '--suppress-all', '.'], dir);
    writeFileSync(path.join(dir, 'a.md'), post({ images: 1, empty: 2 })); // one image got its alt text
    const fix = newslint(['check', '--fix', '.'], dir);
    expect(fix.status).toBe(2);
    expect(fix.stderr).toContain('a.md: image-alt allows 2, found 1\n');
    expect(fix.stderr).toContain('a.md: no-empty-paragraph allows 2, found 0\n');
    expect(fix.stderr).toContain('--prune-suppressions');
    expect(fix.stderr).not.toContain('b.md');
    expect(newslint(['check', '.'], dir).status).toBe(2);
    const pass = newslint(['check', '--pass-on-unpruned-suppressions', '.'], dir);
    expect([pass.status, pass.stderr]).toEqual([0, '']);

    const prune = newslint(['check', '--prune-suppressions', '.'], dir);
    expect(prune.status).toBe(0);
    expect(baseline(dir)).toEqual({ 'a.md': { 'image-alt': { count: 1 } }, 'b.md': { 'image-alt': { count: 1 } } });
    const ci = newslint(['check', '.'], dir);
    expect([ci.status, ci.stdout, ci.stderr]).toEqual([0, '', '']);
    // pruning never raises a count: a new problem stays reported
    writeFileSync(path.join(dir, 'b.md'), post({ images: 2 }));
    expect(newslint(['check', '--prune-suppressions', '.'], dir).status).toBe(1);
    expect(baseline(dir)['b.md']).toEqual({ 'image-alt': { count: 1 } });
  });

  it('a file that is gone is stale, and pruned', () => {
    const dir = corpus({ 'a.md': { images: 1 }, 'b.md': { images: 1 } });
    newslint(['check', '--suppress-all', '.'], dir);
    rmSync(path.join(dir, 'b.md'));
    const r = newslint(['check', '.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('b.md: image-alt allows 1, but the file is gone\n');
    expect(newslint(['check', '--prune-suppressions', '.'], dir).status).toBe(0);
    expect(baseline(dir)).toEqual({ 'a.md': { 'image-alt': { count: 1 } } });
  });

  it('a run on a sub-folder judges only its files: other folders\' entries are neither stale nor pruned', () => {
    const dir = corpus({ 'x/a.md': { images: 1 }, 'y/b.md': { images: 2 }, 'y/c.md': { images: 1 } });
    newslint(['check', '--suppress-all', '.'], dir);
    rmSync(path.join(dir, 'y/c.md'));
    writeFileSync(path.join(dir, 'y/b.md'), post({ images: 1 }));
    const before = readFileSync(path.join(dir, FILE), 'utf8');
    expect(newslint(['check', 'x'], dir).status).toBe(0);
    expect(newslint(['check', '--prune-suppressions', 'x'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(before);
    const y = newslint(['check', 'y'], dir);
    expect(y.status).toBe(2);
    expect(y.stderr).toContain('y/b.md: image-alt allows 2, found 1\n');
    expect(y.stderr).toContain('y/c.md: image-alt allows 1, but the file is gone\n');
    expect(y.stderr).not.toContain('x/a.md');
  });

  it('a shard judges only its share: the gone file is stale in exactly one of the shards', () => {
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}.md`, { images: 1 }]));
    const dir = corpus(files);
    newslint(['check', '--suppress-all', '.'], dir);
    rmSync(path.join(dir, 'p3.md'));
    const runs = [1, 2, 3].map((i) => newslint(['check', '--shard', `${i}/3`, '.'], dir));
    expect(runs.filter((r) => r.status === 2).length).toBe(1);
    expect(runs.filter((r) => r.status === 0).length).toBe(2);
    expect(runs.find((r) => r.status === 2)!.stderr).toContain('p3.md: image-alt allows 1, but the file is gone');
  });
});

describe('the suppressions file', () => {
  it('gives the same results with --cache and --concurrency 2 as without', () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${String(i).padStart(2, '0')}.md`, { images: i % 3, empty: i % 2, http: i % 4 === 0 ? 1 : 0 }]));
    const dir = corpus(files);
    newslint(['check', '--suppress-rule', 'image-alt', '.'], dir);
    writeFileSync(path.join(dir, 'p05.md'), post({ images: 4 }));
    const strip = (stdout: string) => JSON.parse(stdout).map((r: any) => ({ ...r, filePath: path.basename(r.filePath) }));
    const plain = newslint(['check', '--format', 'json', '--concurrency', 'off', '.'], dir);
    expect(plain.status).toBe(1);
    expect(strip(plain.stdout).some((r: any) => r.suppressedMessages?.length)).toBe(true);
    for (const args of [['--cache'], ['--cache'], ['--concurrency', '2'], ['--cache', '--concurrency', '2']]) {
      const r = newslint(['check', '--format', 'json', ...args, '.'], dir);
      expect([r.status, strip(r.stdout)]).toEqual([1, strip(plain.stdout)]);
    }
    expect(existsSync(path.join(dir, '.newslintcache'))).toBe(true);
  });

  it('--suppressions-location puts it elsewhere; updating it keeps its mode and leaves no temporary file', () => {
    const dir = corpus({ 'a.md': { images: 2 } });
    mkdirSync(path.join(dir, 'ci'));
    expect(newslint(['check', '--suppress-all', '--suppressions-location', 'ci/baseline.json', '.'], dir).status).toBe(0);
    expect(existsSync(path.join(dir, FILE))).toBe(false);
    expect(baseline(dir, 'ci/baseline.json')).toEqual({ 'a.md': { 'image-alt': { count: 2 } } });
    expect(newslint(['check', '.'], dir).status).toBe(1); // the default file does not exist: nothing suppressed
    expect(newslint(['check', '--suppressions-location', 'ci/baseline.json', '.'], dir).status).toBe(0);
    writeFileSync(path.join(dir, 'a.md'), post({ images: 1 }));
    chmodSync(path.join(dir, 'ci/baseline.json'), 0o600);
    expect(newslint(['check', '--prune-suppressions', '--suppressions-location', 'ci/baseline.json', '.'], dir).status).toBe(0);
    expect(statSync(path.join(dir, 'ci/baseline.json')).mode & 0o777).toBe(0o600);
    expect(baseline(dir, 'ci/baseline.json')).toEqual({ 'a.md': { 'image-alt': { count: 1 } } });
    expect(readdirSync(path.join(dir, 'ci'))).toEqual(['baseline.json']);
  });

  it('a damaged file stops the run before anything is printed (exit 2, naming it); one that cannot be written exits 2', () => {
    const dir = corpus({ 'a.md': { images: 1 } });
    for (const text of ['{"a.md": {', '[]', '{"a.md": {"image-alt": {"count": 0}}}', '{"a.md": {"image-alt": 1}}']) {
      writeFileSync(path.join(dir, FILE), text);
      const r = newslint(['check', '--format', 'json', '.'], dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^newslint: ${FILE.replace('.', '\\.')} is not a valid suppressions file: `));
      expect(newslint(['check', '--suppress-all', '.'], dir).status).toBe(2);
      expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(text);
    }
    const nowhere = newslint(['check', '--format', 'json', '--suppress-all', '--suppressions-location', 'missing/s.json', '.'], dir);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('newslint: the suppressions file missing/s.json was not written: ENOENT');
    expect(JSON.parse(nowhere.stdout)).toHaveLength(1); // the report itself is complete
  });
});
