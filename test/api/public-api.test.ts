// The public API's own calls (docs/api.md), in-process on real files: NewsLint.outputFixes writes a fix run's
// results exactly as a write run does, and refuses what a write run refuses; loadFormatter is the CLI's
// formatters; getRules lists every loaded rule, plugins included. The installed package: test/package/.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewsLint, UsageError, type FileResult } from '../../src/api.js';
import { formatResults, formatters, rulesMetaOf } from '../../src/formatters/index.js';
import { loadBuiltinRules } from '../../src/rules.js';
import { onlyRules, tempDir } from '../e2e/helpers.js';

const ids = (await loadBuiltinRules()).map((r) => r.meta.id);
const RULES = { 'post-file-name': ['error', { rename: true }], 'no-empty-paragraph': 'error', 'image-alt': 'error' };
const POSTS: Record<string, string> = {
  // BOM and CRLF kept; a problem no fix solves (image-alt) stays
  'bom.md': '\uFEFF---\r\ntitle: "t"\r\n---\r\n<p>a</p><p></p>\r\n<img src="a.png">\r\n',
  '_hidden.md': '---\ntitle: t\n---\n<p>b</p><p></p>\n',
  'clean.md': '---\ntitle: t\n---\n<p>c</p>\n',
};

function site(files: Record<string, string> = POSTS): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'newslint.config.json'), onlyRules(ids, RULES));
  mkdirSync(path.join(dir, '_posts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, '_posts', name), text);
  if (files['bom.md']) chmodSync(path.join(dir, '_posts/bom.md'), 0o640);
  return dir;
}

/** Every file under _posts/: name → bytes (hex, so that a BOM or CRLF difference shows). */
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(path.join(dir, '_posts')).sort().map((f) => [f, readFileSync(path.join(dir, '_posts', f)).toString('hex')]));

/** A result without what differs between two folders (their paths) and between a write run and outputFixes. */
const comparable = (dir: string, r: FileResult) =>
  JSON.parse(JSON.stringify(r).replaceAll(JSON.stringify(dir).slice(1, -1), '<dir>'));

