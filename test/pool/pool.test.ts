// The worker pool through the built CLI and the in-process API: the same reports, the same bytes written and
// the same exit codes whatever --concurrency says, and a worker that fails costs its file only.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsLint, type FileResult } from '../../src/api.js';
import { workerPool, workerScript } from '../../src/pool/pool.js';
import { IS_ROOT, REAL_POSTS, cli, realPosts, rng, smallDirtyPost, tempDir } from '../safety/helpers.js';

const CONCURRENCIES = ['off', '1', '2', 'auto'];
/** Each test runs the CLI several times over hundreds of posts: minutes on a busy 2-core machine. */
const SLOW = 600_000;
const DIRTY = '---\ntitle: x\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n---\n\n<p>正文</p><p></p>\n';

/** The real posts and 300 small dirty posts cut from them (a fixed seed), in 10 folders. */
function corpus(): string {
  const dir = tempDir('newslint-pool-');
  cpSync(REAL_POSTS, path.join(dir, 'real'), { recursive: true });
  const posts = realPosts();
  const random = rng(20261130);
  for (let i = 0; i < 300; i++) {
    const folder = path.join(dir, `feed-${i % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `post ${i}.md`), smallDirtyPost(posts, random, 1500));
  }
  return dir;
}

/** Every regular .md file under a folder with its bytes, by relative path (a FIFO would block the read forever). */
function snapshot(dir: string): Record<string, string> {
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort();
  const posts = files.filter((f) => f.endsWith('.md') && lstatSync(path.join(dir, f)).isFile());
  return Object.fromEntries(posts.map((f) => [f, readFileSync(path.join(dir, f), 'base64')]));
}

/** A JSON report with the folder it ran in replaced, so that runs on two copies compare. */
const relative = (stdout: string, dir: string) => stdout.replaceAll(JSON.stringify(dir).slice(1, -1), '<dir>');

/** A config with plugin rules written beside the posts. */
function plugins(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ plugins: Object.keys(files).map((f) => `./${f}`) }));
}

const rule = (id: string, check: string, head = '') =>
  `${head}\nexport default { meta: { id: '${id}', description: 'd', fixable: false, severity: 'error', docs: 'x' }, check(ctx) { ${check} } };\n`;

describe('the same report whatever the concurrency', () => {
  it('real and generated posts: the JSON report byte for byte and the exit code, with --concurrency off, 1, 2, auto', () => {
    const dir = corpus();
    const runs = CONCURRENCIES.map((c) => ({ c, json: cli(['check', '--format', 'json', '--concurrency', c, '.'], dir) }));
    const [off] = runs;
    expect(off.json.status).toBe(1);
    const results = JSON.parse(off.json.stdout) as FileResult[];
    expect(results.length).toBe(327);
    expect(results.map((r) => r.filePath)).toEqual(results.map((r) => r.filePath).sort());
    for (const { c, json } of runs) {
      expect(json.stderr, c).toBe('');
      expect(json.status, c).toBe(off.json.status);
      expect(json.stdout === off.json.stdout, `--concurrency ${c}: JSON report`).toBe(true);
    }
  }, SLOW);

  it('--fix writes the same bytes and reports the same with and without workers; the fixes change most files', () => {
    const dir = corpus();
    const before = snapshot(dir);
    const runs = ['off', '2'].map((c) => {
      const copy = tempDir('newslint-pool-');
      cpSync(dir, copy, { recursive: true });
      const r = cli(['check', '--fix', '--format', 'json', '--concurrency', c, '.'], copy);
      return { c, status: r.status, report: relative(r.stdout, copy), files: snapshot(copy) };
    });
    expect(runs[0].status).not.toBe(2);
    const changed = Object.keys(before).filter((f) => before[f] !== runs[0].files[f]);
    expect(changed.length).toBeGreaterThan(250);
    expect(runs[1].status).toBe(runs[0].status);
    expect(runs[1].files).toEqual(runs[0].files);
    expect(runs[1].report === runs[0].report, 'JSON report').toBe(true);
  }, SLOW);

  it('in-process API with workers (under vitest: the built worker): lintFiles with fix returns the same results, each fixed text and its source included', async () => {
    const dir = corpus();
    const results = async (concurrency: 'off' | 2) => (await NewsLint.create({ cwd: dir, fix: true, concurrency })).lintFiles(['.']);
    const [off, two] = [await results('off'), await results(2)];
    expect(off.length).toBe(327);
    expect(off.filter((r) => r.output !== undefined && r.source !== undefined).length).toBeGreaterThan(250);
    expect(two).toEqual(off);
  }, SLOW);
});

describe('errors in workers are reported as without them', () => {
  /** A report with the stack frames of internal errors left out: a worker's stack has its own frames at the bottom. */
  const withoutStacks = (report: string) =>
    JSON.stringify((JSON.parse(report) as FileResult[]).map((r) => ({ ...r, messages: r.messages.map((m) => ({ ...m, message: m.message.replace(/\n {4}at [\s\S]*$/, '') })) })));

  it('a plugin rule that throws, files that cannot be read or decoded, a FIFO, a file changed and one swapped for a folder mid-run: the same report, files and exit code', () => {
    const dir = tempDir('newslint-pool-');
    for (const n of ['a.md', 'throws.md', 'edited.md', 'swapped.md', 'z.md']) writeFileSync(path.join(dir, n), DIRTY);
    writeFileSync(path.join(dir, 'gbk.md'), Buffer.from('---\ntitle: x\n---\n\n\xd6\xd0\xce\xc4\n', 'latin1'));
    writeFileSync(path.join(dir, 'locked.md'), DIRTY);
    if (!IS_ROOT) chmodSync(path.join(dir, 'locked.md'), 0o000);
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status).toBe(0);
    plugins(dir, {
      'thrower.mjs': rule('thrower', `if (ctx.article.filePath.endsWith('throws.md')) throw new TypeError('cannot read x of undefined');`),
      // another process edits one file and swaps another for a folder, after newslint read them (once each: fix passes run rules again)
      'racer.mjs': rule(
        'racer',
        `const f = ctx.article.filePath;
         if (done.has(f)) return;
         done.add(f);
         if (f.endsWith('edited.md')) spawnSync(process.execPath, ['-e', 'require("fs").appendFileSync(process.argv[1], "a line the author added\\\\n")', f]);
         if (f.endsWith('swapped.md')) { rmSync(f); mkdirSync(f); }`,
        `import { spawnSync } from 'node:child_process'; import { mkdirSync, rmSync } from 'node:fs'; const done = new Set();`,
      ),
    });
    const runs = ['off', '2'].map((c) => {
      const copy = tempDir('newslint-pool-');
      spawnSync('cp', ['-a', `${dir}/.`, copy]); // cp -a: the FIFO and the modes too
      const r = cli(['check', '--fix', '--format', 'json', '--concurrency', c, '.'], copy, {}, 60_000);
      return { c, status: r.status, report: withoutStacks(relative(r.stdout, copy)), files: snapshot(copy) };
    });
    const [off, two] = runs;
    expect(off.status).toBe(2);
    const by = Object.fromEntries((JSON.parse(off.report) as FileResult[]).map((r) => [path.basename(r.filePath), r.messages]));
    expect(by['throws.md'][0].message).toMatch(/^internal error: rule "thrower": crashed on .*cannot read x of undefined$/);
    expect(by['gbk.md'][0].message).toMatch(/not valid UTF-8/);
    expect(by['pipe.md'][0].message).toMatch(/FIFO/);
    if (!IS_ROOT) expect(by['locked.md'][0].message).toMatch(/cannot read file: EACCES/);
    expect(by['edited.md'][0].message).toMatch(/changed on disk/);
    expect(by['swapped.md'][0].message).toMatch(/replaced by a folder/);
    expect(by['z.md'].some((m) => m.ruleId === 'no-empty-paragraph')).toBe(false); // fixed
    expect(off.files['edited.md']).toBe(Buffer.from(`${DIRTY}a line the author added\n`).toString('base64'));
    expect(two.status).toBe(off.status);
    expect(two.report === off.report, 'JSON report').toBe(true);
    expect(two.files).toEqual(off.files);
  }, SLOW);

  it('a worker that dies (a rule ends its thread) costs its file only: an internal error, the others linted, exit 2', () => {
    const dir = tempDir('newslint-pool-');
    for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, `p${String(i).padStart(2, '0')}.md`), DIRTY);
    plugins(dir, { 'exit.mjs': rule('exit', `if (ctx.article.filePath.endsWith('p05.md')) process.exit(4);`) });
    const r = cli(['check', '--format', 'json', '--concurrency', '2', '.'], dir, {}, 60_000);
    expect(r.status, r.stderr).toBe(2);
    const results = JSON.parse(r.stdout) as FileResult[];
    expect(results.length).toBe(12);
    for (const res of results) {
      if (res.filePath.endsWith('p05.md')) expect(res.messages).toEqual([expect.objectContaining({ internal: true, fatal: true, message: 'internal error: worker exited with code: 4' })]);
      else expect(res.messages.map((m) => m.ruleId)).toContain('no-empty-paragraph');
    }
  }, SLOW);

  it('a worker that crashes between files (an exception thrown from a timer) loses no file and hangs nothing', () => {
    const dir = tempDir('newslint-pool-');
    for (let i = 0; i < 12; i++) writeFileSync(path.join(dir, `p${String(i).padStart(2, '0')}.md`), DIRTY);
    plugins(dir, { 'late.mjs': rule('late', `if (ctx.article.filePath.endsWith('p03.md')) setTimeout(() => { throw new Error('late'); }, 1);`) });
    const r = cli(['check', '--format', 'json', '--concurrency', '2', '.'], dir, {}, 60_000);
    expect([1, 2]).toContain(r.status);
    const results = JSON.parse(r.stdout) as FileResult[];
    expect(results.map((res) => path.basename(res.filePath))).toEqual(Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}.md`));
    for (const res of results) expect(res.messages.length).toBeGreaterThan(0);
  }, SLOW);

  it('workers that cannot load the config\'s plugin (it throws, or ends the thread, in workers only): every file an internal error, no hang, exit 2', () => {
    for (const failure of [`throw new Error('not in a worker')`, 'process.exit(3)']) {
      const dir = tempDir('newslint-pool-');
      for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, `p${i}.md`), DIRTY);
      plugins(dir, { 'picky.mjs': rule('picky', '', `import { isMainThread } from 'node:worker_threads';\nif (!isMainThread) ${failure};`) });
      const r = cli(['check', '--format', 'json', '--concurrency', '2', '.'], dir, {}, 60_000);
      expect(r.status, failure).toBe(2);
      const results = JSON.parse(r.stdout) as FileResult[];
      expect(results.length).toBe(4);
      for (const res of results) {
        expect(res.messages).toEqual([expect.objectContaining({ internal: true, message: expect.stringMatching(/^internal error: .*(not in a worker|worker exited with code: 3)/) })]);
      }
      expect(cli(['check', '--format', 'json', '--concurrency', 'off', '.'], dir).status).toBe(1); // in this thread the plugin loads
    }
  }, SLOW);
});

describe('the worker pool', () => {
  it('copies the options\' plain data to its workers and leaves callbacks behind (they cannot cross threads)', async () => {
    const dir = tempDir('newslint-pool-');
    writeFileSync(path.join(dir, 'a.md'), DIRTY);
    const pool = workerPool<FileResult>({ cwd: dir, ruleOverrides: { 'no-empty-paragraph': 'off' }, onSomething: () => {} }, 1);
    try {
      const result = await pool.run(path.join(dir, 'a.md'));
      expect(result.messages.map((m) => m.ruleId)).toEqual(['date-format']);
    } finally {
      await pool.close();
    }
  }, SLOW);
});

describe('the worker script', () => {
  it('is the compiled worker beside the pool module when built, and the one in dist/ when the API runs from its TypeScript sources', () => {
    expect(workerScript('file:///app/dist/src/pool/pool.js')).toBe('/app/dist/src/pool/worker.js');
    expect(workerScript('file:///repo/src/pool/pool.ts')).toBe('/repo/dist/src/pool/worker.js');
    expect(readFileSync(workerScript(), 'utf8')).toMatch(/export default async function lintInWorker/);
  });
});
