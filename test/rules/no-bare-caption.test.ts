import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzSeed } from '../helpers/seed.js';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/no-bare-caption.js';
import imageAlt from '../../rules/image-alt.js';

const WRAP = '<div class="img_box" id="id_imagebox_1" onclick><div class="content_img_div perview_img_div"><img class="lazy opacity_0 " id="img_1" src="https://example.com/a.jpg" referrerpolicy="no-referrer"></div></div>';

RuleTester.run(rule, {
  valid: [
    { code: `<figure>${WRAP}△ 标题。（图 / 视觉中国）<p></p></figure>`, name: 'already inside a figure' },
    { code: `<figure>${WRAP}<figcaption>△ 标题。</figcaption></figure><p></p>`, name: 'already a figcaption' },
    { code: `${WRAP}5 年前的 G20 杭州峰会期间，习近平主席说，二十国集团不仅属于二十个成员，也属于全世界。<p></p>`, name: 'body text (several clauses) after the wrapper' },
    { code: `${WRAP}公告的帖子说，<p></p>`, name: 'text that continues into the next paragraph' },
    { code: `${WRAP}监制丨申勇<p></p><p>主笔丨龚雪辉</p>`, name: 'a credit line after the last image' },
    { code: `${WRAP}大银线蝠生活在<strong>美洲新热带区</strong>，也就是南美洲。<p></p>`, name: 'unmarked text with inline markup is prose' },
    { code: `${WRAP}<div class="zaker_div"><div class="zk_decsimg"><p>大银线蝠幼崽。</p></div></div>`, name: 'a caption element is not bare' },
    { code: '<p>Look <img src="a.png" alt="x"> here</p>', name: 'an image inside a sentence' },
    { code: '<p><img src="a.png" alt="x">短文字</p>', name: 'unmarked text after a bare img is not a caption' },
    { code: '```html\n<div><img src="a.png"></div>△ 标题\n```\n', name: 'fenced code is literal' },
    { code: '<pre><div><img src="a.png"></div>△ 标题</pre>', name: 'inside pre' },
    { code: `${WRAP}<p>△ 标题。</p>`, name: 'a marker caption inside a paragraph is styled text, not bare' },
  ],
  invalid: [
    {
      name: 'ZAKER: △ caption after the image wrapper (the brief example)',
      code: `${WRAP}△ 标题。（图 / 视觉中国）<p></p>`,
      errors: [{ messageId: 'bare', line: 1, column: 207, endColumn: 222 }],
      output: `<figure>${WRAP}<figcaption>△ 标题。（图 / 视觉中国）</figcaption></figure><p></p>`,
    },
    {
      name: '▲ marker, leading and trailing whitespace stay outside the figcaption, inline markup inside',
      code: `<div>\n<p><img src="a.png"></p>\n  ▲ <b>罗马</b> 会场 &amp; 旗阵\n<h2>下一节</h2></div>`,
      errors: [{ messageId: 'bare', line: 3, column: 3 }],
      output: `<div>\n<figure><p><img src="a.png"></p>\n  <figcaption>▲ <b>罗马</b> 会场 &amp; 旗阵</figcaption></figure>\n<h2>下一节</h2></div>`,
    },
    {
      name: 'a short unmarked caption that ends at a block (ZAKER 1+1=1)',
      code: `${WRAP}Not a triangle.<p></p><p>非三角形</p>`,
      errors: [{ messageId: 'bare', line: 1, column: 207 }],
      output: `<figure>${WRAP}<figcaption>Not a triangle.</figcaption></figure><p></p><p>非三角形</p>`,
    },
    {
      name: 'an unclosed inline element ends the caption run; a <br> ends it too',
      code: '<div><div><img src="a.png"></div>△ 会场 <b>罗马<p>正文</p></div>\n<div><div><img src="b.png"></div>▲ 旗阵<br>正文</div>',
      errors: [{ messageId: 'bare', line: 1, column: 34, endColumn: 38 }, { messageId: 'bare', line: 2, column: 34 }],
      output: '<div><figure><div><img src="a.png"></div><figcaption>△ 会场</figcaption></figure> <b>罗马<p>正文</p></div>\n<div><figure><div><img src="b.png"></div><figcaption>▲ 旗阵</figcaption></figure><br>正文</div>',
    },
    {
      name: 'a marker caption after a bare <img> in an HTML block',
      code: '<div><img src="a.png">△ 会场</div>',
      errors: [{ messageId: 'bare' }],
      output: '<div><figure><img src="a.png"><figcaption>△ 会场</figcaption></figure></div>',
    },
    {
      name: 'inside a <p> a figure cannot stand: reported, not fixed',
      code: '<p><span><img src="a.png"></span>△ 会场（图 / 视觉中国）</p>',
      errors: [{ messageId: 'bareNoFix', line: 1, column: 34 }],
      output: null,
    },
    {
      name: 'two images, two captions, CRLF and front matter',
      code: `\r\n---\r\ntitle: t\r\n---\r\n\r\n<div>${WRAP}△ 一。<p></p>\r\n${WRAP}△ 二。\r\n</div>\r\n`,
      errors: [{ messageId: 'bare', line: 6 }, { messageId: 'bare', line: 7, column: 207 }],
      output: `\r\n---\r\ntitle: t\r\n---\r\n\r\n<div><figure>${WRAP}<figcaption>△ 一。</figcaption></figure><p></p>\r\n<figure>${WRAP}<figcaption>△ 二。</figcaption></figure>\r\n</div>\r\n`,
    },
  ],
});

