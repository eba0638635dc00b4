// End-to-end: the built CLI as a subprocess, on temp copies of fixtures.
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newslint, onlyRules, ruleIds, tempDir, FIXTURES } from './helpers.js';

const ESC = '\u001b';
const ids = ruleIds();

describe('newslint check', () => {
  it('reports problems in the shipped real posts and exits 1', () => {
    const r = newslint(['check', 'fixtures/real']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^fixtures\/real\/_posts\/.+\.md$/m);
    expect(r.stdout).toMatch(/^\s+\d+:\d+\s+(error|warning)\s+.+\s+no-empty-paragraph/m);
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\) in \d+ files/);
    expect(r.stdout).toMatch(/potentially fixable with the `--fix` option/);
    expect(r.stdout).not.toContain(ESC); // no colour when stdout is not a TTY
  });

  it('prints ESLint-shaped JSON', () => {
    const r = newslint(['check', '--format', 'json', 'fixtures/real']);
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results.length).toBe(27);
    for (const res of results) {
      expect(Object.keys(res)).toEqual(
        expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']),
      );
      expect(path.isAbsolute(res.filePath)).toBe(true);
      for (const m of res.messages) {
        expect(m).toMatchObject({ severity: expect.any(Number), message: expect.any(String), line: expect.any(Number), column: expect.any(Number) });
        expect([1, 2]).toContain(m.severity);
        if (m.fix) expect(m.fix).toEqual({ range: [expect.any(Number), expect.any(Number)], text: expect.any(String) });
      }
      expect(res.errorCount).toBe(res.messages.filter((m: any) => m.severity === 2).length);
    }
  });

  it('exits 0 on a clean post', () => {
    const dir = tempDir('rules/no-empty-paragraph/clean.md');
    writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, { 'no-empty-paragraph': 'error' }));
    const r = newslint(['check', '.'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('takes existing paths literally, glob characters and all', () => {
    const dir = tempDir();
    const names = ['(RED)[1] {a,b} !x+y*?%&.md', "it's \"q\" 图.md"];
    for (const n of names) writeFileSync(path.join(dir, n), '<p></p>\n');
    writeFileSync(path.join(dir, 'decoy.md'), '<p></p>\n');
    for (const n of names) {
      const r = newslint(['check', '--format', 'json', n], dir);
      const results = JSON.parse(r.stdout);
      expect(results.map((x: any) => path.basename(x.filePath))).toEqual([n]);
    }
  });

  it('expands globs and folders, with --ext and --ignore-pattern', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a/node_modules'), { recursive: true });
    mkdirSync(path.join(dir, 'a/drafts'), { recursive: true });
    for (const f of ['a/x.md', 'a/y.html', 'a/z.txt', 'a/node_modules/n.md', 'a/drafts/d.md']) writeFileSync(path.join(dir, f), '<p></p>\n');
    const files = (args: string[]) => JSON.parse(newslint(['check', '--format', 'json', ...args], dir).stdout).map((x: any) => path.relative(dir, x.filePath)).sort();
    expect(files(['a'])).toEqual(['a/drafts/d.md', 'a/x.md', 'a/y.html']);
    expect(files(['a', '--ignore-pattern', 'a/drafts/**'])).toEqual(['a/x.md', 'a/y.html']);
    expect(files(['a', '--ext', 'txt'])).toEqual(['a/z.txt']);
    expect(files(['a/*.md'])).toEqual(['a/x.md']);
  });

  it('exits 2 with a clear message for a path or glob that matches nothing', () => {
    const r = newslint(['check', 'no/such/post.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder: "no\/such\/post.md"/);
    const empty = tempDir();
    mkdirSync(path.join(empty, 'posts'));
    writeFileSync(path.join(empty, 'posts/readme.txt'), 'x');
    const e = newslint(['check', 'posts'], empty);
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/no \.md, \.markdown, \.html, \.htm files to check in folder "posts"/);
    const g = newslint(['check', 'fixtures/**/*.nothing']);
    expect(g.status).toBe(2);
    expect(g.stderr).toMatch(/no files match/);
  });

  it('exits 2 on usage errors', () => {
    expect(newslint(['check', '--format', 'xml', '.']).status).toBe(2);
    expect(newslint(['check', '--rule', 'image-alt', '.']).status).toBe(2);
    expect(newslint(['check', '--fix', '--fix-dry-run', '.']).status).toBe(2);
    expect(newslint(['check', '--max-warnings', 'many', '.']).status).toBe(2);
    expect(newslint(['frobnicate']).status).toBe(2);
  });

  it('honours --rule, --quiet and --max-warnings', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.md'), '<p></p>\n');
    writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, { 'no-empty-paragraph': 'warn' }));
    const warn = newslint(['check', 'p.md'], dir);
    expect(warn.status).toBe(0);
    expect(warn.stdout).toMatch(/warning/);
    expect(newslint(['check', '--quiet', 'p.md'], dir).stdout).toBe('');
    expect(newslint(['check', '--max-warnings', '0', 'p.md'], dir).status).toBe(1);
    expect(newslint(['check', '--max-warnings', '1', 'p.md'], dir).status).toBe(0);
    expect(newslint(['check', '--rule', 'no-empty-paragraph:error', 'p.md'], dir).status).toBe(1);
    expect(newslint(['check', '--rule', 'no-empty-paragraph:off', 'p.md'], dir).stdout).toBe('');
  });

  it('colours only on request or on a TTY', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.md'), '<p></p>\n');
    expect(newslint(['check', '--color', 'p.md'], dir).stdout).toContain(ESC);
    expect(newslint(['check', '--no-color', 'p.md'], dir).stdout).not.toContain(ESC);
  });

  it('escapes control characters that come from content and file names', () => {
    const dir = tempDir();
    const name = 'evil\u001b[2Jname.md';
    writeFileSync(path.join(dir, name), `---\ntitle: "\\e]0;pwned\\a"\n---\n<p></p>\n`);
    const r = newslint(['check', '.'], dir);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain('evil\\u001b[2Jname.md');
  });
});

