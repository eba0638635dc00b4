import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule, { dataImageSize, placeholderReason } from '../../rules/no-placeholder-image.js';

const GIF_1X1 = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const GIF_2X2 = 'data:image/gif;base64,R0lGODlhAgACAIAAAP///wAAACwAAAAAAgACAAACAoRRADs=';
const PNG_1X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const PNG_2X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAAAAAAAA=';

const fm = (body: string, extra = '') => `\n---\ntitle: t\nheadimg: 'https://picsum.photos/400/300?random=1286'\n${extra}author: a\n---\n${body}`;

describe('placeholderReason', () => {
  it('reads the image header, not one fixed string', () => {
    expect(dataImageSize(GIF_1X1)).toEqual({ width: 1, height: 1 });
    expect(dataImageSize(GIF_2X2)).toEqual({ width: 2, height: 2 });
    expect(dataImageSize(PNG_1X1)).toEqual({ width: 1, height: 1 });
    expect(dataImageSize(PNG_2X1)).toEqual({ width: 2, height: 1 });
    expect(dataImageSize('data:image/png;base64,R0lGODlhAQABAIAAAAAAAP')).toBeNull();
    expect(dataImageSize('data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ')).toBeNull();
  });
  it('names hosts, nullish paths and tiny data URIs', () => {
    expect(placeholderReason('https://via.placeholder.com/150')).toBe('placeholder service placeholder.com');
    expect(placeholderReason('//PICSUM.photos:443/200')).toBe('placeholder service picsum.photos');
    expect(placeholderReason('https://user@dummyimage.com/600x400/000/fff')).toBe('placeholder service dummyimage.com');
    expect(placeholderReason('https://juejin.cn/post/undefined')).toBe('URL ends in "undefined"');
    expect(placeholderReason('https://x.com/img/null?x=1')).toBe('URL ends in "null"');
    expect(placeholderReason('undefined')).toBe('URL ends in "undefined"');
    expect(placeholderReason(GIF_1X1)).toBe('1×1 data URI');
    expect(placeholderReason(GIF_2X2)).toBeNull();
    expect(placeholderReason('https://notpicsum.photos/a.jpg')).toBeNull();
    expect(placeholderReason('https://example.com/undefined-behaviour.png')).toBeNull();
    expect(placeholderReason('https://example.com/a.jpg?next=/undefined')).toBeNull();
  });
  it('stays linear on hostile input', () => {
    const long = `https://${'a'.repeat(200_000)}${'/'.repeat(200_000)}${'?http://'.repeat(50_000)}`;
    const t = performance.now();
    placeholderReason(long);
    placeholderReason(`data:image/gif${';a'.repeat(100_000)}`);
    expect(performance.now() - t).toBeLessThan(500);
  });
});

