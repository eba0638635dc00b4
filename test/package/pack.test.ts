// The package as a user gets it: `npm pack` of the built repository, installed into a fresh project with npm,
// then the bin, the API from ESM, CommonJS and TypeScript (type-checked against the INSTALLED package, so the
// `exports` map and the shipped .d.ts are what is tested), and what the tarball holds. One pack and one install
// for the whole file (beforeAll); `npm test` builds dist/ first.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from '../e2e/helpers.js';
import { pack } from '../helpers/pack.js';

const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const TSC = path.join(ROOT, 'node_modules/.bin/tsc');
const TYPES_NODE: string = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@types/node/package.json'), 'utf8')).version;
const DIRTY = path.join(FIXTURES, 'rules/no-empty-paragraph/dirty.md');
const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

let project: string;
let tarball: string;
/** The files `npm pack` put in the tarball (its --json listing: what `npm pack --dry-run --json` lists). */
let packed: string[];

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>): string {
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Writes a file into the user's project and runs it with node; returns stdout parsed as JSON. */
function script(name: string, code: string): any {
  writeFileSync(path.join(project, name), code);
  return JSON.parse(ok(run(process.execPath, [name], project)));
}

/** A fresh copy of the dirty post in the project's posts/ folder. */
function freshPost(): string {
  mkdirSync(path.join(project, 'posts'), { recursive: true });
  const file = path.join(project, 'posts/dirty.md');
  copyFileSync(DIRTY, file);
  return file;
}

beforeAll(() => {
  const dir = tempDir();
  ({ tarball, files: packed } = pack(ROOT, dir));
  project = path.join(dir, 'project');
  mkdirSync(project);
  // what `npm init -y` writes, type module (each npm command costs seconds on a busy machine)
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'project', version: '1.0.0', type: 'module', license: 'ISC' }, null, 2));
  // a TypeScript user has Node's types; the same version as the repository's, so that nothing is fetched
  ok(run('npm', ['install', tarball, `@types/node@${TYPES_NODE}`, ...NPM_FLAGS], project));
});

