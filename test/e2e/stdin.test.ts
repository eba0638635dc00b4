// End-to-end: `newslint check --stdin [--stdin-filename PATH]` through the built CLI. The input is decoded as a
// file's bytes are and linted as that path would be; with --fix, stdout gets exactly the bytes --fix would
// have written to the file (the file-based run is the oracle), the report goes to stderr, and nothing is written.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, onlyRules, ruleIds, tempDir } from './helpers.js';

const ids = ruleIds();
const RULES = { 'image-alt': 'error', 'no-empty-paragraph': 'error', 'prefer-https': 'warn' };

/** Runs the built CLI with `input` on standard input; stdout as bytes. */
function piped(args: string[], input: Uint8Array | string, cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout as Buffer, stderr: r.stderr.toString('utf8') };
}

function site(rules: Record<string, unknown> = RULES): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, rules));
  return dir;
}

/** Every file under a folder with its bytes: what "nothing was written" compares. */
const snapshot = (d: string) =>
  readdirSync(d, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('.newslintcache'))
    .sort()
    .map((f) => (statSync(path.join(d, f)).isFile() ? [f, readFileSync(path.join(d, f)).toString('base64')] : [f]));

const FRONT = '---\ntitle: T\ndate: 2021-01-01 10:00:00\n---\n';

