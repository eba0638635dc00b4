import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/no-empty-element.js';
import { describeStableFixes } from '../helpers/stable-fix.js';

RuleTester.run(rule, {
  valid: [
    '<div>text</div>',
    '<div><img src="a.png" alt="a"></div>',
    '<span><!-- kept --></span>',
    '<p></p>',
    '<div><p></p></div>',
    '<img src="a.png" alt="a"><br><hr><input><wbr>',
    '<iframe src="https://example.com/v"></iframe><video src="v.mp4"></video><audio></audio><canvas></canvas><object></object>',
    '<svg><g></g><path d="M0 0"></path></svg>',
    '<table><tr><td></td><th></th></tr></table>',
    '<ul><li></li></ul>',
    '<textarea></textarea><select><option></option></select><button></button>',
    '<a name="top"></a><a id="sec-2"></a>',
    '<div style="height: 20px"></div><div style="color:red;background:url(x.png)"></div><span style="width:1em"></span>',
    '<div style="border-top:1px solid #ccc"></div>',
    { code: 'a<span><br></span>b', name: 'a <br> inside an inline element is a line break' },
    { code: '```\n<div></div>\n```\n', name: 'fenced code is literal' },
    { code: 'Use `<span></span>` here.\n', name: 'inline code is literal' },
    { code: '<pre><div></div></pre>\n', name: 'inside pre' },
    { code: '<div><span>', name: 'no end tags: not removed (a lone start tag can restyle what follows)' },
    { code: '<b><i></b></i>x', name: 'misnested: parse5 clones <i>; its range spans </b>, never removed' },
    { code: '<p><b><i></b></i></p>', name: 'misnested, no text after' },
  ],
  invalid: [
    {
      name: 'ZAKER wrappers, alone on their lines',
      code: '<p>正文。</p>\n<div id="recommend_bottom"></div>\n<div id="article_bottom"></div>\n<p>完</p>',
      errors: [
        { messageId: 'empty', line: 2, column: 1, endLine: 2, endColumn: 34 },
        { messageId: 'empty', line: 3, column: 1 },
      ],
      output: '<p>正文。</p>\n<p>完</p>',
    },
    {
      name: 'ZAKER edi_oper inside the image wrapper',
      code: '<div class="zaker_div"><div class="zk_decsimg"><p>图片来源：X</p></div><div class="edi_oper"></div></div><p></p>',
      errors: [{ messageId: 'empty', line: 1, column: 67 }],
      output: '<div class="zaker_div"><div class="zk_decsimg"><p>图片来源：X</p></div></div><p></p>',
    },
    {
      name: 'one pass removes the whole nest: only the outermost is reported',
      code: 'x\n<div><span></span> <strong>&nbsp;</strong><br><section><b>\u200b</b></section></div>\ny',
      errors: [{ messageId: 'empty', line: 2, column: 1 }],
      output: 'x\ny',
    },
    {
      code: '<strong></strong><span></span><em> </em>',
      errors: [{ column: 1 }, { column: 18 }, { column: 31 }],
      output: '',
    },
    {
      name: 'an inline element holding a space between words keeps the space',
      code: '<p>foo<span> </span>bar and 中文<b>&nbsp;</b>中文 but <i>\u200b</i>joined</p>',
      errors: [
        { messageId: 'emptySpace', column: 7 },
        { messageId: 'emptySpace', column: 31 },
        { messageId: 'empty', column: 51 },
      ],
      output: '<p>foo bar and 中文 中文 but joined</p>',
    },
    {
      name: 'an inline element next to a space goes entirely',
      code: '<p>foo <span> </span>bar</p>',
      errors: [{ messageId: 'empty', column: 8 }],
      output: '<p>foo bar</p>',
    },
    {
      name: 'a block between two runs of text breaks the line: report only',
      code: '<div>first line<div></div>second line</div>',
      errors: [{ messageId: 'emptyBreak', column: 16 }],
      output: null,
    },
    {
      name: 'in an HTML file, top-level text is running text too',
      code: 'first line<section> </section>second line',
      filePath: 'post.html',
      errors: [{ messageId: 'emptyBreak', column: 11 }],
      output: null,
    },
    {
      name: 'ZAKER video placeholder: its data-* holds the video, report only',
      code: '<div class="zaker_div"><div id="zkvideo1" class="zk_upvideo" data-zkinfo="%7B%22videoUrl%22%3A%22http%3A%2F%2Fx.mp4%22%7D"></div><div class="edi_oper"></div></div>',
      errors: [{ messageId: 'emptyData', column: 24 }, { messageId: 'empty', column: 130 }],
      output: '<div class="zaker_div"><div id="zkvideo1" class="zk_upvideo" data-zkinfo="%7B%22videoUrl%22%3A%22http%3A%2F%2Fx.mp4%22%7D"></div></div>',
    },
    {
      name: 'class and style without size do not keep an element, nor does an id on a div',
      code: '<span class="icon"></span><div style="color:red;line-height:2" id="x"></div><a href="https://e.com/"></a>',
      errors: 3,
      output: '',
    },
    {
      code: '---\ntitle: t\n---\r\n\r\n<DIV CLASS="edi_oper">\r\n</DIV>\r\n<p>keep</p>\r\n',
      errors: [{ line: 5, column: 1, endLine: 6, endColumn: 7 }],
      output: '---\ntitle: t\n---\r\n\r\n<p>keep</p>\r\n',
    },
  ],
});