RuleTester.run(rule, {
  valid: [
    '<img src="https://example.com/a.jpg">',
    `<img src="${GIF_2X2}">`,
    `<img src="${PNG_2X1}">`,
    '![a](https://example.com/undefined.png)',
    { code: '[link](https://juejin.cn/post/undefined)\n', name: 'links are not images' },
    { code: '<a href="https://picsum.photos/200">x</a>\n', name: '<a href> is not an image' },
    { code: '```\n<img src="https://picsum.photos/200">\n```\n', name: 'fenced code is literal' },
    { code: 'Use `![x](https://picsum.photos/200)`.\n', name: 'inline code is literal' },
    { code: '<pre><img src="https://juejin.cn/post/undefined"></pre>\n', name: 'inside pre' },
    { code: '<script>img.src = "https://picsum.photos/1"</script>\n', name: 'inside script' },
    {
      code: `<img class="lazy" src="${GIF_1X1}" data-original="https://example.com/a.jpg">\n`,
      name: 'a placeholder src beside a real lazy URL is left to no-lazy-image',
    },
    { code: '\n---\ntitle: undefined\nlink: https://example.com/a\n---\nx\n', name: 'front-matter strings that are not URLs' },
    { code: '<img src="https://example.com/a.jpg">\n', options: { fallback: 'drop' }, name: 'clean with drop' },
  ],
  invalid: [
    {
      name: 'real corpus: picsum headimg and thumbnail, no fix by default',
      code: "\n---\ntitle: '123'\nheadimg: 'https://picsum.photos/400/300?random=1286'\nthumbnail: 'https://picsum.photos/400/300?random=1286'\n---\n\n<p>x</p>",
      errors: [
        { messageId: 'placeholder', line: 4, column: 10, endColumn: 53 },
        { messageId: 'placeholder', line: 5, column: 12 },
      ],
      output: null,
    },
    {
      name: 'real corpus: juejin /post/undefined in an img',
      code: '<p><img alt title="点击并拖拽以移动" loading="lazy" src="https://juejin.cn/post/undefined" referrerpolicy="no-referrer"></p>\n',
      errors: [{ messageId: 'placeholder', message: /URL ends in "undefined"/, line: 1, column: 50 }],
      output: null,
    },
    {
      code: `<img src="${GIF_1X1}">\n<img src='${PNG_1X1}'>\n\n![x](https://placehold.co/600x400)\n`,
      errors: [
        { message: /1×1 data URI/, line: 1, column: 11 },
        { message: /1×1 data URI/, line: 2, column: 11 },
        { message: /^Markdown image is a placeholder image \(placeholder service placehold\.co\)/, line: 4, column: 6 },
      ],
      output: null,
    },
    {
      code: '<img srcset="https://dummyimage.com/1x 1x, https://example.com/a.jpg 2x">\n<picture><source srcset="https://picsum.photos/200"></picture>\n',
      errors: [{ line: 1, column: 14 }, { line: 2, column: 26 }],
      output: null,
    },
    {
      name: 'a custom host list',
      code: '<img src="https://img.example.com/blank.png">\n',
      options: { hosts: ['example.com'] },
      errors: [{ message: /placeholder service example\.com/ }],
      output: null,
    },
    // fallback: drop
    {
      name: 'drop: the front-matter line goes, the YAML stays valid',
      code: fm('<p>x</p>\n'),
      options: { fallback: 'drop' },
      errors: [{ messageId: 'dropField', line: 4 }],
      output: '\n---\ntitle: t\nauthor: a\n---\n<p>x</p>\n',
    },
    {
      name: 'drop: CRLF, a trailing comment, a duplicate key (Jekyll keeps the last; Hexo cannot read it)',
      site: siteWithoutRoot('jekyll'),
      code: '---\r\nheadimg: https://juejin.cn/post/undefined # scraped\r\nheadimg: "https://example.com/a.jpg"\r\n---\r\nx\r\n',
      options: { fallback: 'drop' },
      errors: [{ messageId: 'dropField', line: 2, column: 10 }],
      output: '---\r\nheadimg: "https://example.com/a.jpg"\r\n---\r\nx\r\n',
    },
    {
      name: 'drop: a value on its own line',
      code: '---\ncover:\n  https://picsum.photos/1\ntitle: t\n---\nx\n',
      options: { fallback: 'drop' },
      errors: [{ messageId: 'dropField', line: 3 }],
      output: '---\ntitle: t\n---\nx\n',
    },
    {
      name: 'drop: nested strings and JSON front matter are reported, not fixed',
      code: '---\nimages:\n  - https://picsum.photos/1\n  - https://example.com/a.jpg\n---\nx\n',
      options: { fallback: 'drop' },
      errors: [{ messageId: 'placeholder', line: 3 }],
      output: null,
    },
    {
      code: ';;;\n"headimg": "https://picsum.photos/1",\n"title": "t"\n;;;\nx\n',
      options: { fallback: 'drop' },
      errors: [{ messageId: 'placeholder', line: 2 }],
      output: null,
    },
    {
      name: 'drop: body images go with their line; a lazy attribute goes alone',
      code: `<p>a</p>\n<img alt src="https://juejin.cn/post/undefined">\n<p>b <img src="${GIF_1X1}"> c</p>\n\n![x](https://picsum.photos/1 "t")\n\n<img src="https://example.com/a.jpg" data-src="https://juejin.cn/post/null">\n`,
      options: { fallback: 'drop' },
      errors: [
        { messageId: 'dropImage', line: 2 },
        { messageId: 'dropImage', line: 3 },
        { messageId: 'dropImage', line: 5 },
        { messageId: 'dropAttribute', line: 7 },
      ],
      output: '<p>a</p>\n<p>b  c</p>\n\n\n<img src="https://example.com/a.jpg">\n',
    },
    {
      name: 'drop: a srcset goes only when every candidate is a placeholder',
      code: '<img src="a.jpg" srcset="https://picsum.photos/1 1x, https://picsum.photos/2 2x">\n<img src="b.jpg" srcset="https://picsum.photos/1 1x, c.jpg 2x">\n',
      options: { fallback: 'drop' },
      errors: [{ messageId: 'dropAttribute' }, { messageId: 'dropAttribute' }, { messageId: 'placeholder' }],
      output: '<img src="a.jpg">\n<img src="b.jpg" srcset="https://picsum.photos/1 1x, c.jpg 2x">\n',
    },
    // fallback: first-body-image
    {
      name: 'first-body-image: the cover takes the first real body image, quoting kept',
      code: fm(`<img src="https://juejin.cn/post/undefined">\n<img class="lazy" src="${GIF_1X1}" data-original="https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a.jpg">\n![b](https://example.com/b.jpg)\n`),
      options: { fallback: 'first-body-image' },
      errors: [{ messageId: 'replace', line: 4 }, { messageId: 'placeholder', line: 7 }],
      output: fm(`<img src="https://juejin.cn/post/undefined">\n<img class="lazy" src="${GIF_1X1}" data-original="https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a.jpg">\n![b](https://example.com/b.jpg)\n`)
        .replace("'https://picsum.photos/400/300?random=1286'", "'https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a.jpg'"),
    },
    {
      name: 'first-body-image: a Markdown image first; entities decoded; other keys left',
      code: '---\nthumbnail: https://picsum.photos/1\nlogo: https://picsum.photos/2\n---\n![a](https://example.com/a\\(1\\).jpg)\n<img src="https://example.com/b.jpg?a=1&amp;b=2">\n',
      options: { fallback: 'first-body-image' },
      errors: [{ messageId: 'replace', line: 2 }, { messageId: 'placeholder', line: 3 }],
      output: '---\nthumbnail: https://example.com/a(1).jpg\nlogo: https://picsum.photos/2\n---\n![a](https://example.com/a\\(1\\).jpg)\n<img src="https://example.com/b.jpg?a=1&amp;b=2">\n',
    },
    {
      name: 'first-body-image: no real body image, no fix',
      code: fm('<img src="https://juejin.cn/post/undefined">\n'),
      options: { fallback: 'first-body-image' },
      errors: [{ messageId: 'placeholder', line: 4 }, { messageId: 'placeholder', line: 7 }],
      output: null,
    },
  ],
});

