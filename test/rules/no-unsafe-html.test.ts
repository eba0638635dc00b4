import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule, { scriptScheme } from '../../rules/no-unsafe-html.js';
import { describeStableFixes } from '../helpers/stable-fix.js';

RuleTester.run(rule, {
  valid: [
    '<a href="https://example.com/">x</a>',
    '<a href="/javascript:x">relative path</a>',
    '<a href="https://example.com/?u=javascript:x">query</a>',
    '<div class="img_box" data-onclick="x">ok</div>',
    '<div on="x">the attribute "on" alone is no handler</div>',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    '<script type="text/template"><div></div></script>',
    '<script type="text/x-template">x</script>',
    '<script type="text/html">x</script>',
    '<script type="application/json; charset=utf-8">{}</script>',
    '<iframe src="https://player.example.com/v/1"></iframe>',
    '<iframe src="/local/player.html"></iframe>',
    '<p>Type javascript:alert(1) in the address bar</p>',
    { code: '```html\n<div onclick="x"><script>alert(1)</script></div>\n```\n', name: 'fenced code is literal' },
    { code: 'Use `<a href="javascript:x">` never.\n', name: 'inline code is literal' },
    { code: '<pre><a href="javascript:x" onclick="y">a</a></pre>\n', name: 'inside pre' },
    { code: '<code><iframe></iframe></code>\n', name: 'inside code' },
    { code: '<textarea><script>x</script></textarea>\n', name: 'inside textarea' },
  ],
  invalid: [
    {
      name: 'ZAKER bare onclick',
      code: '<p></p><div class="img_box" id="id_imagebox_1" onclick><div class="content_img_div">x</div></div>',
      errors: [{ messageId: 'handler', line: 1, column: 48, endColumn: 55 }],
      output: '<p></p><div class="img_box" id="id_imagebox_1"><div class="content_img_div">x</div></div>',
    },
    {
      code: '<img src="a.png" onerror="alert(1)" alt="a">\n<video ONLOAD=\'x()\'>t</video>',
      errors: [{ messageId: 'handler', line: 1, column: 18 }, { messageId: 'handler', line: 2, column: 8 }],
      output: '<img src="a.png" alt="a">\n<video>t</video>',
    },
    {
      name: 'handler glued to the next attribute keeps the separating space',
      code: '<a onclick="x()"href="https://e.com/">t</a>',
      errors: [{ messageId: 'handler', line: 1, column: 4 }],
      output: '<a href="https://e.com/">t</a>',
    },
    {
      name: 'handler right after the tag name, with line breaks',
      code: '<div\n  onmouseover="x"\n  class="c">t</div>',
      errors: [{ messageId: 'handler', line: 2, column: 3 }],
      output: '<div\n  class="c">t</div>',
    },
    {
      code: 'a\n<script>alert(1)</script>\nb <script src="https://evil.example/x.js"></script> c\n',
      errors: [{ messageId: 'script', line: 2, column: 1 }, { messageId: 'script', line: 3, column: 3 }],
      output: 'a\nb  c\n',
    },
    {
      code: '<SCRIPT type="text/javascript">x()</SCRIPT><script type="module">y()</script><script type="">z</script>',
      errors: 3,
      output: '',
    },
    {
      name: 'javascript: link keeps its text',
      code: '<a href="javascript:void(0)" class="more">阅读全文</a>',
      errors: [{ messageId: 'scriptUrl', line: 1, column: 4, endColumn: 29 }],
      output: '<a class="more">阅读全文</a>',
    },
    {
      name: 'entity-encoded, control characters and case as browsers read them',
      code: '<a href="jav&#x09;ascript:alert(1)">a</a><a href=" \x01JaVaScRiPt:x">b</a><a href="java\nscript:x">c</a><form action="vbscript:x"></form>',
      errors: [
        { messageId: 'scriptUrl', column: 4 },
        { messageId: 'scriptUrl', column: 45 },
        { messageId: 'scriptUrl', line: 1, column: 75 },
        { messageId: 'scriptUrl', line: 2 },
      ],
      output: '<a>a</a><a>b</a><a>c</a><form></form>',
    },
    {
      name: 'xlink:href in SVG, formaction, object data',
      code: '<svg><a xlink:href="javascript:x"><text>t</text></a></svg><button formaction="javascript:y">b</button><object data="javascript:z"></object>',
      errors: [
        { message: 'javascript: URL in xlink:href runs script; fix removes the attribute' },
        { messageId: 'scriptUrl' },
        { messageId: 'scriptUrl' },
      ],
      output: '<svg><a><text>t</text></a></svg><button>b</button><object></object>',
    },
    {
      name: 'cnBeta (RED) protocol-relative iframe',
      code: '<p><iframe src="//tv.sohu.com/s/sohuplayer/iplay.html?bid=316352176&autoplay=false" width="640" height="480" frameborder="0"></iframe></p>',
      errors: [{ messageId: 'protocolRelative', line: 1, column: 12 }],
      output: '<p><iframe src="https://tv.sohu.com/s/sohuplayer/iplay.html?bid=316352176&autoplay=false" width="640" height="480" frameborder="0"></iframe></p>',
    },
    {
      code: '<iframe src= \\\\player.example.com/v></iframe><iframe src="&#47;/x.example/v"></iframe>',
      errors: [{ messageId: 'protocolRelative' }, { messageId: 'protocolRelativeEncoded' }],
      output: '<iframe src= https://player.example.com/v></iframe><iframe src="&#47;/x.example/v"></iframe>',
    },
    {
      code: 'x\n<iframe width="640"></iframe>\n<iframe src=""> </iframe>\ny',
      errors: [{ messageId: 'iframeNoSrc', line: 2 }, { messageId: 'iframeNoSrc', line: 3 }],
      output: 'x\ny',
    },
    {
      name: 'iframe without src but with fallback content or srcdoc: report only',
      code: '<iframe>Your browser cannot show this video.</iframe><iframe srcdoc="<p>hi</p>"></iframe>',
      errors: [{ messageId: 'iframeNoSrcContent', column: 1 }, { messageId: 'iframeNoSrcContent', column: 54 }],
      output: null,
    },
    {
      code: '<iframe src="javascript:alert(1)"></iframe>\n<iframe src="javascript:x">fallback</iframe>',
      errors: [{ messageId: 'iframeScriptUrl', line: 1, column: 9 }, { messageId: 'iframeScriptUrlContent', line: 2 }],
      output: '<iframe src="javascript:x">fallback</iframe>',
    },
    {
      name: 'iframe with a handler: both reported',
      code: '<iframe src="//v.example/1" onload="x()"></iframe>',
      errors: [{ messageId: 'protocolRelative', column: 9 }, { messageId: 'handler', column: 29 }],
      output: '<iframe src="https://v.example/1"></iframe>',
    },
    {
      name: 'a script or iframe left open at the end goes with everything after it',
      code: 'a\n<script>alert(1)\n',
      errors: [{ messageId: 'script', line: 2, column: 1, endLine: 3, endColumn: 1 }],
      output: 'a\n',
    },
    { code: '<iframe>', errors: [{ messageId: 'iframeNoSrc' }], output: '' },
    {
      name: 'a misnested formatting element parse5 clones is reported once',
      code: '<b><code onclick="x()">a</b>b</code>',
      errors: [{ messageId: 'handler', column: 10 }],
      output: '<b><code>a</b>b</code>',
    },
    {
      name: 'duplicate handlers: one per pass, all gone',
      code: '<div onclick="a()" onclick="b()">x</div>',
      errors: 1,
      output: '<div>x</div>',
    },
    {
      name: 'SVG script and handlers',
      code: '<svg onload="x()"><script>alert(1)</script><circle r="1"></circle></svg>',
      errors: [{ messageId: 'handler', column: 6 }, { messageId: 'script', column: 19 }],
      output: '<svg><circle r="1"></circle></svg>',
    },
    {
      code: '---\ntitle: t\n---\r\n\r\n<div onclick="go()">x</div>\r\n',
      errors: [{ messageId: 'handler', line: 5, column: 6 }],
      output: '---\ntitle: t\n---\r\n\r\n<div>x</div>\r\n',
    },
  ],
});

