// End-to-end: `check --shard i/n` and `merge-reports`, the built CLI as a subprocess, as a CI matrix runs them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, newslint, tempDir } from './helpers.js';

/** The shipped real posts, plus posts with CJK and decomposable names, in a fresh folder. */
function site(): string {
  const dir = tempDir();
  cpSync(path.join(FIXTURES, 'real'), path.join(dir, 'posts'), { recursive: true });
  for (const name of ['中文标题.md', '한글 제목.md', 'がぎぐ.md', 'café.md']) {
    writeFileSync(path.join(dir, 'posts', name), `---\ntitle: ${name}\ndate: 2020-01-01 00:00:00\n---\n<p>正文</p><p></p>\n`);
  }
  return dir;
}

const N = 3;

// Each test runs the CLI several times: on a loaded 2-core machine that takes longer than the default minute.
describe('newslint check --shard i/n and merge-reports', { timeout: 240_000 }, () => {
  const dir = site();
  const all = newslint(['check', '--format', 'json', 'posts'], dir);
  // check on every shard, each JSON report written to a file
  const shards = Array.from({ length: N }, (_, i) => newslint(['check', '--shard', `${i + 1}/${N}`, '--format', 'json', 'posts'], dir));
  const reports = shards.map((r, i) => {
    const file = path.join(dir, `shard-${i + 1}.json`);
    writeFileSync(file, r.stdout);
    return file;
  });

  it('checks disjoint shares that together are the unsharded run, file for file and result for result', () => {
    expect(all.status).toBe(1);
    const expected = JSON.parse(all.stdout);
    expect(expected.length).toBe(27 + 4);
    const got = shards.flatMap((r) => JSON.parse(r.stdout));
    expect(got.map((r: any) => r.filePath).sort()).toEqual(expected.map((r: any) => r.filePath));
    expect(new Set(got.map((r: any) => r.filePath)).size).toBe(got.length);
    expect(got.sort((a: any, b: any) => (a.filePath < b.filePath ? -1 : 1))).toEqual(expected);
    for (const r of shards) {
      expect(JSON.parse(r.stdout).length).toBeGreaterThan(0); // 31 files in 3 shards: none is empty here
      expect(r.status).toBe(JSON.parse(r.stdout).some((x: any) => x.errorCount) ? 1 : 0);
      expect(r.stderr).toBe('');
    }
  });

  it('gives the same share on every run', () => {
    expect(newslint(['check', '--shard', `2/${N}`, '--format', 'json', 'posts'], dir).stdout).toBe(shards[1].stdout);
  });

  it('merges the shards\' JSON reports into the unsharded report byte for byte, and exits as check did', () => {
    const merged = newslint(['merge-reports', '--format', 'json', ...[...reports].reverse()], dir);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(all.stdout);
    expect(merged.status).toBe(all.status);
  });

  it('prints the merged report with any formatter and --quiet as check does', () => {
    for (const extra of [[], ['--quiet']]) {
      const check = newslint(['check', ...extra, 'posts'], dir);
      const merged = newslint(['merge-reports', ...extra, ...reports], dir);
      expect(merged.stdout, extra.join(' ')).toBe(check.stdout);
      expect(merged.status, extra.join(' ')).toBe(check.status);
    }
  });

  it('exits 0 on clean shards, 1 on too many warnings, 2 when a shard had an internal error', () => {
    const clean = tempDir();
    const result = (filePath: string, messages: object[], counts: Partial<Record<string, number>> = {}) => ({
      filePath,
      messages,
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      ...counts,
    });
    const write = (name: string, results: object[]) => (writeFileSync(path.join(clean, name), JSON.stringify(results)), name);
    const a = write('a.json', [result('/s/a.md', [])]);
    const b = write('b.json', [result('/s/b.md', [{ ruleId: 'prefer-https', severity: 1, message: 'w', line: 1, column: 1 }], { warningCount: 1 })]);
    const c = write('c.json', [result('/s/c.md', [{ ruleId: null, severity: 2, message: 'internal error: x', line: 1, column: 1, fatal: true, internal: true }], { errorCount: 1, fatalErrorCount: 1 })]);
    expect(newslint(['merge-reports', a, b], clean).status).toBe(0);
    const many = newslint(['merge-reports', '--max-warnings', '0', a, b], clean);
    expect(many.status).toBe(1);
    expect(many.stdout).toMatch(/newslint found too many warnings \(maximum: 0\)/);
    expect(newslint(['merge-reports', '--quiet', '--max-warnings', '0', a, b], clean).status).toBe(0);
    expect(newslint(['merge-reports', a, b, c], clean).status).toBe(2);
  });

  it('exits 2 naming a bad, truncated or doubled report, and prints no report', () => {
    const truncated = path.join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(reports[0], 'utf8').slice(0, -200));
    for (const [files, message] of [
      [[reports[1], truncated], /truncated\.json: not a newslint JSON report: truncated: the file ends inside a result/],
      [[reports[1], 'missing.json'], /missing\.json: no such file/],
      [[reports[1], reports[1]], /is in both .*shard-.\.json and .*shard-.\.json/],
      [[path.join(FIXTURES, '../package.json')], /package\.json: not a newslint JSON report: not a JSON array/],
    ] as [string[], RegExp][]) {
      const r = newslint(['merge-reports', '--format', 'json', ...files], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(newslint(['merge-reports'], dir).status).toBe(2); // no report named
  });

  it('an empty shard (more shards than files) is no error: exit 0, an empty report, and a note on stderr', () => {
    const one = tempDir();
    mkdirSync(path.join(one, 'posts'));
    writeFileSync(path.join(one, 'posts', 'a.md'), '---\ntitle: t\ndate: 2020-01-01 00:00:00\n---\n<p></p>\n');
    const runs = [1, 2, 3].map((i) => newslint(['check', '--shard', `${i}/3`, ...(i === 3 ? [] : ['--format', 'json']), 'posts'], one));
    const empty = runs.filter((r) => r.status === 0);
    expect(empty.length).toBe(2); // the file's shard exits 1 (an empty paragraph)
    for (const r of empty) {
      expect(['[]\n', '']).toContain(r.stdout); // json, or stylish (shard 3)
      expect(r.stderr).toMatch(/^newslint: shard \d\/3 has no files to check \(the one file found is in another shard\)\n$/);
    }
    // a folder with no files to check is still a mistake in the command, shard or not
    mkdirSync(path.join(one, 'none'));
    expect(newslint(['check', '--shard', '1/3', 'none'], one).status).toBe(2);
  });

  it('exits 2 on a bad --shard, as Jest does', () => {
    for (const [value, message] of [
      ['0/3', /--shard 0\/3: shards are counted from 1/],
      ['4/3', /--shard 4\/3: there is no shard 4 of 3/],
      ['a/b', /--shard expects i\/n/],
      ['3', /--shard expects i\/n/],
    ]) {
      const r = newslint(['check', '--shard', value as string, 'posts'], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(newslint(['check', 'posts', '--shard'], dir).status).toBe(2);
  });
});

describe('the README\'s GitHub Actions workflow', { timeout: 240_000 }, () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Large sites'));
  const workflow = yaml.load(/```yaml\n([\s\S]*?)```/.exec(section)![1]) as any;
  /** A step's shell command as a job runs it, with the matrix value put in and the built CLI for npx newslint. */
  const command = (job: string, pattern: RegExp, shard?: number) => {
    const steps: { run?: string }[] = workflow.jobs[job].steps;
    const run = steps.find((s) => s.run && pattern.test(s.run))!.run!;
    return run.replaceAll('${{ matrix.shard }}', String(shard)).replaceAll('npx newslint', `node '${BIN}'`);
  };
  const bash = (script: string, cwd: string) => spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });

  it('runs: its shards\' reports, merged as its last job merges them, are the report and exit code of one check', () => {
    const dir = site();
    const shards: number[] = workflow.jobs.check.strategy.matrix.shard;
    expect(shards).toEqual([1, 2, 3, 4]);
    expect(workflow.jobs.report.needs).toBe('check');
    mkdirSync(path.join(dir, 'reports'));
    for (const shard of shards) {
      const r = bash(command('check', /newslint check/, shard), dir);
      expect(r.status, r.stderr).toBe(0); // exit 1 (problems) does not fail the job
      const upload = workflow.jobs.check.steps.find((s: any) => s.uses?.startsWith('actions/upload-artifact')).with.path.replaceAll('${{ matrix.shard }}', shard);
      cpSync(path.join(dir, upload), path.join(dir, 'reports', upload)); // what download-artifact puts in reports/
    }
    const merged = bash(command('report', /newslint merge-reports/), dir);
    const check = newslint(['check'], dir);
    expect(check.status).toBe(1);
    expect(merged.stdout).toBe(check.stdout);
    expect(merged.status).toBe(check.status);
    // and a shard that stops with exit 2 fails its job
    expect(bash(command('check', /newslint check/, 5), dir).status).not.toBe(0);
  });
});