describe('newslint check --stdin', () => {
  it('reports the input under the --stdin-filename path (resolved like a file), or <stdin>; exit codes as for a file', () => {
    const dir = site();
    const dirty = `${FRONT}<p>a</p><p></p>\n`;
    const r = piped(['check', '--stdin', '--stdin-filename', 'posts/a.md', '--format', 'json'], dirty, dir);
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout.toString('utf8'));
    expect(result.filePath).toBe(path.join(dir, 'posts/a.md'));
    expect(result.messages.map((m: any) => m.ruleId)).toEqual(['no-empty-paragraph']);
    expect(result.messages[0].fix).toBeDefined();
    const stylish = piped(['check', '--stdin', '--stdin-filename', 'posts/a.md'], dirty, dir);
    expect(stylish.stdout.toString('utf8')).toMatch(/^\nposts\/a\.md\n +\d+:\d+ +error +Empty paragraph/);
    const unnamed = piped(['check', '--stdin', '--format', 'json'], dirty, dir);
    expect(JSON.parse(unnamed.stdout.toString('utf8'))[0].filePath).toBe('<stdin>');
    const clean = piped(['check', '--stdin', '--stdin-filename', 'posts/a.md'], `${FRONT}<p>a</p>\n`, dir);
    expect([clean.status, clean.stdout.toString('utf8'), clean.stderr]).toEqual([0, '', '']);
  });

  it('with --fix prints exactly the bytes --fix writes to a file (CRLF, BOM, nothing to fix), writes nothing, reports to stderr', () => {
    const dir = site();
    const inputs = [
      Buffer.from(`\uFEFF${FRONT}<p>a</p><p></p>\n\n<p> </p>\n`.replace(/\n/g, '\r\n'), 'utf8'),
      Buffer.from(`${FRONT}<p>a</p><p></p>\n<img src="https://e.com/x.png">\n`, 'utf8'),
      Buffer.from(`${FRONT}<p>nothing to fix</p>\r\n`, 'utf8'),
      Buffer.from(`\uFEFF${FRONT}<p>a</p>`, 'utf8'),
    ];
    for (const [i, input] of inputs.entries()) {
      const file = path.join(dir, `oracle-${i}.md`);
      writeFileSync(file, input);
      const byFile = piped(['check', '--fix', path.basename(file)], '', dir);
      const before = snapshot(dir);
      const r = piped(['check', '--stdin', '--stdin-filename', `posts/${i}.md`, '--fix'], input, dir);
      expect(r.stdout.equals(readFileSync(file))).toBe(true);
      expect(r.status).toBe(byFile.status);
      expect(snapshot(dir)).toEqual(before);
      if (r.status === 1) expect(r.stderr).toMatch(new RegExp(`^\\nposts/${i}\\.md\\n.*image-alt`, 's'));
      else expect(r.stderr).toBe('');
    }
    expect(inputs[0].subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
  });

  it('with --fix and --stdin-filename naming a file that exists: that file is not touched', () => {
    const dir = site();
    mkdirSync(path.join(dir, 'posts'));
    writeFileSync(path.join(dir, 'posts/a.md'), `${FRONT}<p>on disk</p><p></p>\n`);
    const before = snapshot(dir);
    const r = piped(['check', '--stdin', '--stdin-filename', 'posts/a.md', '--fix'], `${FRONT}<p>piped</p><p></p>\n`, dir);
    expect(r.stdout.toString('utf8')).toBe(`${FRONT}<p>piped</p>\n`);
    expect(r.status).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('input that is not UTF-8 is a fatal error (exit 1); with --fix, stdout gets the input unchanged, never nothing', () => {
    const dir = site();
    const latin1 = Buffer.concat([Buffer.from(FRONT), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
    const r = piped(['check', '--stdin', '--format', 'json'], latin1, dir);
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout.toString('utf8'));
    expect(result.messages).toMatchObject([{ ruleId: null, fatal: true, severity: 2, line: 5 }]);
    expect(result.messages[0].message).toContain('not valid UTF-8');
    const fix = piped(['check', '--stdin', '--fix'], latin1, dir);
    expect(fix.stdout.equals(latin1)).toBe(true);
    expect(fix.stderr).toContain('not valid UTF-8');
    expect(fix.status).toBe(1);
    const utf16 = piped(['check', '--stdin', '--fix'], Buffer.from(`\uFEFF${FRONT}`, 'utf16le'), dir);
    expect(utf16.stderr).toContain('UTF-16LE');
    expect(utf16.status).toBe(1);
  });

  it('empty input is linted as an empty file would be; with --fix, stdout stays empty', () => {
    const dir = site({ 'no-empty-paragraph': 'error', 'front-matter-required': 'error' });
    writeFileSync(path.join(dir, 'empty.md'), '');
    const byFile = piped(['check', '--format', 'json', 'empty.md'], '', dir);
    const r = piped(['check', '--stdin', '--stdin-filename', 'empty.md', '--format', 'json'], '', dir);
    expect(r.status).toBe(byFile.status);
    expect(JSON.parse(r.stdout.toString('utf8'))).toEqual(JSON.parse(byFile.stdout.toString('utf8')));
    const fix = piped(['check', '--stdin', '--fix'], '', dir);
    expect(fix.stdout.length).toBe(0);
    expect(fix.status).toBe(byFile.status);
  });

  it('--stdin-filename picks the site and generator: a Jekyll post must be dated, a Hexo post need not be', () => {
    const dir = tempDir();
    cpSync(path.join(FIXTURES, 'sites/jekyll'), path.join(dir, 'jekyll'), { recursive: true });
    cpSync(path.join(FIXTURES, 'sites/hexo'), path.join(dir, 'hexo'), { recursive: true });
    const text = `${FRONT}<p>a</p>\n`;
    const rulesFor = (name: string) => {
      const r = piped(['check', '--stdin', '--stdin-filename', name, '--format', 'json'], text, dir);
      return JSON.parse(r.stdout.toString('utf8'))[0].messages.map((m: any) => m.ruleId);
    };
    expect(rulesFor('jekyll/_posts/hello.md')).toContain('post-file-name');
    expect(rulesFor('jekyll/_posts/2021-01-01-hello.md')).not.toContain('post-file-name');
    expect(rulesFor('hexo/source/_posts/hello.md')).not.toContain('post-file-name');
  });

  it('a rename fix cannot apply to standard input: reported as not fixable, saying why; nothing renamed or created', () => {
    const dir = site({ 'post-file-name': ['error', { rename: true }], 'no-empty-paragraph': 'error' });
    mkdirSync(path.join(dir, '_posts'));
    const before = snapshot(dir);
    const text = '---\ntitle: "t"\n---\n<p>a</p><p></p>\n';
    const json = piped(['check', '--stdin', '--stdin-filename', '_posts/_under.md', '--fix-dry-run', '--format', 'json'], text, dir);
    const [result] = JSON.parse(json.stdout.toString('utf8'));
    const rename = result.messages.find((m: any) => m.ruleId === 'post-file-name');
    expect(rename.message).toMatch(/\(standard input has no file to rename\)$/);
    expect(rename.rename).toBeUndefined();
    expect(result.fixableErrorCount).toBe(0);
    const fix = piped(['check', '--stdin', '--stdin-filename', '_posts/_under.md', '--fix'], text, dir);
    expect(fix.stdout.toString('utf8')).toBe('---\ntitle: "t"\n---\n<p>a</p>\n');
    expect(fix.stderr).toContain('standard input has no file to rename');
    expect(fix.status).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a --stdin-filename that the ignores match is not checked, as a named file is not: a warning, exit 0, --fix echoes the input', () => {
    const dir = site();
    writeFileSync(path.join(dir, '.newslintignore'), 'drafts/\n');
    const dirty = `${FRONT}<p>a</p><p></p>\n`;
    const r = piped(['check', '--stdin', '--stdin-filename', 'drafts/a.md', '--format', 'json'], dirty, dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.toString('utf8'))).toEqual([]);
    expect(r.stderr).toMatch(/drafts\/a\.md: file ignored because of a matching ignore pattern \(\.newslintignore: drafts\/\)/);
    const fixed = piped(['check', '--stdin', '--stdin-filename', 'drafts/a.md', '--fix'], dirty, dir);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout.toString('utf8')).toBe(dirty);
    // not ignored: the same text is checked and fixed
    expect(piped(['check', '--stdin', '--stdin-filename', 'posts/a.md', '--fix'], dirty, dir).stdout.toString('utf8')).not.toBe(dirty);
  });

  it('applies the baseline of the file it stands for', () => {
    const dir = site();
    writeFileSync(path.join(dir, 'newslint-suppressions.json'), JSON.stringify({ 'posts/a.md': { 'image-alt': { count: 1 } } }));
    const text = `${FRONT}<img src="https://e.com/x.png">\n`;
    expect(piped(['check', '--stdin', '--stdin-filename', 'posts/a.md'], text, dir).status).toBe(0);
    expect(piped(['check', '--stdin', '--stdin-filename', 'posts/b.md'], text, dir).status).toBe(1);
  });

  it('is a usage error (exit 2) with paths, with the baseline-updating flags, and --stdin-filename without --stdin', () => {
    const dir = site();
    writeFileSync(path.join(dir, 'a.md'), FRONT);
    for (const args of [['--stdin', 'a.md'], ['--stdin', '--suppress-all'], ['--stdin', '--prune-suppressions'], ['--stdin-filename', 'a.md', 'a.md']]) {
      const r = piped(['check', ...args], FRONT, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^newslint: .*--stdin/);
      expect(r.stdout.length).toBe(0);
    }
  });
});
