import { describe, expect, it } from 'vitest';
import { Article } from '../../src/parse/article.js';
import { ArticleError } from '../../src/parse/errors.js';
import { LineIndex } from '../../src/parse/lines.js';

describe('front matter (as Hexo reads it: the default generator)', () => {
  it('is found after one blank line, with exact key and value ranges', () => {
    const text = "\n---\ntitle: 'a ''b'''\ncategories: \n - x\n - y\ndate: Sun, 31 Oct 2021 00:06:29 GMT\n---\n\n<p>x</p>";
    const a = new Article(text);
    const fm = a.frontMatter!;
    expect(fm.data).toEqual({ title: "a 'b'", categories: ['x', 'y'], date: 'Sun, 31 Oct 2021 00:06:29 GMT' });
    expect(a.slice(fm.range)).toBe(text.slice(1, text.indexOf('---\n\n') + 3));
    expect(fm.entries.map((e) => [e.key, a.slice(e.keyRange), e.valueRange && a.slice(e.valueRange)])).toEqual([
      ['title', 'title', "'a ''b'''"],
      ['categories', 'categories', '- x\n - y\n'.trimEnd()],
      ['date', 'date', 'Sun, 31 Oct 2021 00:06:29 GMT'],
    ]);
    expect(fm.strings.map((s) => [s.path.join('.'), s.style, a.slice(s.range)])).toEqual([
      ['title', 'QUOTE_SINGLE', "'a ''b'''"],
      ['categories.0', 'PLAIN', 'x'],
      ['categories.1', 'PLAIN', 'y'],
      ['date', 'PLAIN', 'Sun, 31 Oct 2021 00:06:29 GMT'],
    ]);
    expect(a.slice([a.bodyStart, a.text.length])).toBe('\n<p>x</p>');
  });

  it('is not found after two blank lines or a line of spaces: Hexo renders the block as body text', () => {
    for (const lead of ['\n\n', '  \n']) {
      const a = new Article(`${lead}---\ntitle: x\n---\nbody`);
      expect(a.frontMatter).toBeNull();
      expect(a.bodyStart).toBe(0);
    }
  });

  it('handles CRLF files and keeps offsets exact', () => {
    const text = '---\r\ntitle: t\r\n---\r\n<p></p>\r\n';
    const a = new Article(text);
    expect(a.frontMatter!.data).toEqual({ title: 't' });
    expect(a.slice(a.frontMatter!.range)).toBe('---\r\ntitle: t\r\n---');
    expect(a.slice(a.rangeOf(a.html.byTag('p')[0]))).toBe('<p></p>');
    expect(a.position(a.rangeOf(a.html.byTag('p')[0])[0])).toEqual({ line: 4, column: 1 });
  });

  it('reads longer fences, ;;; JSON and the fence-less form', () => {
    const long = new Article('-----\ntitle: t\n-----\nbody');
    expect(long.frontMatter!.data).toEqual({ title: 't' });
    expect(long.slice([long.bodyStart, long.text.length])).toBe('body');
    const json = new Article(';;;\n"title": "t",\n"tags": ["a"]\n;;;\nbody');
    expect(json.frontMatter!.language).toBe('json');
    expect(json.frontMatter!.data).toEqual({ title: 't', tags: ['a'] });
    expect(json.frontMatter!.strings.map((s) => json.slice(s.range))).toEqual(['"t"', '"a"']);
    const bare = new Article('title: t\ndate: 2021-01-01\n---\nbody');
    expect(bare.frontMatter!.range[0]).toBe(0);
    expect(bare.frontMatter!.data.title).toBe('t');
    expect(bare.slice([bare.bodyStart, bare.text.length])).toBe('body');
  });

  it('does not take prose above a Markdown rule, or unreadable ;;; JSON, for front matter', () => {
    expect(new Article('A heading\n---\nbody').frontMatter).toBeNull();
    expect(new Article(';;;\nnot json\n;;;\nbody').frontMatter).toBeNull();
  });

  it('is fatal, saying so, where Hexo itself cannot read the front matter (it drops the post)', () => {
    const text = '---\ntitle: ok\nbad: [unclosed\n---\n';
    try {
      new Article(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ArticleError);
      expect((err as Error).message).toMatch(/Hexo cannot read it either/);
      expect(new LineIndex(text).position((err as ArticleError).offset).line).toBeGreaterThanOrEqual(3);
    }
    expect(() => new Article('---\ntitle: a\ntitle: b\n---\n')).toThrow(/duplicated mapping key/);
    expect(() => new Article('Note: x\nhello\n---\nbody')).toThrow(/Hexo cannot read it either/);
  });

  it('an unclosed fence or a fence with a language is body text to Hexo, and nothing in it runs', () => {
    (globalThis as any).__newslintPwned = false;
    for (const lang of ['js', 'javascript', 'coffee', 'toml', 'json']) {
      const a = new Article(`---${lang}\n{ title: (globalThis.__newslintPwned = true) }\n---\nbody`);
      expect(a.frontMatter).toBeNull();
    }
    expect(new Article('---\ntitle: x\n').frontMatter).toBeNull();
    expect((globalThis as any).__newslintPwned).toBe(false);
  });

  it('refuses code-shaped YAML tags as Hexo does, and does not pollute prototypes', () => {
    expect(() => new Article('---\nf: !!js/function "function () { return 1 }"\n---\n')).toThrow(/unknown tag/);
    const a = new Article('---\n__proto__: { polluted: true }\n---\n');
    expect(Object.keys(a.frontMatter!.data)).toEqual(['__proto__']);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('treats a file without a fence as all body', () => {
    const a = new Article('title: no fence\n<p>x</p>');
    expect(a.frontMatter).toBeNull();
    expect(a.bodyStart).toBe(0);
  });
});

describe('body', () => {
  it('shifts parse5 offsets to file offsets, attributes included', () => {
    const text = '---\nt: 1\n---\n<div>\n<img src="a.png" alt=x title=\'T\'>\n</div>';
    const a = new Article(text);
    const img = a.html.byTag('img')[0];
    expect(a.slice(a.rangeOf(img))).toBe('<img src="a.png" alt=x title=\'T\'>');
    expect(a.attrValue(img, 'src')).toMatchObject({ raw: 'a.png', quote: '"' });
    expect(a.attrValue(img, 'alt')).toMatchObject({ raw: 'x', quote: '' });
    expect(a.attrValue(img, 'title')).toMatchObject({ raw: 'T', quote: "'" });
    expect(a.slice(a.attrValue(img, 'src')!.range)).toBe('a.png');
    expect(a.attrValue(img, 'nope')).toBeNull();
  });

  it('never parses Markdown code as HTML, and marks it literal', () => {
    const text = 'a `<img src=x>` b\n\n```\n<div><img src=y>\n```\n\n    <img src=z>\n\n<img src=w>\n';
    const a = new Article(text);
    expect(a.html.byTag('img').map((i) => a.attr(i, 'src'))).toEqual(['w']);
    expect(a.isLiteral(text.indexOf('<img src=x>'))).toBe(true);
    expect(a.isLiteral(text.indexOf('<img src=z>'))).toBe(true);
    expect(a.isLiteral(text.indexOf('<img src=w>'))).toBe(false);
  });

  it('leaves elements inside pre/code/script/style/textarea out of byTag, and marks them literal', () => {
    const text = '<pre><img src=a></pre><code><p></p></code><script>var p = "<p></p>"</script><p>x</p>';
    const a = new Article(text, { format: 'html' });
    expect(a.html.byTag('img')).toEqual([]);
    expect(a.html.byTag('p').length).toBe(1);
    expect(a.html.allElements.filter((e) => e.tagName === 'img').length).toBe(1);
    expect(a.isLiteral(text.indexOf('var p'))).toBe(true);
  });

  it('reads Markdown images and links with exact ranges, not inside code', () => {
    const text = '![a *b*](http://x/y.png "t") [l](<u v>) `![c](d)`\n\n[ref]: http://def/\n';
    const a = new Article(text);
    expect(a.markdown.images.map((i) => [i.alt.text, i.url?.text])).toEqual([['a *b*', 'http://x/y.png']]);
    expect(a.markdown.links.map((l) => a.slice(l.url.range))).toEqual(['u v', 'http://def/']);
  });

  it('does not read Markdown in .html files', () => {
    const a = new Article('```\n<p></p>\n```', { format: 'html' });
    expect(a.html.byTag('p').length).toBe(1);
  });

  it('survives deep nesting without recursion', () => {
    const depth = 20000;
    const a = new Article('<div>'.repeat(depth) + 'x' + '</div>'.repeat(depth), { format: 'html' });
    expect(a.html.byTag('div').length).toBe(depth);
  });
});

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and lone \\r as line ends', () => {
    const li = new LineIndex('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map((o) => li.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
