import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { HOSTILE_URL_TEXT, timeRuleCheck } from '../helpers/timing.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/no-tracking-link.js';
import noProxiedUrl from '../../rules/no-proxied-url.js';

// the corpus's cnBeta links: data-link, target, raw `&` in href
const A = (href: string, text = '微软') => `<p>虽然<a data-link="1" href="${href}" target="_blank">${text}</a>没有提供官方补丁</p>`;
const DUOMAI_K =
  'https://c.duomai.com/track.php?k=yUSQzUycwRHdo1Ddm0DZpVXZmkDN2ITPklWYmYDO5IDNy0DZp9VZ0l2cmYiJ05WZkVHdzZkMl42Yu02bj5SZy9GdzRnZvN3byNWat5yd3dnRyUiR';

RuleTester.run(rule, {
  valid: [
    A('https://www.microsoftstore.com.cn/'),
    '<a href="https://www.oschina.net/news/1">news</a>',
    '<a href="https://a.com/x?from=home&id=1">from=home is not tracking</a>',
    '<a href="https://t.cn/">the shortener itself</a>',
    '<a href="mailto:a@b.c?subject=utm_source">mail</a>',
    '<a href="#utm_source=x">fragment</a>',
    { code: '<img src="https://a.com/x.jpg?utm_source=feed">', name: 'an image is not a link' },
    { code: '![x](https://t.cn/A6abc)', name: 'a Markdown image is not a link' },
    { code: '<img srcset="https://a.com/x.jpg?spm=1 2x">', name: 'srcset is not a link' },
    { code: '\n---\nlink: https://t.cn/A6abc\n---\n', options: { frontMatter: false }, name: 'front matter off' },
    { code: '<a href="https://a.com/?utm_source=x">x</a>', options: { params: ['spm'] }, name: 'custom params replace the list' },
    { code: '```html\n<a href="https://t.cn/A6abc">x</a>\n```\n', name: 'fenced code is literal' },
    { code: 'See `[x](https://a.com/?utm_source=x)`.\n', name: 'inline code is literal' },
    { code: '<pre><a href="https://link.zhihu.com/?target=https%3A//a.com">x</a></pre>', name: 'inside pre' },
    { code: '<code>https://a.com/?utm_source=x</code> <script>location = "https://bit.ly/x"</script>', name: 'code and script' },
  ],
  invalid: [
    {
      name: 'duomai with t=: unwrapped (cnBeta DogWalk post)',
      code: A('https://c.duomai.com/track.php?site_id=242986&euid=&t=https://www.microsoftstore.com.cn/'),
      errors: [{ messageId: 'redirect', line: 1, column: 29, endColumn: 117 }],
      output: A('https://www.microsoftstore.com.cn/'),
    },
    {
      name: 'pvxt with u=: unwrapped, decoded once',
      code: A('https://apple.pvxt.net/c/1251234/435400/7639?u=https%3A%2F%2Fwww.apple.com%2Fcn%2Fiphone%2F', 'iPhone'),
      errors: [{ message: 'Link goes through redirector "apple.pvxt.net"; the fix links to "https://www.apple.com/cn/iphone/" directly' }],
      output: A('https://www.apple.com/cn/iphone/', 'iPhone'),
    },
    {
      name: 'pvxt without u= and duomai with k= hide their target: reported, not fixed (cnBeta (RED) post)',
      code: A('https://microsoft.pvxt.net/Xx07X', '配件') + A(DUOMAI_K, '教育'),
      errors: [
        { message: 'Link goes through "microsoft.pvxt.net", which hides its target; replace it with the real address', line: 1, column: 29 },
        { messageId: 'opaque', line: 1, column: 125 },
      ],
      output: null,
    },
    {
      name: 'oschina GoToLink (开源中国 post)',
      code: '<p>更多详情可查看：<a href="https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fimpala.apache.org%2Fdocs%2Fchangelog-4.0.html" target="_blank">https://impala.apache.org/docs/changelog-4.0.html</a></p>',
      errors: [{ messageId: 'redirect', line: 1, column: 21 }],
      output: '<p>更多详情可查看：<a href="https://impala.apache.org/docs/changelog-4.0.html" target="_blank">https://impala.apache.org/docs/changelog-4.0.html</a></p>',
    },
    {
      name: 'zhihu redirect in a Markdown link; the target keeps its own query, loses its utm',
      code: '[gh](https://link.zhihu.com/?target=https%3A//github.com/a/b%3Ftab%3Dreadme%26utm_source%3Dzhihu) end\n',
      errors: [{ messageId: 'redirect', line: 1, column: 6 }],
      output: '[gh](https://github.com/a/b?tab=readme) end\n',
    },
    {
      name: 'shorteners: report only',
      code: '<a href="http://t.cn/A6abcdE">a</a> [b](https://bit.ly/3xYz) <a href="https://url.cn/5abc">c</a>',
      errors: [
        { messageId: 'opaque', column: 10 },
        { messageId: 'opaque', column: 41 },
        { messageId: 'opaque', column: 71 },
      ],
      output: null,
    },
    {
      name: 'tracking params go; every other param stays byte-exact and in order, &amp; kept',
      code: '<a href="https://a.com/p?id=7&amp;utm_source=rss&amp;Q=%E4%B8%AD+x&amp;spm=a2c4g.11186623&amp;utm_medium=feed#sec">x</a>',
      errors: [{ message: 'Link carries tracking parameters "utm_source, spm, utm_medium"; the fix removes them', line: 1, column: 10 }],
      output: '<a href="https://a.com/p?id=7&amp;Q=%E4%B8%AD+x#sec">x</a>',
    },
    {
      name: 'the whole query goes when all of it is tracking; WeChat share params',
      code: '[a](https://mp.weixin.qq.com/s/abc?from=timeline&isappinstalled=0) <a href=\'https://b.com/?fbclid=IwAR0\'>b</a>',
      errors: [{ messageId: 'params', column: 5 }, { messageId: 'params', column: 77 }],
      output: "[a](https://mp.weixin.qq.com/s/abc) <a href='https://b.com/'>b</a>",
    },
    {
      name: 'front matter: a redirector, a shortener, tracking params',
      code: "\n---\ntitle: t\nlink: 'https://link.zhihu.com/?target=https%3A%2F%2Fa.com%2Fx'\nsource: https://t.cn/A6abc\nheadimg: https://a.com/x.jpg?utm_source=feed\n---\n\n<p>x</p>\n",
      errors: [
        { messageId: 'redirect', line: 4, column: 7 },
        { messageId: 'opaque', line: 5, column: 9 },
        { messageId: 'params', line: 6, column: 10 },
      ],
      output: "\n---\ntitle: t\nlink: 'https://a.com/x'\nsource: https://t.cn/A6abc\nheadimg: https://a.com/x.jpg\n---\n\n<p>x</p>\n",
    },
    {
      name: 'the wrapped value is not an http(s) URL: reported, not fixed',
      code: '<a href="https://link.zhihu.com/?target=javascript%3Aalert(1)">x</a>',
      errors: [{ message: 'Link goes through redirector "link.zhihu.com", which wraps "javascript:alert(1)": not a valid http(s) URL, so not fixed' }],
      output: null,
    },
    {
      name: 'user trackers and params',
      code: '<a href="https://go.example.com/out?to=https%3A%2F%2Fa.com%2F">a</a> <a href="https://s.example/abc">b</a> <a href="https://a.com/?ref=feed&amp;k=1">c</a>',
      options: {
        trackers: [
          { host: 'go.example.com', type: 'query', path: '/out', param: 'to' },
          { host: 's.example', type: 'opaque' },
        ],
        params: ['ref'],
      },
      errors: [{ messageId: 'redirect' }, { messageId: 'opaque' }, { messageId: 'params' }],
      output: '<a href="https://a.com/">a</a> <a href="https://s.example/abc">b</a> <a href="https://a.com/?k=1">c</a>',
    },
  ],
});

