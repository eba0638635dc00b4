import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { HOSTILE_URL_TEXT, timeRuleCheck } from '../helpers/timing.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/no-proxied-url.js';

const CORS = 'https://cors.zfour.workers.dev/?';
// the corpus's ZAKER image: raw URL in data-original, the proxied copy in src
const ZAKER_IMG = (src: string) =>
  `<div class="img_box" id="id_imagebox_0" onclick><div class="content_img_div perview_img_div"><img class="lazy opacity_0 " id="img_0" data-original="http://zkres1.myzaker.com/202111/a_1024.jpg" src="${src}" referrerpolicy="no-referrer"></div></div>`;
// the corpus's front matter: a leading blank line, quoted headimg/thumbnail
const FRONT = (url: string) => `\n---\ntitle: t\ncategories: \n - 新媒体\nheadimg: '${url}'\nthumbnail: '${url}'\n---\n\n<p>x</p>\n`;

RuleTester.run(rule, {
  valid: [
    '<img src="https://a.com/x.jpg">',
    '<a href="https://example.com/page?https://a.com">not the / path</a>',
    '<a href="https://example.com/https://a.com">unknown host</a>',
    '<img src="https://cors.zfour.workers.dev/">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<img src="/img/?http://a.com/x.jpg">',
    FRONT('https://img.ithome.com/newsuploadfiles/2022/3/a.jpg'),
    '\n---\ntitle: https://cors.zfour.workers.dev/ is a proxy\n---\n',
    { code: '```html\n<img src="https://cors.zfour.workers.dev/?http://a.com/x.jpg">\n```\n', name: 'fenced code is literal' },
    { code: 'Use `![](https://cors.zfour.workers.dev/?http://a.com/x.jpg)` here.\n', name: 'inline code is literal' },
    { code: '    ![](https://cors.zfour.workers.dev/?http://a.com/x.jpg)\n', name: 'indented code is literal' },
    { code: '<pre><img src="https://cors.zfour.workers.dev/?http://a.com/x.jpg"></pre>\n', name: 'inside pre' },
    { code: '<code><a href="https://wsrv.nl/?url=a.com/x.jpg">x</a></code>\n', name: 'inside code' },
    { code: '<textarea><img src="https://wsrv.nl/?url=a.com/x.jpg"></textarea>\n', name: 'inside textarea' },
    { code: '<script>var u = "https://cors.zfour.workers.dev/?http://a.com/x.jpg";</script>\n', name: 'inside script' },
  ],
  invalid: [
    {
      name: 'ZAKER image: src proxied, data-original already raw',
      code: ZAKER_IMG(`${CORS}http://zkres1.myzaker.com/202111/a_1024.jpg`),
      errors: [{ messageId: 'proxied', line: 1, column: 199, endColumn: 274 }],
      output: ZAKER_IMG('http://zkres1.myzaker.com/202111/a_1024.jpg'),
    },
    {
      name: 'front matter headimg and thumbnail (quoted), the scalar keeps its quotes',
      code: FRONT(`${CORS}http://lain.bgm.tv/pic/cover/l/8f/4d/318227_ad6A1.jpg`),
      errors: [
        { messageId: 'proxied', line: 6, column: 10 },
        { messageId: 'proxied', line: 7, column: 12 },
      ],
      output: FRONT('http://lain.bgm.tv/pic/cover/l/8f/4d/318227_ad6A1.jpg'),
    },
    {
      name: 'plain front-matter scalar stays plain',
      code: '---\ncover: https://wsrv.nl/?url=ssl:a.com/x.jpg\n---\n',
      errors: [{ messageId: 'proxied', line: 2, column: 8, endColumn: 44 }],
      output: '---\ncover: https://a.com/x.jpg\n---\n',
    },
    {
      name: 'the escaped & of the inner query stays escaped; the rest of the tag is untouched',
      code: `<img  SRC='${CORS}http://a.com/x.jpg?a=1&amp;b=2' alt=x>`,
      errors: [{ messageId: 'proxied', line: 1, column: 12 }],
      output: "<img  SRC='http://a.com/x.jpg?a=1&amp;b=2' alt=x>",
    },
    {
      name: 'unquoted attribute',
      code: `<img src=${CORS}http://a.com/x.jpg>`,
      errors: [{ messageId: 'proxied', line: 1, column: 10 }],
      output: '<img src=http://a.com/x.jpg>',
    },
    {
      name: 'weserv: encoded inner decoded once, its own params dropped',
      code: '<img src="https://images.weserv.nl/?url=https%3A%2F%2Fa.com%2Fx.jpg%3Fv%3D2&amp;w=300&amp;h=200">',
      errors: [{ messageId: 'proxied', line: 1, column: 11 }],
      output: '<img src="https://a.com/x.jpg?v=2">',
    },
    {
      name: 'weserv scheme-less means http',
      code: '<img src="https://wsrv.nl/?url=a.com/x.jpg&w=300">',
      errors: [{ messageId: 'proxied' }],
      output: '<img src="http://a.com/x.jpg">',
    },
    {
      name: 'Photon: ssl=1 is https, resize params dropped, others kept in order',
      code: '<img src="https://i2.wp.com/blog.example/wp-content/a.jpg?resize=640%2C360&amp;v=3&amp;ssl=1&amp;k=z">',
      errors: [{ messageId: 'proxied' }],
      output: '<img src="https://blog.example/wp-content/a.jpg?v=3&amp;k=z">',
    },
    {
      name: 'each srcset candidate, descriptors kept',
      code: `<img srcset="${CORS}http://a.com/1.jpg 1x, https://i0.wp.com/a.com/2.jpg?w=2 2x">`,
      errors: [
        { messageId: 'proxied', line: 1, column: 14 },
        { messageId: 'proxied', line: 1, column: 69 },
      ],
      output: '<img srcset="http://a.com/1.jpg 1x, http://a.com/2.jpg 2x">',
    },
    {
      name: 'Markdown image and link, and a data-src',
      code: `![a](${CORS}http://a.com/x.jpg) [b](https://cors-anywhere.herokuapp.com/https://b.com/p)\n\n<img data-src="//cors.zfour.workers.dev/?https://c.com/c.png">\n`,
      errors: [
        { messageId: 'proxied', line: 1, column: 6 },
        { messageId: 'proxied', line: 1, column: 62 },
        { messageId: 'proxied', line: 3, column: 16 },
      ],
      output: '![a](http://a.com/x.jpg) [b](https://b.com/p)\n\n<img data-src="https://c.com/c.png">\n',
    },
    {
      name: 'nested proxies unwrap in one fix',
      code: '<img src="https://p.example/?https://images.weserv.nl/?url=https%3A%2F%2Fi0.wp.com%2Fa.com%2Fx.jpg%3Fssl%3D1">',
      errors: [{ message: 'URL goes through proxy "p.example → images.weserv.nl → i0.wp.com"; the fix uses the original "https://a.com/x.jpg"' }],
      output: '<img src="https://a.com/x.jpg">',
    },
    {
      name: 'the any-host `/?http` shape',
      code: '<video poster="https://img-proxy.example.net/?https://a.com/p.jpg"></video>',
      errors: [{ messageId: 'proxied', line: 1, column: 16 }],
      output: '<video poster="https://a.com/p.jpg"></video>',
    },
    {
      name: 'wrapped value is not an http(s) URL: reported, not fixed',
      code: `<img src="${CORS}javascript:alert(1)">\n<img src="https://images.weserv.nl/?url=%E0%A4%A">\n<img src="https://i1.wp.com/">`,
      errors: [
        { message: 'URL goes through proxy "cors.zfour.workers.dev", which wraps "javascript:alert(1)": not a valid http(s) URL, so not fixed', line: 1, column: 11 },
        { messageId: 'invalid', line: 2, column: 11 },
      ],
      output: null,
    },
    {
      name: 'user patterns: query with its own param, path proxy on subdomains, prefix with a fixed path',
      code: '<img src="https://proxy.example.com/fetch?src=https%3A%2F%2Fa.com%2Fx.jpg"><img src="https://c1.img.example/a.com/y.png?v=1"><img src="https://p.example/get/http://a.com/z.gif">',
      options: {
        proxies: [
          { host: 'proxy.example.com', type: 'query', param: 'src' },
          { host: '*.img.example', type: 'path', scheme: 'https' },
          { host: 'p.example', type: 'prefix', prefix: '/get/' },
        ],
      },
      errors: 3,
      output: '<img src="https://a.com/x.jpg"><img src="https://a.com/y.png?v=1"><img src="http://a.com/z.gif">',
    },
    {
      name: 'CRLF and a BOM-less file: only the URL changes',
      code: `---\r\nheadimg: "${CORS}http://a.com/x.jpg"\r\n---\r\n\r\n<img src="${CORS}http://a.com/x.jpg">\r\n`,
      errors: [{ line: 2, column: 10 }, { line: 5, column: 11 }],
      output: '---\r\nheadimg: "http://a.com/x.jpg"\r\n---\r\n\r\n<img src="http://a.com/x.jpg">\r\n',
    },
  ],
});