describe('the packed package, installed into a project', () => {
  it('npx newslint: --version, and a check that finds a known problem (exit 1), also on worker threads', () => {
    freshPost();
    const check = run('npx', ['--no', '--', 'newslint', 'check', 'posts'], project);
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toContain('no-empty-paragraph');
    // npx costs seconds on a busy machine: the installed bin (the link npx runs) directly
    const bin = (...args: string[]) => run(process.execPath, ['node_modules/.bin/newslint', ...args], project);
    expect(ok(bin('--version')).trim()).toBe(VERSION);
    // on a worker thread: the worker script must be in the package too
    const pooled = bin('check', '--concurrency', '1', 'posts');
    expect(pooled.stderr).toBe('');
    expect([pooled.status, pooled.stdout]).toEqual([1, check.stdout]);
  });

  it('the API from ESM: create, lintText, lintFiles with fix, outputFixes, loadFormatter, getRules, the errors', () => {
    const file = freshPost();
    const out = script(
      'use-api.mjs',
      `import { readFileSync } from 'node:fs';
import { NewsLint, UsageError, ConfigError } from 'newslint';
const nl = await NewsLint.create({ fix: true });
const text = readFileSync('posts/dirty.md', 'utf8');
const found = (await NewsLint.create()).lintText(text, { filePath: 'posts/dirty.md' });
const one = nl.lintText(text, { filePath: 'posts/dirty.md' });
const results = await nl.lintFiles(['posts']);
const written = await NewsLint.outputFixes(results);
const formatter = await nl.loadFormatter('json');
const rules = nl.getRules();
let unknown = null;
try { await nl.loadFormatter('no-such-format'); } catch (err) { unknown = err instanceof UsageError; }
let badConfig = null;
try { await NewsLint.create({ configFile: 'package.json', ruleOverrides: { 'no-such-rule': 'error' } }); } catch (err) { badConfig = err instanceof ConfigError; }
console.log(JSON.stringify({
  lintTextRules: found.messages.map((m) => m.ruleId),
  remaining: one.messages.filter((m) => m.ruleId === 'no-empty-paragraph').length,
  lintTextOutput: one.output,
  lintFilesOutput: results[0].output,
  written: written.map((r) => ({ filePath: r.filePath, written: r.written, output: r.output, errorCount: r.errorCount })),
  onDisk: readFileSync('posts/dirty.md', 'utf8'),
  json: JSON.parse(formatter.format(written)),
  rule: rules.get('no-empty-paragraph'),
  unknown, badConfig,
}));
`,
    );
    expect(out.lintTextRules).toContain('no-empty-paragraph');
    expect(out.remaining).toBe(0); // with fix, messages are what is left after fixing
    expect(typeof out.lintTextOutput).toBe('string');
    expect(out.lintFilesOutput).toBe(out.lintTextOutput);
    expect(out.written).toEqual([{ filePath: file, written: true, errorCount: expect.any(Number) }]);
    expect(out.onDisk).toBe(out.lintFilesOutput);
    expect(out.onDisk).not.toBe(readFileSync(DIRTY, 'utf8'));
    expect(out.json).toMatchObject([{ filePath: file }]);
    expect(out.rule).toMatchObject({ id: 'no-empty-paragraph', fixable: true });
    expect(out).toMatchObject({ unknown: true, badConfig: true });
  });

  it("the README's Node.js API example, as written there, fixes a post", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /^## Node\.js API\n[\s\S]*?^```js\n([\s\S]*?)^```/m.exec(readme)![1];
    mkdirSync(path.join(project, 'source/_posts'), { recursive: true });
    const post = path.join(project, 'source/_posts/dirty.md');
    copyFileSync(DIRTY, post);
    writeFileSync(path.join(project, 'readme-example.mjs'), example);
    ok(run(process.execPath, ['readme-example.mjs'], project));
    expect(readFileSync(post, 'utf8')).not.toMatch(/<p>\s*<\/p>/);
    expect(readFileSync(post, 'utf8')).toContain('<p>第一段。</p><p>第二段。</p>');
  });

  it('from CommonJS with await import(), and the rule tester and package.json subpaths; nothing else is reachable', () => {
    writeFileSync(
      path.join(project, 'use-api.cjs'),
      `(async () => {
  const { NewsLint } = await import('newslint');
  const { RuleTester } = await import('newslint/rule-tester');
  const nl = await NewsLint.create();
  const r = nl.lintText('---\\ntitle: T\\ndate: 2024-01-02 03:04:05\\n---\\n<p></p>\\n', { filePath: 'a.md' });
  let deep = null;
  try { await import('newslint/dist/src/cli.js'); } catch (err) { deep = err.code; }
  console.log(JSON.stringify({ rules: r.messages.map((m) => m.ruleId), tester: typeof RuleTester.run, version: require('newslint/package.json').version, deep }));
})();
`,
    );
    const out = JSON.parse(ok(run(process.execPath, ['use-api.cjs'], project)));
    expect(out).toEqual({ rules: ['no-empty-paragraph'], tester: 'function', version: VERSION, deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  it('TypeScript: a program using the exported types type-checks against the installed package; a type error is reported', () => {
    writeFileSync(
      path.join(project, 'use-api.ts'),
      `import { NewsLint, UsageError, ConfigError, type FileResult, type LintMessage, type SuppressedMessage, type NewsLintOptions,
  type Rule, type RuleMeta, type RuleContext, type Fix, type Range, type LoadedFormatter, type ReportWriter, type Formatter } from 'newslint';
import { RuleTester } from 'newslint/rule-tester';

const options: NewsLintOptions = { fix: true, concurrency: 'off', cache: false };
const nl: NewsLint = await NewsLint.create(options);
const result: FileResult = nl.lintText('<p></p>\\n', { filePath: 'a.md' });
const messages: LintMessage[] = result.messages;
const suppressed: SuppressedMessage[] = result.suppressedMessages ?? [];
const fixes: Fix[] = messages.flatMap((m) => (m.fix ? [m.fix] : []));
const ranges: Range[] = fixes.map((f) => f.range);
const written: FileResult[] = await NewsLint.outputFixes(await nl.lintFiles(['posts']));
const rules: Map<string, RuleMeta> = nl.getRules();
const formatter: LoadedFormatter = await nl.loadFormatter('stylish', { color: false });
const report: string = formatter.format(written);
const writer: ReportWriter = formatter.writer();
const text: string = writer.file(result) + writer.end();
const shout: Rule = {
  meta: { id: 'shout', description: 'No capitals.', fixable: false, severity: 'warn', docs: 'https://example.com/shout' },
  check(context: RuleContext) {
    const i = context.article.text.search(/[A-Z]{3}/);
    if (i >= 0) context.report({ message: 'capitals', range: [i, i + 3] });
  },
};
RuleTester.run(shout, { valid: ['quiet'], invalid: [{ code: 'LOUD', errors: 1, output: null }] });
const errors: Error[] = [new UsageError('u'), new ConfigError('c')];
const formatters: Formatter[] = [];
console.log(suppressed.length, ranges.length, rules.size, report.length, text.length, errors.length, formatters.length);
`,
    );
    writeFileSync(
      path.join(project, 'wrong.ts'),
      `import { NewsLint } from 'newslint';
const nl = await NewsLint.create({ fix: 'yes' });
const n: number = nl.lintText('x').filePath;
console.log(n);
`,
    );
    // the TypeScript rule in docs/api.md, as written there
    const doc = readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8');
    writeFileSync(path.join(project, 'doc-rule.ts'), /A rule written in TypeScript:\n\n```ts\n([\s\S]*?)```/.exec(doc)![1]);
    // one tsc run over the files (it takes seconds): every error must be one of wrong.ts's two, each reported
    const tsc = run(process.execPath, [TSC, '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--types', 'node', 'use-api.ts', 'doc-rule.ts', 'wrong.ts'], project);
    const errors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(tsc.status).not.toBe(0);
    expect(errors, tsc.stdout + tsc.stderr).toEqual([expect.stringMatching(/^wrong\.ts\(2,\d+\): error TS2322/), expect.stringMatching(/^wrong\.ts\(3,\d+\): error TS2322/)]);
  });

  it('npm pack ships what a user needs, and none of the tests, fixtures, bench or TypeScript sources', () => {
    const paths = packed;
    const bad = paths.filter((p) => /^(test|fixtures|bench|scripts|node_modules)\//.test(p) || (/\.ts$/.test(p) && !p.endsWith('.d.ts')) || p.endsWith('.map'));
    expect(bad).toEqual([]);
    for (const needed of ['package.json', 'README.md', 'bin/newslint.js', 'dist/src/api.js', 'dist/src/api.d.ts', 'dist/src/cli.js', 'dist/src/rule-tester.js', 'dist/src/rule-tester.d.ts', 'dist/src/pool/worker.js', 'schema/newslint.config.schema.json']) {
      expect(paths, needed).toContain(needed);
    }
    const rules = readdirSync(path.join(ROOT, 'rules')).filter((n) => n.endsWith('.ts')).map((n) => `dist/rules/${n.replace(/\.ts$/, '.js')}`);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(paths, rule).toContain(rule);
    expect(tarball).toMatch(/newslint-.*\.tgz$/);
  });
});