describe('NewsLint.outputFixes', () => {
  it('writes what a write run writes, byte for byte, mode kept, renames included, and returns the results it returns', async () => {
    const viaOutput = site();
    const viaWrite = site();
    const results = await (await NewsLint.create({ cwd: viaOutput, fix: true })).lintFiles(['_posts']);
    expect(results.filter((r) => r.output !== undefined).map((r) => path.basename(r.filePath))).toEqual(['_hidden.md', 'bom.md']);
    const given = structuredClone(results);
    const written = await NewsLint.outputFixes(results);
    expect(results).toEqual(given); // the results given are not changed
    const expected = await (await NewsLint.create({ cwd: viaWrite, fix: true, write: true })).lintFiles(['_posts']);
    expect(snapshot(viaOutput)).toEqual(snapshot(viaWrite));
    expect(Object.keys(snapshot(viaOutput))).toEqual(['bom.md', 'clean.md', 'hidden.md']);
    expect(readFileSync(path.join(viaOutput, '_posts/bom.md'), 'utf8')).toBe('\uFEFF---\r\ntitle: "t"\r\n---\r\n<p>a</p>\r\n<img src="a.png">\r\n');
    expect(statSync(path.join(viaOutput, '_posts/bom.md')).mode & 0o777).toBe(0o640);
    expect(written.map((r) => comparable(viaOutput, r))).toEqual(expected.map((r) => comparable(viaWrite, r)));
    expect(written.find((r) => r.filePath.endsWith('bom.md'))).toMatchObject({ written: true, errorCount: 1, messages: [{ ruleId: 'image-alt' }] });
    expect(written.find((r) => r.filePath.endsWith('_hidden.md'))).toMatchObject({ written: true, renamedTo: path.join(viaOutput, '_posts/hidden.md') });
  });

  it('writes nothing over a file changed, made read-only or removed since it was linted, reports each (internal), and writes the others', async () => {
    const dir = site({ 'a.md': '<p>a</p><p></p>\n', 'b.md': '<p>b</p><p></p>\n', 'c.md': '<p>c</p><p></p>\n', 'd.md': '<p>d</p><p></p>\n' });
    const file = (name: string) => path.join(dir, '_posts', name);
    const results = await (await NewsLint.create({ cwd: dir, fix: true })).lintFiles(['_posts']);
    writeFileSync(file('a.md'), '<p>a</p><p></p>\n<p>the author added this</p>\n');
    chmodSync(file('b.md'), 0o444);
    rmSync(file('c.md'));
    const written = await NewsLint.outputFixes(results);
    const by = Object.fromEntries(written.map((r) => [path.basename(r.filePath), r]));
    for (const [name, why] of [['a.md', /changed on disk/], ['b.md', /read-only/], ['c.md', /cannot find the file/]] as const) {
      expect(by[name].written, name).toBeUndefined();
      expect(by[name].messages[0], name).toMatchObject({ fatal: true, internal: true, message: expect.stringMatching(why) });
      expect(by[name].errorCount, name).toBe(1);
      expect(by[name].output, name).toBeUndefined();
    }
    expect(readFileSync(file('a.md'), 'utf8')).toBe('<p>a</p><p></p>\n<p>the author added this</p>\n');
    expect(readFileSync(file('b.md'), 'utf8')).toBe('<p>b</p><p></p>\n');
    expect(existsSync(file('c.md'))).toBe(false);
    expect(by['d.md'].written).toBe(true);
    expect(readFileSync(file('d.md'), 'utf8')).toBe('<p>d</p>\n');
    expect(readdirSync(path.join(dir, '_posts')).filter((f) => f.startsWith('.newslint-tmp-'))).toEqual([]);
  });

  it('writes a lintText result only over a file that holds that text; a result without a file is reported', async () => {
    const dir = site({ 'a.md': '<p>a</p><p></p>\n' });
    const linter = await NewsLint.create({ cwd: dir, fix: true });
    const file = path.join(dir, '_posts/a.md');
    const [same, other, nowhere] = await NewsLint.outputFixes([
      linter.lintText('<p>a</p><p></p>\n', { filePath: file }),
      linter.lintText('<p>x</p><p></p>\n', { filePath: file }),
      linter.lintText('<p>y</p><p></p>\n'),
    ]);
    expect(same.written).toBe(true);
    expect(other.messages[0]).toMatchObject({ internal: true, message: expect.stringMatching(/changed on disk/) });
    expect(nowhere.messages[0]).toMatchObject({ internal: true, message: expect.stringMatching(/cannot find the file/) });
    expect(readFileSync(file, 'utf8')).toBe('<p>a</p>\n');
  });
});

describe('loadFormatter and getRules', () => {
  it('gives the CLI formatters over its cwd and rules, whole or streamed; an unknown name is a UsageError', async () => {
    const dir = site();
    const linter = await NewsLint.create({ cwd: dir });
    const results = await linter.lintFiles(['_posts']);
    const context = { cwd: dir, color: false, rulesMeta: rulesMetaOf(linter.rules) };
    for (const name of Object.keys(formatters)) {
      const formatter = await linter.loadFormatter(name);
      const expected = formatResults(name, results, context);
      expect(formatter.format(results), name).toBe(expected);
      const writer = formatter.writer();
      expect(results.map((r) => writer.file(r)).join('') + writer.end(), name).toBe(expected);
    }
    expect((await linter.loadFormatter()).format(results)).toBe(formatResults('stylish', results, context));
    expect((await linter.loadFormatter('stylish', { color: true })).format(results)).toContain('\u001b[');
    await expect(linter.loadFormatter('constructor')).rejects.toThrow(UsageError);
    await expect(linter.loadFormatter('eslint-formatter-foo')).rejects.toThrow(/unknown format "eslint-formatter-foo"/);
  });

  it('getRules: every loaded rule by id, in load order, bundled and from plugins, whatever its severity', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'mine.mjs'),
      `export default { meta: { id: 'mine', description: 'd', fixable: false, severity: 'off', docs: 'https://example.com' }, check() {} };\n`,
    );
    writeFileSync(path.join(dir, 'newslint.config.json'), JSON.stringify({ plugins: ['./mine.mjs'], rules: { 'image-alt': 'off' } }));
    const rules = (await NewsLint.create({ cwd: dir })).getRules();
    expect([...rules.keys()]).toEqual([...ids, 'mine']);
    expect(rules.get('image-alt')).toMatchObject({ id: 'image-alt', fixable: true, severity: 'error' });
    expect(rules.get('mine')).toMatchObject({ description: 'd', docs: 'https://example.com' });
  });
});
