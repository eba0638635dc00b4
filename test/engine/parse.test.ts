import { describe, expect, it } from 'vitest';
import { Article } from '../../src/parse/article.js';
import { ArticleError } from '../../src/parse/errors.js';
import { LineIndex } from '../../src/parse/lines.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { siteWithoutRoot } from '../../src/generators/index.js';

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

describe('front matter positions: only where strict YAML 1.2 reads what the generator reads', () => {
  it('agree: every key has its entry, timestamps included (a Date to the generator, a string to YAML 1.2)', () => {
    const a = new Article('---\ntitle: t\ndate: 2021-10-31 08:06:29\n---\n');
    expect(a.frontMatter!.data.date).toEqual(new Date('2021-10-31T08:06:29Z'));
    expect(a.frontMatter!.entries.map((e) => [e.key, e.value])).toEqual([['title', 't'], ['date', '2021-10-31 08:06:29']]);
    expect(a.frontMatter!.strictYaml).toEqual({ errors: [], differing: [] });
  });

  it('a key the generator reads otherwise has no entry and no strings (Jekyll: yes is true)', () => {
    const a = new Article('---\ntitle: t\ndraft: yes\ntags: [a, on]\n---\n', { site: siteWithoutRoot('jekyll') });
    const fm = a.frontMatter!;
    expect(fm.data).toEqual({ title: 't', draft: true, tags: ['a', true] });
    expect(fm.strictYaml).toEqual({ errors: [], differing: ['draft', 'tags'] });
    expect(fm.entries.map((e) => e.key)).toEqual(['title']);
    expect(fm.strings.map((s) => s.path.join('.'))).toEqual(['title']);
  });

  it('a block YAML 1.2 rejects has no positions at all, and says where', () => {
    const text = "---\ntitle: '## 入手umi\n对于路由的考虑真心全乎，666'\nauthor: a\n---\n";
    const fm = new Article(text).frontMatter!;
    expect(fm.data).toEqual({ title: '## 入手umi 对于路由的考虑真心全乎，666', author: 'a' });
    expect(fm.entries).toEqual([]);
    expect(fm.strings).toEqual([]);
    expect(fm.strictYaml!.errors[0]).toEqual({ message: "Missing closing 'quote", range: [text.indexOf('umi') + 3, text.indexOf('umi') + 4] });
  });

  it('TOML has no positions; JSON has them', () => {
    const toml = new Article('+++\ntitle = "t"\n+++\nbody', { site: siteWithoutRoot('hugo') }).frontMatter!;
    expect(toml.data).toEqual({ title: 't' });
    expect([toml.entries, toml.strings, toml.strictYaml]).toEqual([[], [], null]);
    const json = new Article('{"title": "t"}\nbody', { site: siteWithoutRoot('hugo') });
    expect(json.frontMatter!.strings.map((s) => json.slice(s.range))).toEqual(['"t"']);
  });
});

describe('front matter as Jekyll reads it', () => {
  const jekyll = siteWithoutRoot('jekyll');

  it('the block ends at the first --- or ... line; the blank lines after it belong to the fence', () => {
    const a = new Article('---\r\ntitle: t\r\n...\r\n\r\n\r\nbody', { site: jekyll });
    expect(a.frontMatter!.data).toEqual({ title: 't' });
    expect(a.slice([a.bodyStart, a.text.length])).toBe('body');
    expect(new Article('\n---\ntitle: t\n---\nbody', { site: jekyll }).frontMatter).toBeNull();
    expect(new Article('----\ntitle: t\n---\nbody', { site: jekyll }).frontMatter).toBeNull();
  });

  it('front matter Psych cannot load is not fatal: the post is linted without its data, saying why', () => {
    const text = '---\ntitle: t\nsummary: :)\n---\nbody';
    const a = new Article(text, { site: jekyll });
    expect(a.frontMatter!.data).toEqual({});
    expect(a.frontMatter!.unreadable).toEqual({ reason: 'Tried to load unspecified class: Symbol (:))', offset: text.indexOf('title') });
    expect(a.slice([a.bodyStart, a.text.length])).toBe('body');
  });
});

describe('front matter as Hugo reads it', () => {
  const hugo = siteWithoutRoot('hugo');

  it('is fatal where Hugo fails the build, saying so', () => {
    for (const [text, why] of [
      ['- a list first\n', /^front matter: Hugo cannot read it either \(invalid YAML delimiter: .*\); the build fails$/],
      ['<p>html</p>\n', /plain HTML documents are not supported/],
      ['---\ntitle: t\n', /no line starts with --- to close it/],
      ['---\n- a\n---\n', /not a mapping/],
      ['+++\ntitle = "a"\ntitle = "b"\n+++\n', /TOML: /],
    ] as const) {
      expect(() => new Article(text, { site: hugo }), text).toThrow(why);
    }
  });

  it('finds the block after leading whitespace, closes it at a line that starts with ---, and reads yaml.v2 values', () => {
    const a = new Article('\n  ---\nTitle: T\ndraft: y\nn: 010\n--- rest\nbody', { site: hugo });
    expect(a.frontMatter!.data).toEqual({ Title: 'T', draft: true, n: 8 });
    expect(a.slice([a.bodyStart, a.text.length])).toBe(' rest\nbody');
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

describe('one micromark parser for many documents', () => {
  it("a document's link reference definitions do not carry over to the next", () => {
    expect(parseMarkdown('[a]: /x\n\n![a]\n', 0, 14).images).toHaveLength(1);
    expect(parseMarkdown('![a]\n', 0, 5).images).toHaveLength(0);
  });
});

describe('body too complex to tokenize in bounded time', () => {
  it('counts as code: no links, images or HTML read in it, and says why', () => {
    const body = `${'[a](b ('.repeat(20_000)}\n\n<img src="x.jpg">\n`;
    const a = new Article(`---\ntitle: t\n---\n${body}`);
    expect(a.markdown.unparsed).toMatch(/bounded time/);
    expect(a.literalRanges).toEqual([[a.bodyStart, a.text.length]]);
    expect(a.markdown.links).toEqual([]);
    expect(a.html.byTag('img')).toEqual([]);
  });

  it('one line opening more than 64 nested containers', () => {
    expect(new Article(`${'> '.repeat(65)}x\n`).markdown.unparsed).toMatch(/nested/);
    expect(new Article(`${'> '.repeat(64)}x\n`).markdown.unparsed).toBeUndefined();
  });

  it('long posts of ordinary paragraphs are tokenized', () => {
    const para = 'Some text with [a link](https://a.com/x) and `code`, 正文。\n'.repeat(8);
    const a = new Article(`${para}\n`.repeat(100));
    expect(a.markdown.unparsed).toBeUndefined();
    expect(a.markdown.links).toHaveLength(800);
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