describe('no-placeholder-image on the real posts', () => {
  const dir = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  const picsum = [
    '新媒体/人人都是产品经理/天天问/123.md',
    '新媒体/36kr/快讯/"养老旅游"机构博康艾馨爆雷 涉及资金或超10亿.md',
    '新媒体/36kr/快讯/10月制造业PMI为492.md',
    '编程/开源中国/资讯/Apache Impala 40 发布，大规模并行处理 SQL 查询引擎.md',
    '二次元/Eventernote/声优活动及演唱会/あにげっちゅ 公開生放送 2021年11月14日(日).md',
  ];
  const juejin = '编程/掘金/分类/electron集成sqlite3  MVC封装使用.md';
  const run = (file: string, options: Record<string, unknown> = {}) => {
    const rules = [RuleTester.configure(rule, options)];
    return { messages: lintText(read(file), { filePath: file, rules }), fixed: fixText(read(file), { filePath: file, rules }) };
  };

  it('finds picsum headimg and thumbnail in the five files; nothing to take from the body', () => {
    for (const file of picsum) {
      const { messages, fixed } = run(file, { fallback: 'first-body-image' });
      expect(messages.map((m) => m.line)).toEqual([8, 12]);
      expect(messages.every((m) => /picsum\.photos/.test(m.message) && !m.fix)).toBe(true);
      expect(fixed.output).toBe(read(file));
    }
  });

  it('finds the ten juejin /post/undefined images; drop removes them all', () => {
    const { messages, fixed } = run(juejin, { fallback: 'drop' });
    expect(messages).toHaveLength(10);
    expect(messages.filter((m) => m.fix)).toHaveLength(10);
    expect(fixed.output).not.toContain('undefined');
    expect(fixed.messages).toEqual([]);
    expect(fixed.output.split('\n').length).toBe(read(juejin).split('\n').length - 2);
  });

  it('finds 20 placeholders over the whole corpus, in those six files only', () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(27);
    const all = files.reduce((n, f) => n + run(f).messages.length, 0);
    expect(all).toBe(20);
  });
});
