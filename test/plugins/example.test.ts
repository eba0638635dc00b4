// examples/newslint-plugin-example, exercised as its author and its users meet it: the repository packed as
// npm would publish it, the example packed beside it, both installed into a temp project; the example's own
// tests (node:test, RuleTester from 'newslint/rule-tester') run there, then `npx newslint check` with the
// plugin configured reports its rule, and --fix fixes it. A TypeScript test of a plugin type-checks against
// the packed declarations.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/helpers.js';
import { pack } from '../helpers/pack.js';

const EXAMPLE = path.join(ROOT, 'examples/newslint-plugin-example');
const NPM = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
let dir: string;
let site: string;
let plugin: string;

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-plugin-example-'));
  site = path.join(dir, 'site');
  plugin = path.join(site, 'plugin-src');
  cpSync(EXAMPLE, plugin, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  const tarballs = [pack(ROOT, dir).tarball, pack(plugin, dir).tarball];
  writeFileSync(path.join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  execFileSync('npm', ['install', ...NPM, ...tarballs], { cwd: site, encoding: 'utf8' });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/newslint-plugin-example, installed from packed tarballs', () => {
  it("passes its own tests (npm test: node --test) against the packed newslint's RuleTester", () => {
    const r = run('npm', ['test'], plugin);
    expect(r.out).toMatch(/# pass [1-9]/);
    expect(r.out).toMatch(/# fail 0/);
    expect(r.status).toBe(0);
  });

  it("type-checks a TypeScript plugin's test against the packed declarations of newslint/rule-tester", () => {
    writeFileSync(
      path.join(site, 'rule.test.ts'),
      `import { RuleTester, type InvalidCase } from 'newslint/rule-tester';
import type { Rule } from 'newslint';
const rule: Rule = { meta: { id: 'x', description: 'd', fixable: false, severity: 'warn', docs: 'https://x' }, check() {} };
const bad: InvalidCase = { code: 'a', errors: [{ line: 1, column: 'one' }], output: null };
RuleTester.run(rule, { valid: ['a'], invalid: [bad] });
`,
    );
    const tsconfig = { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['rule.test.ts'] };
    writeFileSync(path.join(site, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const wrong = run(process.execPath, [tsc, '-p', '.'], site);
    expect(wrong.out).toMatch(/rule\.test\.ts\(4,.*'string' is not assignable to type 'number'/);
    expect(wrong.status).not.toBe(0);
    writeFileSync(path.join(site, 'rule.test.ts'), readFileSync(path.join(site, 'rule.test.ts'), 'utf8').replace("'one'", '1'));
    const right = run(process.execPath, [tsc, '-p', '.'], site);
    expect(right.out).toBe('');
    expect(right.status).toBe(0);
  });

  it('reports its rule as example/no-nbsp-run through `npx newslint`, and --fix fixes it', () => {
    writeFileSync(path.join(site, 'newslint.config.json'), JSON.stringify({ plugins: ['newslint-plugin-example'], rules: { 'example/no-nbsp-run': 'error' } }));
    const post = path.join(site, 'post.md');
    writeFileSync(post, '---\ntitle: Hello\ndate: 2024-01-02 10:00:00\n---\nScraped&nbsp;&nbsp;&nbsp;text, `code&nbsp;&nbsp;kept`.\n');
    const rules = run('npx', ['newslint', 'rules'], site);
    expect(rules.out).toMatch(/^example\/no-nbsp-run\s+warn\s+yes\s+A run of non-breaking spaces.*\(https:\/\/\S+#no-nbsp-run\)$/m);
    const check = run('npx', ['newslint', 'check', '-f', 'compact', 'post.md'], site);
    expect(check.out).toMatch(/^post\.md:5:8: error A run of 3 non-breaking spaces: write one space \[example\/no-nbsp-run\]$/m);
    expect(check.out).toMatch(/^1 problem$/m);
    expect(check.status).toBe(1);
    expect(run('npx', ['newslint', 'check', '--fix', 'post.md'], site).status).toBe(0);
    expect(readFileSync(post, 'utf8')).toBe('---\ntitle: Hello\ndate: 2024-01-02 10:00:00\n---\nScraped text, `code&nbsp;&nbsp;kept`.\n');
  });
});