describe('scriptScheme', () => {
  it('reads URLs as the URL parser does', () => {
    expect(scriptScheme('javascript:x')).toBe('javascript');
    expect(scriptScheme('\u0000\u001f JAVASCRIPT:x')).toBe('javascript');
    expect(scriptScheme('j\ta\nv\ra\tscript:x')).toBe('javascript');
    expect(scriptScheme('VBScript:x')).toBe('vbscript');
    expect(scriptScheme('https://x/javascript:')).toBeNull();
    expect(scriptScheme('javascript')).toBeNull();
    expect(scriptScheme('java script:x')).toBeNull();
  });
  it('is fast on huge values', () => {
    const t = Date.now();
    scriptScheme(' '.repeat(1_000_000) + 'x');
    scriptScheme('\t'.repeat(1_000_000));
    expect(Date.now() - t).toBeLessThan(500);
  });
});

describe('no-unsafe-html on the real posts', () => {
  const root = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const configured = [RuleTester.configure(rule)];
  const cases: [string, number, string][] = [
    ['新媒体/ZAKER/channel/+_&~_%！\'^…….md', 7, 'handler'],
    ['新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md', 2, 'handler'],
    ['新媒体/ZAKER/channel/1+1=1…吧？.md', 6, 'handler'],
    ['新媒体/ZAKER/channel/微软封杀漏洞后，网友又挖出了 Win11 家庭版新的离线激活方法.md', 1, 'handler'],
    ['新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md', 14, 'handler'],
    ['新媒体/cnBeta/最新/(RED)发视频庆祝与苹果合作15周年.md', 1, 'protocolRelative'],
  ];
  for (const [file, count, id] of cases) {
    it(file, () => {
      const filePath = path.join(root, file);
      const text = readFileSync(filePath, 'utf8');
      const messages = lintText(text, { filePath, rules: configured });
      expect(messages.length).toBe(count);
      const template = new RegExp(`^${rule.meta.messages![id].split(/\{\{\w+\}\}/)[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
      for (const m of messages) expect(m.message).toMatch(template);
      const fixed = fixText(text, { filePath, rules: configured });
      expect(lintText(fixed.output, { filePath, rules: configured }).filter((m) => m.fix)).toEqual([]);
      expect(fixed.output.length).toBeLessThan(text.length + 8);
      if (id === 'handler') expect(fixed.output).toBe(text.replaceAll(' onclick>', '>'));
    });
  }
});

describeStableFixes(rule);
