// The HTML report without a browser: the page is parsed (parse5, as a browser parses it) and its elements and
// text checked. Whatever a post's path, message or text holds, the page has one script (the report's own) and
// no other active element, and shows the text, controls made visible. Excerpts: windows, marks, what is read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { formatters, formatResults } from '../../src/formatters/index.js';
import { html, escapeText } from '../../src/formatters/html.js';
import { SCRIPT } from '../../src/formatters/html-assets.js';
import { excerpt, sourceOf, SourceLines, MAX_EXCERPT_FILE_BYTES, MAX_EXCERPT_WIDTH } from '../../src/formatters/excerpt.js';
import { escapeControl, escapeMultiline } from '../../src/formatters/escape.js';
import { summarize, type FileResult } from '../../src/api.js';
import { fuzzSeed } from '../helpers/seed.js';

const ctx = { cwd: '/site', color: false, rulesMeta: { 'image-alt': { docs: 'https://example.com/image-alt', fixable: false } } };

function elements(node: T.ParentNode, out: T.Element[] = []): T.Element[] {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      out.push(child);
      elements(child, out);
    }
  }
  return out;
}

const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasClass = (el: T.Element, cls: string) => (attr(el, 'class') ?? '').split(' ').includes(cls);

function text(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  return 'childNodes' in node ? (node as T.ParentNode).childNodes.map(text).join('') : '';
}

function page(results: FileResult[]) {
  const all = elements(parse(formatResults('html', results, ctx)));
  return { all, byClass: (cls: string) => all.filter((el) => hasClass(el, cls)) };
}