describe('no-tracking-link with no-proxied-url', () => {
  it('a proxied link with tracking parameters ends clean, whichever fix goes first', () => {
    const rules = [RuleTester.configure(rule, {}), RuleTester.configure(noProxiedUrl, {})];
    const code = '<a href="https://cors.zfour.workers.dev/?https://a.com/p?x=1&amp;utm_source=y">a</a> <a href="https://x.example/?https://link.zhihu.com/?target=https%3A%2F%2Fb.com%2F%3Fspm%3D1">b</a>';
    const { output } = fixText(code, { rules });
    expect(output).toBe('<a href="https://a.com/p?x=1">a</a> <a href="https://b.com/">b</a>');
    expect(lintText(output, { rules })).toEqual([]);
    expect(fixText(output, { rules }).output).toBe(output);
  });
});

describe('no-tracking-link options', () => {
  it.each([
    { trackers: [{ host: 'a.com', type: 'redirect' }] },
    { trackers: [{ type: 'query' }] },
    { params: ['a&b'] },
    { params: 'utm_*' },
    { frontMatter: 'yes' },
  ])('rejects %j', (options) => {
    expect(() => RuleTester.configure(rule, options)).toThrow(/invalid options/);
  });
});

const real = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
const configured = [RuleTester.configure(rule, {})];

describe('no-tracking-link on the real corpus', () => {
  it.each([
    ['新媒体/cnBeta/最新/"DogWalk"_另一个像Follina一样被微软忽视的MSDT漏洞获得非官方补丁.md', ['redirect'], 0],
    ['新媒体/cnBeta/最新/%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md', ['redirect', 'redirect'], 0],
    ['新媒体/cnBeta/最新/(RED)发视频庆祝与苹果合作15周年.md', ['opaque', 'opaque'], 2],
    ['编程/开源中国/资讯/Apache Impala 40 发布，大规模并行处理 SQL 查询引擎.md', ['redirect'], 0],
  ])('%s', (rel, kinds, left) => {
    const filePath = path.join(real, rel);
    const text = readFileSync(filePath, 'utf8');
    const messages = lintText(text, { filePath, rules: configured });
    const id = (message: string) => (message.includes('hides its target') ? 'opaque' : message.includes('links to') ? 'redirect' : 'other');
    expect(messages.map((m) => id(m.message))).toEqual(kinds);
    const { output } = fixText(text, { filePath, rules: configured });
    const after = lintText(output, { filePath, rules: configured });
    expect(after).toHaveLength(left);
    expect(after.filter((m) => m.fix)).toEqual([]);
    expect(output.length).toBeLessThanOrEqual(text.length);
  });

  it('the one ?url= wrapper of the corpus (oschina GoToLink) belongs to this rule alone, not to no-proxied-url', () => {
    const both = [...configured, RuleTester.configure(noProxiedUrl, {})];
    const filePath = path.join(real, '编程/开源中国/资讯/Apache Impala 40 发布，大规模并行处理 SQL 查询引擎.md');
    const messages = lintText(readFileSync(filePath, 'utf8'), { filePath, rules: both });
    expect(messages.map((m) => m.ruleId)).toEqual(['no-tracking-link']);
  });
});

describe('no-tracking-link on hostile input', () => {
  it('stays linear on megabyte lines of spaces, quotes, % and ?http://', () => {
    const { ms, problems } = timeRuleCheck(rule, HOSTILE_URL_TEXT);
    expect(ms).toBeLessThan(1500);
    expect(problems).toBeGreaterThan(0);
  });
});
