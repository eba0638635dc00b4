// The benchmark (bench/) runs from a clean clone: its corpus is deterministic, varied and shaped like the real
// posts, and `bench/run.mjs` runs end to end, writing a RESULTS file with every run and every target.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(os.tmpdir(), 'newslint-bench-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function node(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Generates a corpus; returns its files, path (posix) → bytes. */
function corpus(name: string, files: number, seed: number): Map<string, Buffer> {
  const out = path.join(temp, name);
  const r = node(['bench/corpus.mjs', '--files', String(files), '--seed', String(seed), '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  const list = (readdirSync(out, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile());
  return new Map(list.map((e) => [path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name))]));
}

describe('bench/corpus.mjs', () => {
  const a = corpus('a', 200, 3);

  it('is deterministic: the same seed gives the same files, byte for byte; post i does not depend on the count', () => {
    const b = corpus('b', 200, 3);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [p, bytes] of a) expect(bytes.equals(b.get(p)!), p).toBe(true);
    const fewer = corpus('fewer', 50, 3);
    expect(fewer.size).toBe(50);
    for (const [p, bytes] of fewer) expect(a.get(p)?.equals(bytes), p).toBe(true);
    const other = corpus('other', 50, 4);
    expect([...other.keys()].filter((p) => a.has(p)).length).toBeLessThan(10);
  });

  it('is varied: 200 distinct posts, not copies of the real ones, of the real ones\' sizes', () => {
    expect(a.size).toBe(200);
    const texts = [...a.values()].map((b) => b.toString('utf8'));
    expect(new Set(texts).size).toBe(200);
    const real = readdirSync(path.join(ROOT, 'fixtures/real/_posts'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(ROOT, 'fixtures/real/_posts', f), 'utf8'));
    expect(texts.filter((t) => real.includes(t))).toEqual([]);
    // recombined, sentences drawn anew: most long lines are found in one post only
    const lines = texts.flatMap((t) => t.split('\n').filter((l) => l.length > 40));
    expect(new Set(lines).size / lines.length).toBeGreaterThan(0.5);
    const sizes = [...a.values()].map((b) => b.length).sort((x, y) => x - y);
    expect(sizes[100]).toBeGreaterThan(1000);
    expect(sizes[100]).toBeLessThan(6000);
    expect(sizes[199]).toBeGreaterThan(8000);
  });

  it('has the real posts\' folders, front matter, file names and defects', () => {
    const folders = new Set(
      readdirSync(path.join(ROOT, 'fixtures/real/_posts'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.dirname(f).split(path.sep).join('/')),
    );
    const names = [...a.keys()].map((p) => p.split('/').pop()!);
    for (const p of a.keys()) expect(folders.has(path.posix.dirname(p)), p).toBe(true);
    expect(new Set([...a.keys()].map((p) => p.split('/')[1])).size).toBeGreaterThanOrEqual(10);
    for (const mark of ['(', '[', '!', '+', '%', '&', '"', "'", '  ']) expect(names.some((n) => n.includes(mark)), mark).toBe(true);
    expect(names.filter((n) => /[\u4e00-\u9fff]/.test(n)).length).toBeGreaterThan(150);
    const texts = [...a.values()].map((b) => b.toString('utf8'));
    for (const t of texts) expect(t).toMatch(/^\n---\ntitle: /);
    const share = (re: RegExp) => texts.filter((t) => re.test(t)).length / texts.length;
    expect(share(/^date: \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT$/m)).toBeGreaterThan(0.6); // RFC 2822 dates
    expect(share(/cors\.zfour\.workers\.dev/)).toBeGreaterThan(0.1); // proxied images
    expect(share(/<p><\/p>/)).toBeGreaterThan(0.1); // empty paragraphs
    expect(share(/<img(?![^>]*\balt=)[^>]*>/)).toBeGreaterThan(0.3); // images without alt
  });
});