describe('no-proxied-url options', () => {
  it.each([
    { proxies: [{ host: 'a.com' }] },
    { proxies: [{ host: 'a.com', type: 'opaque' }] },
    { proxies: [{ host: 'a.com/x', type: 'query' }] },
    { proxies: [{ host: 'a.com', type: 'query', parm: 'u' }] },
    { proxy: [] },
  ])('rejects %j', (options) => {
    expect(() => RuleTester.configure(rule, options)).toThrow(/invalid options/);
  });
});

const real = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
const configured = [RuleTester.configure(rule, {})];

describe('no-proxied-url on the real corpus', () => {
  it.each([
    ['新媒体/人人都是产品经理/最新文章/B端决策类产品｜任务中断回溯设计.md', 7],
    ["新媒体/ZAKER/channel/+_&~_%！'^…….md", 9],
    ['新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md', 4],
    ['新媒体/ZAKER/channel/1+1=1…吧？.md', 8],
    ['新媒体/ZAKER/channel/微软封杀漏洞后，网友又挖出了 Win11 家庭版新的离线激活方法.md', 3],
    ['新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md', 16],
    ['二次元/Bangumi/放送列表/RE-MAIN｜.md', 3],
    ['二次元/Bangumi/放送列表/CUE!｜CUE.md', 3],
    ['图片/煎蛋/首页/ChromeOS更新源码打错一个符号，笔记本变砖.md', 3],
    ['图片/煎蛋/首页/在图灵机模型里发现了一个0day漏洞.md', 3],
  ])('%s: %i proxied URLs, all unwrapped', (rel, count) => {
    const filePath = path.join(real, rel);
    const text = readFileSync(filePath, 'utf8');
    const messages = lintText(text, { filePath, rules: configured });
    expect(messages.map((m) => m.message).filter((m) => !m.includes('"cors.zfour.workers.dev"; the fix uses the original "http'))).toEqual([]);
    expect(messages).toHaveLength(count);
    const { output } = fixText(text, { filePath, rules: configured });
    expect(lintText(output, { filePath, rules: configured })).toEqual([]);
    expect(output).not.toContain('cors.zfour');
    // only the proxy prefixes went: the text is the original with each prefix removed
    expect(output).toBe(text.split('https://cors.zfour.workers.dev/?').join(''));
  });

  it('finds 59 in 10 files: 20 in front matter, 39 in the body', () => {
    let front = 0;
    let body = 0;
    const files = [
      '新媒体/人人都是产品经理/最新文章/B端决策类产品｜任务中断回溯设计.md',
      "新媒体/ZAKER/channel/+_&~_%！'^…….md",
      '新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md',
      '新媒体/ZAKER/channel/1+1=1…吧？.md',
      '新媒体/ZAKER/channel/微软封杀漏洞后，网友又挖出了 Win11 家庭版新的离线激活方法.md',
      '新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md',
      '二次元/Bangumi/放送列表/RE-MAIN｜.md',
      '二次元/Bangumi/放送列表/CUE!｜CUE.md',
      '图片/煎蛋/首页/ChromeOS更新源码打错一个符号，笔记本变砖.md',
      '图片/煎蛋/首页/在图灵机模型里发现了一个0day漏洞.md',
    ];
    for (const rel of files) {
      const filePath = path.join(real, rel);
      const text = readFileSync(filePath, 'utf8');
      const fmEnd = text.indexOf('\n---', 5);
      const fmLines = text.slice(0, fmEnd).split('\n').length;
      for (const m of lintText(text, { filePath, rules: configured })) (m.line <= fmLines ? front++ : body++);
    }
    expect([front, body]).toEqual([20, 39]);
  });
});

describe('no-proxied-url on hostile input', () => {
  it('stays linear on megabyte lines of spaces, quotes, % and ?http://', () => {
    const { ms, problems } = timeRuleCheck(rule, HOSTILE_URL_TEXT);
    expect(ms).toBeLessThan(1500);
    expect(problems).toBeGreaterThan(0);
  });
});