describe('escapeText', () => {
  it('leaves no markup character and no raw control', () => {
    const out = escapeText('<script>a&b</script> "x" \'y\' \u001b[2J \u202e \u0000');
    expect(out).not.toMatch(/[<>"'\u0000-\u001f\u202e]/);
    expect(out).toContain('\\u001b[2J');
  });
});

describe('the page, parsed', () => {
  it('is registered as the html format', () => {
    expect(formatters.html).toBe(html);
  });

  it('whatever a path, message or line holds: one script (the report\'s), no other active element, the text shown', () => {
    const unit = fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ' ', 'a', 'é', '新', '\n', '\r', '\t', '\u001b', '\u202e', '\u2028', '\u0000', '\ud800', '<script>', '</pre>', '-->', '<!--', ']]>', 'onerror=');
    const str = fc.array(unit, { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(str, str, str, (name, message, line) => {
        const r = summarize(`/site/${name.replace(/\//g, '_')}.md`, [{ ruleId: 'image-alt', severity: 2, message, line: 2, column: 1, endLine: 2, endColumn: 3 }]);
        r.output = `first\n${line.replace(/[\r\n]/g, '_')}\n`;
        const { all, byClass } = page([r]);
        const scripts = all.filter((el) => el.tagName === 'script');
        expect(scripts.map((s) => text(s))).toEqual([SCRIPT]);
        expect(all.filter((el) => ['img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'input', 'select'].includes(el.tagName) && !attr(el, 'id')?.startsWith('filter'))).toEqual([]);
        expect(all.filter((el) => el.tagName === 'meta').map((el) => attr(el, 'charset') ?? attr(el, 'http-equiv') ?? attr(el, 'name'))).toEqual(['utf-8', 'Content-Security-Policy', 'viewport']);
        expect(all.filter((el) => el.attrs.some((a) => a.name.startsWith('on')))).toEqual([]);
        expect(byClass('path').map(text)).toEqual([escapeControl(path.relative('/site', r.filePath))]);
        expect(byClass('msg').map(text)).toEqual([escapeControl(message)]);
        const [pre] = byClass('excerpt');
        expect(text(pre)).toBe(`2${escapeMultiline(line.replace(/[\r\n]/g, '_'))}`);
      }),
      { seed: fuzzSeed('html report escaping'), numRuns: 300 },
    );
  });

  it('streams: each file\'s problems come with its file(), the totals and charts with end()', () => {
    const writer = html(ctx);
    const first = writer.file(summarize('/site/a/post.md', [{ ruleId: 'image-alt', severity: 1, message: 'first problem', line: 1, column: 1 }]));
    expect(first).toContain('first problem');
    expect(first).not.toContain('id="summary"');
    expect(writer.file(summarize('/site/b.md', []))).toBe('');
    const rest = writer.end();
    const { byClass, all } = page([]); // an empty run is a whole page too
    expect(all.some((el) => attr(el, 'id') === 'summary')).toBe(true);
    expect(byClass('problem')).toEqual([]);
    const totals = elements(parse(first + rest)).filter((el) => attr(el, 'data-total'));
    expect(Object.fromEntries(totals.map((el) => [attr(el, 'data-total'), text(el)]))).toEqual({ problems: '1', errors: '0', warnings: '1', fixable: '0', files: '1' });
  });

  it('links a rule to its docs only by an http(s) URL', () => {
    const r = summarize('/site/a.md', [
      { ruleId: 'image-alt', severity: 2, message: 'm', line: 1, column: 1 },
      { ruleId: 'plugin-rule', severity: 2, message: 'm', line: 1, column: 1 },
    ]);
    const out = elements(parse(formatResults('html', [r], { ...ctx, rulesMeta: { ...ctx.rulesMeta, 'plugin-rule': { docs: 'javascript:alert(1)', fixable: false } } })));
    expect(out.filter((el) => el.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(['https://example.com/image-alt']);
  });
});

describe('excerpts', () => {
  const src = (s: string) => new SourceLines(s);

  it('marks the range on its line, or a point', () => {
    expect(excerpt(src('ab\r\ncdef\rg'), { line: 2, column: 2, endLine: 2, endColumn: 4 })).toEqual([
      { number: 2, cutBefore: false, cutAfter: false, before: 'c', marked: 'de', after: 'f' },
    ]);
    expect(excerpt(src('ab\ncd'), { line: 1, column: 2 })[0]).toMatchObject({ before: 'a', marked: '', after: 'b' });
    expect(excerpt(src('ab\ncd'), { line: 9, column: 1 })).toEqual([]);
  });

  it('shows at most three lines of a longer range', () => {
    const lines = excerpt(src('1\n2\n3\n4\n5'), { line: 1, column: 1, endLine: 5, endColumn: 2 });
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
    expect(lines.map((l) => l.marked)).toEqual(['1', '2', '3']);
  });

  it(`cuts a long line to ${MAX_EXCERPT_WIDTH} characters around the problem, never inside a surrogate pair`, () => {
    const line = `${'x'.repeat(100_000)}<img>${'y'.repeat(50_000)}`;
    const [l] = excerpt(src(line), { line: 1, column: 100_001, endLine: 1, endColumn: 100_006 });
    expect(l.marked).toBe('<img>');
    expect(l.cutBefore && l.cutAfter).toBe(true);
    expect((l.before + l.marked + l.after).length).toBeLessThanOrEqual(MAX_EXCERPT_WIDTH);
    const emoji = '😀'.repeat(1000);
    for (let column = 1; column < 400; column += 7) {
      const [e] = excerpt(src(emoji), { line: 1, column });
      expect(e.before + e.marked + e.after).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('sourceOf', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newslint-excerpt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const result = (file: string, extra: Partial<FileResult> = {}): FileResult => ({ ...summarize(path.join(dir, file), []), ...extra });

  it('reads the file (BOM dropped), or the fixed output, or where a rename moved it', () => {
    writeFileSync(path.join(dir, 'a.md'), '\uFEFFone\ntwo');
    expect(sourceOf(result('a.md'))?.line(1)).toBe('one');
    expect(sourceOf(result('a.md', { output: '\uFEFFfixed' }))?.line(1)).toBe('fixed');
    writeFileSync(path.join(dir, 'moved.md'), 'moved');
    expect(sourceOf(result('gone.md', { renamedTo: path.join(dir, 'moved.md') }))?.line(1)).toBe('moved');
  });

  it('gives nothing for a missing, undecodable, too large or non-regular file', () => {
    writeFileSync(path.join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(MAX_EXCERPT_FILE_BYTES + 1, 0x61));
    mkdirSync(path.join(dir, 'folder.md'));
    for (const f of ['missing.md', 'latin1.md', 'huge.md', 'folder.md']) expect(sourceOf(result(f))).toBeNull();
  });
});
