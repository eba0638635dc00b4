import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { lintText } from '../../src/engine/linter.js';
import rule from '../../rules/front-matter-required.js';
import { siteWithoutRoot } from '../../src/generators/index.js';

const fm = (body: string) => `---\n${body}\n---\nbody\n`;
// Hexo cannot read a repeated key at all (the post is fatal); Jekyll's Psych keeps the last one.
const jekyll = siteWithoutRoot('jekyll');

RuleTester.run(rule, {
  valid: [
    fm("title: 't'"),
    fm('title: t\ncategories:\n - a\n - b\ntags: x'),
    fm('title: t\ncategories: [[a, b], c]\ntags: []'),
    fm('title: t\ntags:'),
    fm("title: t\nheadimg: 'https://img.example.com/a.jpg?x=1'\nthumbnail: /images/a.png\ncover: HTTP://EXAMPLE.COM/a"),
    fm('title: t\nheadimg: https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a.jpg'),
    { code: fm('title: t'), name: 'no date: date-format reports a missing date, not this rule' },
    { code: 'no front matter\n', options: { required: [] }, name: 'nothing required, no front matter' },
    { code: fm('title: t\nauthor: 12'), options: { types: {} }, name: 'types: {} checks no type' },
    { code: fm('title: t\nheadimg: ftp://x/a.jpg'), options: { imageKeys: [] }, name: 'imageKeys: [] checks no image' },
    { code: fm('title: 123\ncomments: false\nweight: 2'), options: { types: { comments: 'boolean', weight: 'number' } }, name: 'configured types' },
    { code: ';;;\n"title": "t", "tags": ["a"]\n;;;\n', name: 'JSON front matter' },
    { code: fm('title: t') + '```yaml\ntitle: t\ntitle: u\n```\n', name: 'body code is not front matter' },
  ],
  invalid: [
    {
      name: 'missing title, reported on the opening fence (blank line before it, as in the corpus)',
      code: '\n---\nauthor: a\n---\n',
      errors: [{ messageId: 'missing', message: 'Front matter has no "title"', line: 2, column: 1, endColumn: 4 }],
      output: null,
    },
    { code: 'body only\n', errors: [{ messageId: 'noFrontMatter', line: 1, column: 1 }], output: null, name: 'no front matter: once' },
    { code: 'body only\n', options: { required: ['title', 'author'] }, errors: [{ message: /no "title", "author"/ }], output: null, name: 'no front matter, two keys: still once' },
    { code: fm('author: a'), options: { required: ['title', 'date'] }, errors: [{ message: /no "title"/ }, { message: /no "date"/ }], output: null, name: 'date can be required here too' },
    { code: fm("title: ''"), errors: [{ messageId: 'empty', line: 2, column: 8 }], output: null },
    { code: fm('title:'), errors: [{ messageId: 'empty', line: 2, column: 1 }], output: null },
    { code: fm("title: '  \u3000'"), errors: [{ messageId: 'empty' }], output: null, name: 'whitespace-only title' },
    {
      code: fm('title: a\nauthor: x\ntitle: b'),
      site: jekyll,
      errors: [{ messageId: 'duplicate', message: /"title" is repeated \(first on line 2\): Jekyll keeps only the last one/, line: 4, column: 1, endColumn: 6 }],
      output: null,
    },
    { code: fm('title: a\ntags: x\ntags: y\ntags: z'), site: jekyll, errors: [{ line: 4 }, { line: 5, message: /first on line 3/ }], output: null, name: 'each later occurrence is reported' },
    { code: fm('title: [a, b]'), errors: [{ messageId: 'type', message: '"title" should be a string, not a list', line: 2, column: 8 }], output: null },
    { code: fm('title: 2021'), errors: [{ messageId: 'type', message: /not the number 2021/ }], output: null, name: 'a plain number title' },
    { code: fm('title: t\ncategories: { a: b }'), errors: [{ messageId: 'type', message: /a list or a string, not a mapping/, line: 3, column: 13 }], output: null },
    { code: fm('title: t\ntags: true'), errors: [{ messageId: 'type' }], output: null },
    { code: fm('title: t\ntags: x'), options: { types: { tags: 'list' } }, errors: [{ message: '"tags" should be a list, not a string' }], output: null },
    { code: fm("title: t\nheadimg: 'picsum.photos/400/300'"), errors: [{ messageId: 'image', line: 3, column: 10 }], output: null, name: 'no scheme' },
    { code: fm('title: t\nthumbnail: //cdn.example.com/a.jpg'), errors: [{ messageId: 'image' }], output: null, name: 'protocol-relative' },
    { code: fm('title: t\ncover: ftp://example.com/a.jpg'), errors: [{ messageId: 'image' }], output: null },
    { code: fm('title: t\nimage: https://exa mple.com/a.jpg'), errors: [{ messageId: 'image' }], output: null, name: 'whitespace' },
    { code: fm('title: t\nbanner: "https://"'), errors: [{ messageId: 'image' }], output: null, name: 'no host' },
    { code: fm("title: t\nheadimg: ''"), errors: [{ messageId: 'image', message: /"headimg" "" is not/ }], output: null, name: 'empty image' },
    { code: fm('title: t\nheadimg:\n  - https://a.example/x.jpg'), errors: [{ messageId: 'image', message: /"headimg" a list is not/ }], output: null, name: 'a list of images' },
    { code: fm('title: t\npic: a.jpg'), options: { imageKeys: ['pic'] }, errors: [{ messageId: 'image' }], output: null, name: 'imageKeys option' },
    {
      name: 'several problems, source order, CRLF',
      site: jekyll,
      code: "---\r\ntitle: ''\r\ntags: 1\r\nheadimg: x.jpg\r\ntags: [a]\r\n---\r\n",
      errors: [{ line: 2, messageId: 'empty' }, { line: 3, messageId: 'type' }, { line: 4, messageId: 'image' }, { line: 5, messageId: 'duplicate' }],
      output: null,
    },
  ],
});

const realRoot = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
function realPosts(dir = realRoot): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? realPosts(p) : p.endsWith('.md') ? [p] : [];
  });
}

describe('front-matter-required on the real corpus', () => {
  it('has its 27 posts', () => expect(realPosts().length).toBe(27));
  // finds nothing: every post has a title, list categories and http(s) images
  RuleTester.run(rule, { valid: realPosts().map((f) => ({ code: readFileSync(f, 'utf8'), filePath: f, name: path.relative(realRoot, f) })), invalid: [] });
  it('catches a real post whose importer lost the title and doubled the date', () => {
    const file = realPosts().find((p) => p.endsWith('123.md'))!;
    const text = readFileSync(file, 'utf8').replace("title: '123'", "title: ''").replace(/\ndate: .*\n/, (d) => `${d}${d.slice(1)}`);
    // Jekyll reads front matter only at the very start of the file: without the importer's blank line
    const messages = lintText(text.slice(1), { filePath: file, site: jekyll, rules: [RuleTester.configure(rule)] });
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [2, '"title" is empty'],
      [11, 'Key "date" is repeated (first on line 10): Jekyll keeps only the last one; keep one'],
    ]);
    // Hexo's js-yaml refuses the repeated key: Hexo drops the post, and newslint says so
    const hexo = lintText(text, { filePath: file, rules: [RuleTester.configure(rule)] });
    expect(hexo).toMatchObject([{ fatal: true, line: 12, message: expect.stringMatching(/Hexo cannot read it either.*duplicated mapping key/) }]);
  });
});
