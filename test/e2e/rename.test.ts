// End-to-end: post-file-name's rename fix through the built CLI. --fix renames atomically after writing the
// text fixes, never over an existing file; --fix-dry-run shows it; JSON says where each file went; a second
// run changes nothing.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newslint, onlyRules, ruleIds, tempDir } from './helpers.js';

const ids = ruleIds();
const RENAME = { 'post-file-name': ['error', { rename: true }], 'no-empty-paragraph': 'error' };
const POST = '---\r\ntitle: "t"\r\n---\r\n<p>a</p><p></p>\r\n';
const FIXED = '---\r\ntitle: "t"\r\n---\r\n<p>a</p>\r\n';

function site(files: Record<string, string>, rules: Record<string, unknown> = RENAME): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, rules));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const snapshot = (d: string) =>
  readdirSync(d, { recursive: true, encoding: 'utf8' }).sort().map((f) => (statSync(path.join(d, f)).isFile() ? [f, readFileSync(path.join(d, f), 'utf8')] : [f]));

describe('newslint check --fix with "rename": true', () => {
  it('fixes the text, then renames; a second run changes nothing', () => {
    const dir = site({ '_posts/_under.md': POST, '_posts/ok.md': '---\ntitle: t\n---\n<p>x</p>\n' });
    const r = newslint(['check', '--fix', '.'], dir);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('newslint: renamed _posts/_under.md to _posts/under.md\nnewslint: fixed 1 of 2 files\n');
    expect(r.status).toBe(0);
    expect(readdirSync(path.join(dir, '_posts')).sort()).toEqual(['ok.md', 'under.md']);
    expect(readFileSync(path.join(dir, '_posts/under.md'), 'utf8')).toBe(FIXED);
    const once = snapshot(dir);
    const again = newslint(['check', '--fix', '.'], dir);
    expect(again.stderr).toBe('newslint: fixed 0 of 2 files\n');
    expect(again.status).toBe(0);
    expect(snapshot(dir)).toEqual(once);
  });

  it('says in JSON where the file went; filePath stays the path it was read from', () => {
    const dir = site({ '_posts/.dot.md': POST });
    const r = newslint(['check', '--fix', '--format', 'json', '.'], dir);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout);
    expect(result).toMatchObject({ filePath: path.join(dir, '_posts/.dot.md'), renamedTo: path.join(dir, '_posts/dot.md'), messages: [], errorCount: 0 });
  });

  it('never renames over an existing file: the problem stays, saying so', () => {
    const dir = site({ '_posts/_x.md': POST, '_posts/x.md': 'the published post\n' });
    const r = newslint(['check', '--fix', '--format', 'json', '_posts/_x.md'], dir);
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout);
    expect(result.renamedTo).toBeUndefined();
    expect(result.messages).toEqual([
      expect.objectContaining({ ruleId: 'post-file-name', severity: 2, line: 1, column: 1, message: expect.stringMatching(/the name "_x\.md" starts with "_".*\(not renamed: "x\.md" already exists\)$/) }),
    ]);
    expect(result.messages[0].rename).toBeUndefined();
    expect(result.fixableErrorCount).toBe(0);
    expect(readFileSync(path.join(dir, '_posts/x.md'), 'utf8')).toBe('the published post\n');
    expect(readFileSync(path.join(dir, '_posts/_x.md'), 'utf8')).toBe(FIXED); // the text fix was still written
  });

  it('renames the two real posts whose % Hexo cannot decode', () => {
    const dir = tempDir('real');
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ rules: { 'post-file-name': ['error', { rename: true }] } }));
    const r = newslint(['check', '--fix', '.'], dir);
    expect(r.stderr).toContain("newslint: renamed real/_posts/新媒体/ZAKER/channel/+_&~_%！'^…….md to real/_posts/新媒体/ZAKER/channel/+_&~_％！'^…….md\n");
    expect(r.stderr).toContain('newslint: renamed real/_posts/新媒体/cnBeta/最新/%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md to real/_posts/新媒体/cnBeta/最新/％secretclub％power：专家发现又一能禁用iPhone无线连接的SSID.md\n');
    const json = JSON.parse(newslint(['check', '--format', 'json', '.'], dir).stdout);
    expect(json.flatMap((x: any) => x.messages).filter((m: any) => m.ruleId === 'post-file-name')).toEqual([]);
    expect(json.length).toBe(27);
  });

  it('refuses a symbolic link (its target keeps its name): exit 2', () => {
    const dir = site({ 'real.md': POST });
    mkdirSync(path.join(dir, '_posts'));
    symlinkSync('../real.md', path.join(dir, '_posts/_link.md'));
    const r = newslint(['check', '--fix', '--format', 'json', '_posts/_link.md'], dir);
    expect(r.status).toBe(2);
    const [result] = JSON.parse(r.stdout);
    expect(result.messages.map((m: any) => m.message)).toEqual(['not renamed to "link.md": it is a symbolic link', expect.stringMatching(/\(not renamed to "link\.md": it is a symbolic link\)$/)]);
    expect(result.messages[0].internal).toBe(true);
    expect(readdirSync(path.join(dir, '_posts'))).toEqual(['_link.md']);
  });
});

describe('--fix-dry-run and reports', () => {
  it('shows the rename as git does and writes nothing', () => {
    const dir = site({ '_posts/_under.md': POST });
    const before = snapshot(dir);
    const r = newslint(['check', '--fix-dry-run', '.'], dir);
    expect(r.stdout.startsWith('rename from _posts/_under.md\nrename to _posts/under.md\n===================================================================\n--- a/_posts/_under.md\n+++ b/_posts/under.md\n')).toBe(true);
    expect(r.stdout).toContain('-<p>a</p><p></p>');
    expect(snapshot(dir)).toEqual(before);
    const [result] = JSON.parse(newslint(['check', '--fix-dry-run', '--format', 'json', '.'], dir).stdout);
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'post-file-name', rename: { to: path.join(dir, '_posts/under.md') } })]);
    expect(result.renamedTo).toBeUndefined();
    expect(result.fixableErrorCount).toBe(1);
  });

  it('marks the problem fixable only when the rename option is on', () => {
    const on = site({ '_posts/_under.md': '---\ntitle: t\n---\n' });
    expect(newslint(['check', '.'], on).stdout).toMatch(/^\s+1:1\s+error\s+Hexo never publishes this post: .*; named "under\.md", it would be published\s+post-file-name fixable$/m);
    const off = site({ '_posts/_under.md': '---\ntitle: t\n---\n' }, { 'post-file-name': 'error' });
    const r = newslint(['check', '--fix', '.'], off);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/post-file-name\n/);
    expect(r.stdout).not.toMatch(/fixable/);
    expect(existsSync(path.join(off, '_posts/_under.md'))).toBe(true);
  });
});