describe('bench/run.mjs', () => {
  it('runs end to end and writes a RESULTS file with every run, every target and the per-rule table', () => {
    const results = path.join(temp, 'RESULTS.md');
    const args = ['bench/run.mjs', '--files', '60', '--repeat', '1', '--one-file-runs', '1', '--rule-copies', '1', '--rule-rounds', '1', '--results', results];
    const r = node(args);
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(results, 'utf8');
    expect(r.stdout).toContain(md.slice(0, 200));
    expect(md).toContain('`node bench/run.mjs --files 60 --repeat 1');
    expect(md).toMatch(/Machine: \d+ cores \(os\.availableParallelism\)/);
    expect(md).toContain(`Node ${process.version}`);
    const rows = [
      'floor: read + gray-matter + parse5, one process',
      'newslint check, one worker',
      'newslint check, default concurrency',
      'newslint check --cache, warm',
      'newslint check --cache --cache-strategy content, warm',
      'newslint check --fix, fresh copy',
      'markdownlint-cli2, default config',
      'node -e ""',
      'newslint --version (start-up only)',
      'newslint check, one post',
    ];
    // every run has a time, or says why it has none (a flag this build lacks)
    for (const row of rows) expect(md, row).toMatch(new RegExp(`^\\| ${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\| (\\d+(\\.\\d+)? +\\||n/a \\(not supported by this build\\))`, 'm'));
    for (const id of ['floor', 'newslint check', 'markdownlint-cli2', 'node -e', 'one post']) expect(md).toContain(id);
    const targets = md.slice(md.indexOf('## Targets'), md.indexOf('## Every run'));
    for (const t of ['default concurrency ≤ 1.2× the floor', 'one worker ≤ 2.5× the floor', '≥ 10× faster than markdownlint-cli2', '`--fix` on a fresh copy ≤ 2× `check`',
      'warm `--cache` run ≤ 0.3× the floor', 'one file ≤ 2× `node -e ""`', 'peak RSS on 100,000 posts < 500 MB']) {
      expect(targets, t).toMatch(new RegExp(`^\\| ${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\| [^|]+\\| (met|missed by \\d+\\.\\d+×|n/a \\(not supported by this build\\)|not run) +\\|`, 'm'));
    }
    expect(md).toContain('## Per-rule cost, in process');
    expect(md).toMatch(/^rule:image-alt +\d+/m);
    expect(md).toMatch(/^\| date-format +\| \d+/m); // what newslint found in the corpus
    // the temporary folder (corpus, copies, reports) is gone
    const tmp = /^bench: generating .* in (.+)\/corpus$/m.exec(r.stderr)?.[1];
    expect(tmp).toBeTruthy();
    expect(existsSync(tmp!)).toBe(false);
  }, 180_000);

  it('times the scale flags on a build that has them, and only the rows --only names', () => {
    // A build with --concurrency and --cache (they are made on other branches): this one's CLI behind a
    // wrapper that lists them in `check --help`, logs each command line, and drops them (writing the cache file
    // a real cache would) before running the real CLI.
    const log = path.join(temp, 'argv.log');
    const wrapper = path.join(temp, 'bin', 'newslint.mjs');
    mkdirSync(path.dirname(wrapper));
    writeFileSync(wrapper, `
      import { spawnSync } from 'node:child_process';
      import { appendFileSync, writeFileSync } from 'node:fs';
      import { pathToFileURL } from 'node:url';
      const real = ${JSON.stringify(path.join(ROOT, 'bin/newslint.js'))};
      const args = process.argv.slice(2);
      appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
      if (args.includes('--help')) {
        const r = spawnSync(process.execPath, [real, ...args], { encoding: 'utf8' });
        process.stdout.write(r.stdout + '  --concurrency <auto|off|N>  threads\\n  --cache  replay\\n  --cache-location <path>  where\\n  --cache-strategy <strategy>  how\\n');
        process.exit(r.status);
      }
      const rest = [];
      for (let i = 0; i < args.length; i++) {
        if (args[i] === '--concurrency' || args[i] === '--cache-strategy') i++;
        else if (args[i] === '--cache-location') writeFileSync(args[++i], '{}');
        else if (args[i] !== '--cache') rest.push(args[i]);
      }
      process.argv = [process.argv[0], real, ...rest];
      await import(pathToFileURL(real).href);
    `);
    const results = path.join(temp, 'RESULTS-flags.md');
    const r = node(['bench/run.mjs', '--files', '30', '--repeat', '1', '--only', 'check,cache', '--bin', wrapper, '--results', results]);
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(results, 'utf8');
    const cell = (row: string) => new RegExp(`^\\| ${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\| ([^|]+?) +\\|`, 'm').exec(md)?.[1];
    for (const row of ['newslint check, one worker', 'newslint check, default concurrency', 'newslint check --cache, warm', 'newslint check --cache --cache-strategy content, warm']) {
      expect(cell(row), row).toMatch(/^\d+\.\d+$/);
    }
    for (const row of ['floor: read + gray-matter + parse5, one process', 'newslint check --fix, fresh copy', 'markdownlint-cli2, default config', 'node -e ""', 'newslint check, one post']) {
      expect(cell(row), row).toBe('not run (--only)');
    }
    expect(cell('default concurrency ≤ 1.2× the floor')).toBe('not measured');
    expect(md).toMatch(/^\| warm `--cache` run ≤ 0\.3× the floor +\| not measured +\| not run +\|/m);
    expect(md).toContain('`newslint check --format json --concurrency 1 .`');
    expect(md).not.toContain('## Per-rule cost');
    // what the bench asked of the CLI: one worker as --concurrency 1, each cache in its own file, filled first
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
    const checks = calls.filter((a) => a[0] === 'check' && !a.includes('--help') && a.at(-1) === '.');
    expect(checks.filter((a) => a.join(' ') === 'check --format json --concurrency 1 .')).toHaveLength(1);
    expect(checks.filter((a) => a.join(' ') === 'check --format json .')).toHaveLength(1);
    const metadata = checks.filter((a) => a.includes('--cache') && !a.includes('--cache-strategy'));
    const content = checks.filter((a) => a.includes('--cache-strategy'));
    expect(metadata).toHaveLength(2); // the fill and the warm run
    expect(content).toHaveLength(2);
    expect(content[0].slice(content[0].indexOf('--cache-strategy'), -1)).toEqual(['--cache-strategy', 'content', '--cache-location', expect.stringMatching(/content$/)]);
    expect(metadata[0][metadata[0].indexOf('--cache-location') + 1]).not.toBe(content[0][content[0].indexOf('--cache-location') + 1]);
  }, 120_000);

  it('refuses a bad count or row with exit 2', () => {
    const r = node(['bench/run.mjs', '--files', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--files expects a whole number');
    const only = node(['bench/run.mjs', '--only', 'floor,speed']);
    expect(only.status).toBe(2);
    expect(only.stderr).toContain('--only expects rows among floor, check');
  });
});
