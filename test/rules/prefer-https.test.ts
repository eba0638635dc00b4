import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule, { hostMatches } from '../../rules/prefer-https.js';

const zaker = { httpsHosts: ['*.myzaker.com'] };

describe('hostMatches', () => {
  it('matches exact hosts and wildcard subdomains only', () => {
    expect(hostMatches('zkres1.myzaker.com', ['*.myzaker.com'])).toBe(true);
    expect(hostMatches('myzaker.com', ['*.myzaker.com'])).toBe(false);
    expect(hostMatches('evilmyzaker.com', ['*.myzaker.com'])).toBe(false);
    expect(hostMatches('img.jandan.net', ['IMG.jandan.net'])).toBe(true);
    expect(hostMatches('a.img.jandan.net', ['img.jandan.net'])).toBe(false);
  });
});

RuleTester.run(rule, {
  valid: [
    '<img src="https://example.com/a.jpg">',
    '<img src="//example.com/a.jpg">',
    '<img src="/a.jpg">',
    { code: '<a href="http://example.com/">x</a>\n', name: 'links are not mixed content' },
    { code: '[x](http://example.com/)\n', name: 'Markdown links are not mixed content' },
    {
      code: '<img src="https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/a.jpg" data-original="http://zkres1.myzaker.com/a.jpg">\n',
      name: 'real corpus: a proxied https src; lazy attributes are not loaded by the browser',
    },
    { code: '---\nlink: http://example.com/\nheadimg: https://example.com/a.jpg\n---\nx\n', name: 'front matter: only image keys' },
    { code: '```\n<img src="http://example.com/a.jpg">\n```\n', name: 'fenced code is literal' },
    { code: 'Write `![x](http://example.com/a.jpg)`.\n', name: 'inline code is literal' },
    { code: '<pre><img src="http://example.com/a.jpg"></pre>\n', name: 'inside pre' },
    { code: '<textarea><iframe src="http://example.com/"></iframe></textarea>\n', name: 'inside textarea' },
    { code: '<img data-src="http://example.com/a.jpg" src="https://example.com/a.jpg">\n', options: zaker, name: 'data-src is not fetched' },
    {
      code: '<img poster="http://example.com/a.jpg" data="http://example.com/b"><iframe srcset="http://example.com/c 1x"></iframe><object src="http://example.com/d"></object>\n',
      name: 'attributes that element does not fetch',
    },
  ],
  invalid: [
    {
      name: 'unknown host: reported, not fixed',
      code: '<img src="http://img.jandan.net/news/a.jpg!custom" alt="x">\n',
      errors: [{ messageId: 'insecure', line: 1, column: 11, endColumn: 50 }],
      output: null,
    },
    {
      name: 'real corpus shape once the proxy is unwrapped: ZAKER images, host listed',
      code: '<img class="lazy opacity_0 " data-original="http://zkres1.myzaker.com/202108/a_1024.jpg" src="http://zkres1.myzaker.com/202108/a_1024.jpg">\n',
      options: zaker,
      errors: [{ messageId: 'upgrade', line: 1, column: 95 }],
      output: '<img class="lazy opacity_0 " data-original="http://zkres1.myzaker.com/202108/a_1024.jpg" src="https://zkres1.myzaker.com/202108/a_1024.jpg">\n',
    },
    {
      name: 'every loaded attribute, one host listed',
      code: [
        '<iframe src="http://v.myzaker.com/p"></iframe>',
        '<video src="http://v.myzaker.com/v.mp4" poster="HTTP://v.myzaker.com/p.jpg"><source src="http://v.myzaker.com/v.webm"><track src=http://v.myzaker.com/t.vtt></video>',
        '<audio src="http://v.myzaker.com/a.mp3"></audio><embed src="http://v.myzaker.com/e.swf"><object data="http://v.myzaker.com/o.swf"></object>',
        '<img srcset="http://v.myzaker.com/1.jpg 1x, https://v.myzaker.com/2.jpg 2x, http://v.myzaker.com/3.jpg 3x">',
        '',
      ].join('\n'),
      options: zaker,
      errors: 10,
      output: [
        '<iframe src="https://v.myzaker.com/p"></iframe>',
        '<video src="https://v.myzaker.com/v.mp4" poster="https://v.myzaker.com/p.jpg"><source src="https://v.myzaker.com/v.webm"><track src=https://v.myzaker.com/t.vtt></video>',
        '<audio src="https://v.myzaker.com/a.mp3"></audio><embed src="https://v.myzaker.com/e.swf"><object data="https://v.myzaker.com/o.swf"></object>',
        '<img srcset="https://v.myzaker.com/1.jpg 1x, https://v.myzaker.com/2.jpg 2x, https://v.myzaker.com/3.jpg 3x">',
        '',
      ].join('\n'),
    },
    {
      name: 'front-matter image keys keep their quoting; Markdown images',
      code: "\n---\ntitle: t\nheadimg: 'http://zkres2.myzaker.com/a.jpg'\nbanner:\n  - http://zkres2.myzaker.com/b.jpg\nlink: http://zkres2.myzaker.com/\n---\n\n![a](http://zkres2.myzaker.com/c.jpg \"t\") ![b](http://example.com/d.jpg)\n",
      options: zaker,
      errors: [
        { messageId: 'upgrade', line: 4, column: 10 },
        { messageId: 'upgrade', line: 6, column: 5 },
        { messageId: 'upgrade', line: 10, column: 6 },
        { messageId: 'insecure', line: 10, column: 48 },
      ],
      output: "\n---\ntitle: t\nheadimg: 'https://zkres2.myzaker.com/a.jpg'\nbanner:\n  - https://zkres2.myzaker.com/b.jpg\nlink: http://zkres2.myzaker.com/\n---\n\n![a](https://zkres2.myzaker.com/c.jpg \"t\") ![b](http://example.com/d.jpg)\n",
    },
    {
      name: 'an explicit port is not upgraded; imageKeys can be changed',
      code: '---\ncover: http://a.myzaker.com/x.jpg\npic: http://a.myzaker.com/y.jpg\n---\n<img src="http://a.myzaker.com:8080/a.jpg">\n',
      options: { ...zaker, imageKeys: ['pic'] },
      errors: [{ messageId: 'upgrade', line: 3 }, { messageId: 'insecure', line: 5 }],
      output: '---\ncover: http://a.myzaker.com/x.jpg\npic: https://a.myzaker.com/y.jpg\n---\n<img src="http://a.myzaker.com:8080/a.jpg">\n',
    },
  ],
});

describe('prefer-https on the real posts', () => {
  const dir = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  it('finds nothing: every http:// image in the corpus hides behind an https proxy or in data-original', () => {
    expect(files).toHaveLength(27);
    const rules = [RuleTester.configure(rule, zaker)];
    const messages = files.flatMap((f) => lintText(readFileSync(path.join(dir, f), 'utf8'), { filePath: f, rules }));
    expect(messages).toEqual([]);
  });
  it('the ZAKER src, once unwrapped, is upgraded for *.myzaker.com', () => {
    const file = files.find((f) => f.includes('G20'))!;
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/https:\/\/cors\.zfour\.workers\.dev\/\?/g, '');
    const rules = [RuleTester.configure(rule, zaker)];
    const messages = lintText(text, { filePath: file, rules });
    // headimg, thumbnail and 14 <img src>; data-original is not fetched by the browser
    expect(messages).toHaveLength(16);
    expect(messages.every((m) => m.fix)).toBe(true);
    const fixed = fixText(text, { filePath: file, rules });
    expect(fixed.messages).toEqual([]);
    expect(fixed.output.length).toBe(text.length + messages.length);
  });
});