const real = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
function runReal(rel: string, rules: ReturnType<typeof RuleTester.configure>[]) {
  const filePath = path.join(real, rel);
  const text = readFileSync(filePath, 'utf8');
  return { text, messages: lintText(text, { filePath, rules }), fixed: fixText(text, { filePath, rules }) };
}

describe('no-bare-caption on the real corpus', () => {
  const configured = [RuleTester.configure(rule)];
  it('ZAKER G20: the 12 △ captions, all wrapped; body text and the 监制 credit left alone', () => {
    const { text, messages, fixed } = runReal('新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md', configured);
    expect(messages.length).toBe(12);
    expect(messages.every((m) => m.fix && /^Caption "△/.test(m.message))).toBe(true);
    expect(fixed.messages).toEqual([]);
    expect(fixed.output.split('<figcaption>△').length - 1).toBe(12);
    // Only insertions: removing them gives back the original byte for byte.
    expect(fixed.output.replace(/<\/?figure>|<\/?figcaption>/g, '')).toBe(text);
  });
  it('ZAKER 1+1=1: four short unmarked captions', () => {
    const { messages, fixed } = runReal('新媒体/ZAKER/channel/1+1=1…吧？.md', configured);
    expect(messages.map((m) => m.message.replace(/ is bare.*/, ''))).toEqual([
      'Caption "你凭什么认为 1+1=2 ？"',
      'Caption "1 + 1 = 1?"',
      'Caption "Not a triangle."',
      'Caption "Perfect shapes enjoying life in the World of Forms"',
    ]);
    expect(fixed.messages).toEqual([]);
  });
  it('reports 17 captions over all 27 posts, none after fixing', () => {
    let before = 0;
    let after = 0;
    for (const rel of [
      '新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md',
      '新媒体/ZAKER/channel/1+1=1…吧？.md',
      "新媒体/ZAKER/channel/+_&~_%！'^…….md",
      '新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md',
      '新媒体/ZAKER/channel/微软封杀漏洞后，网友又挖出了 Win11 家庭版新的离线激活方法.md',
    ]) {
      const { messages, fixed } = runReal(rel, configured);
      before += messages.length;
      after += fixed.messages.length;
    }
    expect([before, after]).toEqual([17, 0]);
  });
  it('with image-alt: the figure is made and the image takes its figcaption as alt', () => {
    const both = [RuleTester.configure(rule), RuleTester.configure(imageAlt)];
    const code = `<div>${WRAP}△ G20 领导人第 16 次峰会主会场——新罗马会议中心。（图 /G20 官网）<p></p></div>`;
    const { output, messages } = fixText(code, { rules: both });
    expect(output).toBe(
      `<div><figure>${WRAP.replace('<img class', '<img alt="G20 领导人第 16 次峰会主会场——新罗马会议中心。" class')}` +
        '<figcaption>△ G20 领导人第 16 次峰会主会场——新罗马会议中心。（图 /G20 官网）</figcaption></figure><p></p></div>',
    );
    expect(messages).toEqual([]);
  });
});

describe('no-bare-caption properties', () => {
  const pieces = fc.constantFrom(
    WRAP,
    '<div><img src="b.png"></div>',
    '<p><img src="c.png" alt="x"></p>',
    '<img src="d.png">',
    '△ 标题。（图 / 视觉中国）',
    '▲ <b>罗马</b> 会场',
    'Not a triangle.',
    '正文，很长的一句话。',
    '<p></p>',
    '<p>段落</p>',
    '<b>粗</b>',
    '<br>',
    '\n',
    ' ',
    '&amp;',
    '<!-- c -->',
    '<span>',
    '<div>',
    '</div>',
    '<pre>△ x</pre>',
  );
  const body = fc.array(pieces, { maxLength: 14 }).map((a) => a.join(''));
  const alone = [RuleTester.configure(rule)];
  const both = [RuleTester.configure(rule), RuleTester.configure(imageAlt)];

  it('the fix only inserts <figure>/<figcaption> tags, and fixing again changes nothing', () => {
    fc.assert(
      fc.property(body, (code) => {
        const once = fixText(code, { filePath: 'a.html', rules: alone });
        expect(once.output.replace(/<\/?fig(?:ure|caption)>/g, '')).toBe(code);
        expect(once.messages.filter((m) => m.fix)).toEqual([]);
        expect(fixText(once.output, { filePath: 'a.html', rules: alone }).output).toBe(once.output);
      }),
      { numRuns: 300, seed: fuzzSeed('no-bare-caption alone') },
    );
  });

  it('with image-alt: fixing converges in one run and leaves nothing fixable', () => {
    fc.assert(
      fc.property(body, (code) => {
        const once = fixText(code, { filePath: 'a.md', rules: both });
        expect(once.messages.filter((m) => m.fix)).toEqual([]);
        expect(fixText(once.output, { filePath: 'a.md', rules: both }).output).toBe(once.output);
      }),
      { numRuns: 300, seed: fuzzSeed('no-bare-caption with image-alt') },
    );
  });
});