describe('no-empty-element at scale', () => {
  const configured = [RuleTester.configure(rule)];
  it('handles 100,000 nested empty spans in one report', () => {
    // Parsing this takes seconds (parse5); the rule's own walk is linear. One lint, the fix applied by hand.
    const n = 100_000;
    const text = `a\n${'<span>'.repeat(n)}${'</span>'.repeat(n)}\nb`;
    const messages = lintText(text, { rules: configured });
    expect(messages.length).toBe(1);
    expect(messages[0].column).toBe(1);
    const { range, text: replacement } = messages[0].fix!;
    expect(text.slice(0, range[0]) + replacement + text.slice(range[1])).toBe('a\nb');
  }, 120_000);
  it('handles 100,000 empty siblings linearly', () => {
    const text = `<div>${'x<div></div>'.repeat(100_000)}</div>`;
    const t = Date.now();
    const messages = lintText(text, { rules: configured });
    expect(messages.length).toBe(100_000);
    expect(Date.now() - t).toBeLessThan(30_000);
  }, 60_000);
});

describe('no-empty-element on the real posts', () => {
  const root = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const configured = [RuleTester.configure(rule)];
  const cases: [string, number, number][] = [
    // file, problems, of which report-only
    ['新媒体/ZAKER/channel/+_&~_%！\'^…….md', 7, 1],
    ['新媒体/ZAKER/channel/1+1=1…吧？.md', 2, 0],
    ['新媒体/ZAKER/channel/微软封杀漏洞后，网友又挖出了 Win11 家庭版新的离线激活方法.md', 2, 0],
    ['新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md', 2, 0],
    ['编程/ACM/图灵奖获得者/2021.md', 1, 0],
    ['新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md', 0, 0],
  ];
  for (const [file, count, reportOnly] of cases) {
    it(file, () => {
      const filePath = path.join(root, file);
      const text = readFileSync(filePath, 'utf8');
      const messages = lintText(text, { filePath, rules: configured });
      expect(messages.length).toBe(count);
      expect(messages.filter((m) => !m.fix).length).toBe(reportOnly);
      const fixed = fixText(text, { filePath, rules: configured });
      const after = lintText(fixed.output, { filePath, rules: configured });
      expect(after.filter((m) => m.fix)).toEqual([]);
      expect(after.length).toBe(reportOnly);
      expect(fixed.output).not.toMatch(/recommend_bottom|article_bottom|edi_oper/);
    });
  }
});

describeStableFixes(rule);