describe('newslint check --fix', () => {
  it('writes only changed files, atomically, keeping mode, BOM and line endings', () => {
    const dir = tempDir();
    const dirty = '\uFEFF---\r\ntitle: "t"\r\n---\r\n<p>a</p>\r\n<p></p>\r\n<p>b</p>\r\n';
    const clean = '---\ntitle: t\n---\n<p>ok</p>\n';
    writeFileSync(path.join(dir, 'dirty.md'), dirty);
    writeFileSync(path.join(dir, 'clean.md'), clean);
    chmodSync(path.join(dir, 'dirty.md'), 0o640);
    writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, { 'no-empty-paragraph': 'error' }));
    const before = statSync(path.join(dir, 'clean.md')).mtimeMs;
    const r = newslint(['check', '--fix', '.'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'dirty.md'), 'utf8')).toBe('\uFEFF---\r\ntitle: "t"\r\n---\r\n<p>a</p>\r\n<p>b</p>\r\n');
    expect(statSync(path.join(dir, 'dirty.md')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(dir, 'clean.md')).mtimeMs).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['clean.md', 'dirty.md', 'newslint.config.json']);
    expect(r.stderr).toMatch(/fixed 1 of 2 files/);
  });

  it('--fix-dry-run prints the diff and writes nothing', () => {
    const dir = tempDir();
    const text = '<p>a</p>\n<p></p>\n';
    writeFileSync(path.join(dir, 'p.md'), text);
    writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, { 'no-empty-paragraph': 'error' }));
    const r = newslint(['check', '--fix-dry-run', 'p.md'], dir);
    expect(r.stdout).toContain('--- a/p.md');
    expect(r.stdout).toContain('+++ b/p.md');
    expect(r.stdout).toContain('-<p></p>');
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'p.md'), 'utf8')).toBe(text);
    const json = JSON.parse(newslint(['check', '--fix-dry-run', '--format', 'json', 'p.md'], dir).stdout);
    expect(json[0].output).toBe('<p>a</p>\n');
  });

  it('reports a file it cannot decode, never writes it, and fixes the others', () => {
    const dir = tempDir();
    const gbk = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0x31, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x3c, 0x70, 0x3e, 0x3c, 0x2f, 0x70, 0x3e, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0xb5, 0xc4, 0xce, 0xc4, 0xd5, 0xc2, 0x0a]);
    writeFileSync(path.join(dir, 'gbk.md'), gbk);
    writeFileSync(path.join(dir, 'ok.md'), '<p></p>\n<p>x</p>\n');
    writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, { 'no-empty-paragraph': 'error' }));
    const r = newslint(['check', '--fix', '--format', 'json', '.'], dir);
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout);
    const bad = results.find((x: any) => x.filePath.endsWith('gbk.md'));
    expect(bad.messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line: 5 });
    expect(bad.messages[0].message).toMatch(/not valid UTF-8/);
    expect(readFileSync(path.join(dir, 'gbk.md')).equals(gbk)).toBe(true);
    expect(readFileSync(path.join(dir, 'ok.md'), 'utf8')).toBe('<p>x</p>\n');
  });

  it('never executes a ---js block (to Hexo it is not front matter but body text)', () => {
    const dir = tempDir();
    const marker = path.join(dir, 'pwned');
    writeFileSync(path.join(dir, 'js.md'), `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n<p></p>\n`);
    const r = newslint(['check', '--fix', '--format', 'json', 'js.md'], dir);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages[0].message).toMatch(/no front matter/);
    expect(existsSync(marker)).toBe(false);
  });

  it('fixes the real posts so that a second --fix changes nothing and nothing fixable remains', () => {
    const dir = tempDir('real');
    const first = newslint(['check', '--fix', '--format', 'json', '.'], dir);
    const after = JSON.parse(first.stdout);
    expect(after.reduce((n: number, r: any) => n + r.fixableErrorCount + r.fixableWarningCount, 0)).toBe(0);
    const snapshot = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).sort().map((f) => {
      const p = path.join(d, f);
      return statSync(p).isFile() ? [f, readFileSync(p, 'utf8')] : [f];
    });
    const once = snapshot(dir);
    const second = newslint(['check', '--fix', '.'], dir);
    expect(second.stderr).toMatch(/fixed 0 of 27 files/);
    expect(snapshot(dir)).toEqual(once);
    expect(first.status).toBe(second.status);
  });
});

describe('configuration', () => {
  it('finds the config upward and applies options', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'posts/deep'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', newslint: { rules: { 'no-empty-paragraph': 'off' } } }));
    writeFileSync(path.join(dir, 'posts/deep/p.md'), '<p></p>\n');
    const r = newslint(['check', '--format', 'json', 'p.md'], path.join(dir, 'posts/deep'));
    expect(JSON.parse(r.stdout)[0].messages.filter((m: any) => m.ruleId === 'no-empty-paragraph')).toEqual([]);
  });

  it('exits 2 naming the file and the rule for unknown rules, bad severities and invalid options', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.md'), '<p></p>\n');
    const cases: [unknown, RegExp][] = [
      [{ rules: { 'no-such-rule': 'error' } }, /unknown rule "no-such-rule"/],
      [{ rules: { 'no-empty-paragraph': 'loud' } }, /invalid config .*newslint.config.json/],
      [{ rules: { 'no-empty-paragraph': ['error', { bogus: 1 }] } }, /invalid options for rule "no-empty-paragraph".*bogus/],
      [{ extends: 'eslint:recommended' }, /invalid config/],
      [{ rulez: {} }, /rulez/],
    ];
    for (const [config, pattern] of cases) {
      writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify(config));
      const r = newslint(['check', 'p.md'], dir);
      expect(r.status, JSON.stringify(config)).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).toContain('newslint.config.json');
    }
    writeFileSync(path.join(dir, 'newslint.config.json'), '{ "rules": ');
    expect(newslint(['check', 'p.md'], dir).stderr).toMatch(/not valid JSON/);
    expect(newslint(['check', '--config', 'missing.json', 'p.md'], dir).status).toBe(2);
  });

  it('loads plugin rules named by the config, and refuses a fix from a rule not declared fixable (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'p.md'), 'hello\n');
    writeFileSync(
      path.join(dir, 'shout.mjs'),
      `export default { meta: { id: 'shout', description: 'd', fixable: false, severity: 'error', docs: 'x' },
        check(ctx) { ctx.report({ message: 'quiet text', range: [0, 5], fix: (f) => f.replaceTextRange([0, 5], 'HELLO') }); } };`,
    );
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ plugins: ['./shout.mjs'] }));
    const rules = newslint(['rules'], dir);
    expect(rules.stdout).toMatch(/^shout\s+error\s+no\s+d \(x\)$/m);
    const r = newslint(['check', '--fix', 'p.md'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/rule "shout": returned a fix but its meta does not declare it fixable/);
    expect(readFileSync(path.join(dir, 'p.md'), 'utf8')).toBe('hello\n');
  });
});

describe('newslint rules, --help, --version', () => {
  it('lists every rule with its fixable flag and description', () => {
    const r = newslint(['rules']);
    expect(r.status).toBe(0);
    for (const id of ids) expect(r.stdout).toMatch(new RegExp(`^${id}\\s+(error|warn|off)\\s+(yes|no)\\s+\\S`, 'm'));
    expect(readdirSync(path.join(FIXTURES, '../rules')).filter((f) => f.endsWith('.ts')).length).toBe(ids.length);
  });

  it('teaches in --help and prints the version', () => {
    const h = newslint(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/Examples:/);
    expect(newslint(['check', '--help']).stdout).toMatch(/--fix-dry-run/);
    expect(newslint(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
