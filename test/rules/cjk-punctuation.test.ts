import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/cjk-punctuation.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import { problemCountsPerRealPost } from '../helpers/engine.js';

RuleTester.run(rule, {
  valid: [
    '<p>今年的峰会以“人、地球与繁荣”为主题。</p>',
    { code: 'He said "hello, world" and left: fine? Yes!\n', name: 'Latin-only sentences are not Chinese text' },
    { code: '<p>会议于 08:06 开始，比例 3:2，共 1,000 人。</p>', name: 'times, ratios, digit groups' },
    { code: '<p>网址 https://example.com/搜索?关键词=中文,新闻 可以访问</p>', name: 'bare URL' },
    { code: '[链接](https://a.com/搜索?词=中文,新闻 "中文,标题")\n', name: 'Markdown link destination and title' },
    { code: '```\n以 " 人 " 为\n中文,中文\n```\n', name: 'fenced code' },
    { code: '    中文,中文 " 人 "\n', name: 'indented code' },
    { code: 'Use `中文,中文` and `" 人 "` here.\n', name: 'inline code' },
    { code: '<pre>中文,中文</pre><code>" 人 "</code><script>a="中文,中文"</script><style>/*中文,中文*/</style><textarea>中文,中文</textarea>', name: 'literal elements' },
    { code: '<p title="中文,中文" data-x=" 人 ">x</p><img alt=" &quot;中文&quot; ">', name: 'attribute values' },
    { code: '<p>确保&quot;中文&quot;不会被处理&#34;中文&#34;</p>', name: 'entity quotes' },
    { code: '<p>如果你说 "1+1=1"，这个命题就是假的。</p>', name: 'quotes around no Chinese' },
    { code: '中文;中文\n', name: 'semicolon without a space stays (code-like, as autocorrect)' },
    { code: '中文...中文...\n', name: 'ellipsis' },
    { code: '근면, 검소, 협동은 우리 겨레의 미덕이다.\n', name: 'Korean keeps ASCII punctuation' },
    { code: '说：你好 english. 中文, English\n', name: 'Latin on one side' },
    { code: '---\ntitle: 正常的标题\ndescription: 中文,中文\n---\n正文。\n', name: 'only the title is checked in front matter' },
    { code: '<p>联系 a@b.com,中文 或 @小明,中文 和 #话题,中文</p>', name: 'emails, mentions, tags' },
    { code: '{% raw %}中文,中文{% endraw %} {{ "中文,中文" }}\n', name: 'template tags' },
    // URL-like text (issue 7, item 8): never edited, wherever it stands.
    { code: '<div>\n[链接](#中文,中文?移除!)和[注](https://example.com/x "标题,中文")\n</div>\n', name: 'link destination and title in an HTML block' },
    { code: '<div>\n[注]: https://a.com/中文,中文 "中文,标题"\n</div>\n', name: 'reference definition in an HTML block' },
    { code: '参见https://zh.wikipedia.org/wiki/中文,维基\n', name: 'an IRI glued to Chinese' },
    { code: '<p>联系admin@例子.中国谢谢</p>', name: 'an e-mail address with an internationalised domain' },
    { code: '见https://a.com/x，然后"中文"说\n', name: 'Hexo links a bare URL up to the next space: the quotes are part of its href' },
    { code: '见 https://a.com/x?a="中文"\n', name: 'quotes inside a URL' },
  ],
  invalid: [
    {
      name: 'padded ASCII quotes (ZAKER G20 post)',
      code: '<p>今年的 G20 罗马峰会以 " 人、地球与繁荣 " 为主题。</p>',
      errors: [{ messageId: 'quotes', line: 1, column: 18, endColumn: 29 }],
      output: '<p>今年的 G20 罗马峰会以“人、地球与繁荣”为主题。</p>',
    },
    {
      name: 'quote opening a paragraph, closed at its end (ZAKER Win11 post)',
      code: '<p>以下是方法。</p><p>" 我们最近被告知，该协议正在被滥用。"</p>',
      errors: [{ messageId: 'quotes', line: 1, column: 17 }],
      output: '<p>以下是方法。</p><p>“我们最近被告知，该协议正在被滥用。”</p>',
    },
    {
      name: 'several pairs in one paragraph; padding kept beside Latin',
      code: '<p>分别聚焦 " 气候变化 " 以及 " 可持续发展 " 等议题，HTML " 激活 " 了。</p>',
      errors: [
        { messageId: 'quotes', line: 1, column: 9 },
        { messageId: 'quotes', line: 1, column: 21 },
        { messageId: 'quotes', line: 1, column: 40 },
      ],
      output: '<p>分别聚焦“气候变化”以及“可持续发展”等议题，HTML “激活”了。</p>',
    },
    {
      name: 'half-width marks between Chinese characters',
      code: '<p>蚂蚁疾奔:蚂蚁集团两地上市!你知道吗?</p>',
      errors: [
        { messageId: 'punctuation', line: 1, column: 8, endColumn: 9 },
        { messageId: 'punctuation', line: 1, column: 17 },
        { messageId: 'punctuation', line: 1, column: 22 },
      ],
      output: '<p>蚂蚁疾奔：蚂蚁集团两地上市！你知道吗？</p>',
    },
    {
      name: 'padding after a half-width mark goes; semicolon with a space converts',
      code: '嗨! 你知道嘛? 今天; 明天\n',
      errors: [{ messageId: 'punctuation' }, { messageId: 'punctuation' }, { messageId: 'punctuation', line: 1, column: 12 }],
      output: '嗨！你知道嘛？今天；明天\n',
    },
    {
      name: 'quotes then the comma after them (a second fix pass)',
      code: '你"好",再见.\n',
      errors: [
        { messageId: 'quotes', line: 1, column: 2 },
        { messageId: 'punctuation', line: 1, column: 8 },
      ],
      output: '你“好”，再见。\n',
    },
    {
      name: 'Markdown link text is prose, its destination is not',
      code: '见[中文,中文](https://a.com/中文,中文)。\r\n',
      errors: [{ messageId: 'punctuation', line: 1, column: 5 }],
      output: '见[中文，中文](https://a.com/中文,中文)。\r\n',
    },
    {
      name: 'entities inside a quoted stretch stay',
      code: '<p>以 " 人&amp;地球 " 为主题</p>',
      errors: [{ messageId: 'quotes', line: 1, column: 6 }],
      output: '<p>以“人&amp;地球”为主题</p>',
    },
    {
      name: 'front-matter title, single-quoted (36kr post)',
      code: '\n---\ntitle: \'"养老旅游"机构爆雷\'\ndate: 2021-10-31\n---\n正文。\n',
      errors: [{ messageId: 'title', line: 3, column: 8 }],
      output: '\n---\ntitle: \'“养老旅游”机构爆雷\'\ndate: 2021-10-31\n---\n正文。\n',
    },
    {
      name: 'front-matter title, plain',
      code: '---\ntitle: 中文,中文\n---\n',
      errors: [{ messageId: 'title', line: 2, column: 8 }],
      output: '---\ntitle: 中文，中文\n---\n',
    },
    {
      name: 'quotes never pair across paragraphs',
      code: '第一段 " 引用 " 结束\n\n第二段 " 不配对\n',
      errors: [{ messageId: 'quotes', line: 1, column: 5 }, { messageId: 'unpaired', line: 3, column: 5 }],
      output: '第一段“引用”结束\n\n第二段 " 不配对\n',
    },
    {
      name: 'odd quote count: nothing is paired; quotes beside Chinese are reported without a fix',
      code: '<p>他说 " 中文 " 然后 " 没有结束</p><p>He said "hi</p>',
      errors: [
        { messageId: 'unpaired', line: 1, column: 7 },
        { messageId: 'unpaired', line: 1, column: 12 },
        { messageId: 'unpaired', line: 1, column: 17 },
      ],
      output: null,
    },
    {
      name: 'issue 7: the link text and the prose after it in an HTML block are fixed, the destination is not',
      code: '<div>\n见[中文,中文](#中文,中文?移除!)和说明.\n</div>\n',
      errors: [{ messageId: 'punctuation', line: 2, column: 5 }, { messageId: 'punctuation', line: 2, column: 24 }],
      output: '<div>\n见[中文，中文](#中文,中文?移除!)和说明。\n</div>\n',
    },
    {
      name: 'the space that ends a URL stays when quotes around it are fixed (Hexo would link the ”)',
      code: '他说 " 中文 https://a.com/x " 好\n',
      errors: [{ messageId: 'quotes', line: 1, column: 4, endColumn: 26 }],
      output: '他说“中文 https://a.com/x ”好\n',
    },
    {
      name: 'prose right after an e-mail address',
      code: '联系 admin@example.com谢谢,再见\n',
      errors: [{ messageId: 'punctuation', line: 1, column: 23 }],
      output: '联系 admin@example.com谢谢，再见\n',
    },
    {
      name: 'Jekyll links no bare URL: quotes after one are prose',
      code: '见 https://a.com/x"中文"了\n见https://a.com/x，然后"中文"说\n',
      site: siteWithoutRoot('jekyll'),
      errors: [{ messageId: 'quotes', line: 1, column: 18 }, { messageId: 'quotes', line: 2, column: 20 }],
      output: '见 https://a.com/x“中文”了\n见https://a.com/x，然后“中文”说\n',
    },
    {
      name: 'Hugo links `https://a.com/x"`: the quote it takes is not paired, the other is reported without a fix',
      code: '见 https://a.com/x"中文"了\n',
      site: siteWithoutRoot('hugo'),
      errors: [{ messageId: 'unpaired', line: 1, column: 21 }],
      output: null,
    },
    {
      name: 'a quotation running over two paragraphs (ZAKER Win11 post) is reported, not fixed',
      code: '<p>" 我们最近被告知。</p><p>[ ... ] 目前已经禁用。"</p>',
      errors: [
        { messageId: 'unpaired', line: 1, column: 4 },
        { messageId: 'unpaired', line: 1, column: 36 },
      ],
      output: null,
    },
  ],
});

const realDir = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
const configured = [RuleTester.configure(rule)];

describe('cjk-punctuation on the real corpus', () => {
  // Problems per post: padded ASCII quotes (ZAKER), plain ASCII quotes around Chinese (煎蛋, cnBeta), the 36kr
  // title; and, reported without a fix, odd quote counts: 煎蛋's mixed “放电" (3 in one paragraph), a quotation
  // running over two ZAKER paragraphs, a ZAKER quote split by <strong>.
  const expected: Record<string, number> = {
    '图片/煎蛋/首页/ChromeOS更新源码打错一个符号，笔记本变砖.md': 7,
    '图片/煎蛋/首页/在图灵机模型里发现了一个0day漏洞.md': 9,
    '新媒体/36kr/快讯/"养老旅游"机构博康艾馨爆雷 涉及资金或超10亿.md': 1,
    '新媒体/ZAKER/channel/1+1=1…吧？.md': 9,
    '新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md': 4,
    '新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md': 12,
    '新媒体/cnBeta/最新/"DogWalk"_另一个像Follina一样被微软忽视的MSDT漏洞获得非官方补丁.md': 1,
  };
  it('reports exactly the expected problems per post', () => {
    expect(problemCountsPerRealPost(configured)).toEqual(expected);
  });
  it('fixing leaves no fixable problem and only edits quotes, marks and their padding', () => {
    for (const f of Object.keys(expected)) {
      const text = readFileSync(path.join(realDir, f), 'utf8');
      const { output, messages } = fixText(text, { filePath: f, rules: configured });
      expect(messages.filter((m) => m.fix), f).toEqual([]);
      expect(messages.every((m) => m.message.startsWith('Unpaired')), f).toBe(true);
      expect(output).not.toBe(text);
      // Removing every character the rule may add or drop gives back the original minus the same characters.
      const strip = (s: string) => s.replace(/[ "“”，：；！？。,:;!?.]/g, '');
      expect(strip(output), f).toBe(strip(text));
    }
  });
  it('fixes the ZAKER shapes as the brief shows them', () => {
    const read = (f: string) => fixText(readFileSync(path.join(realDir, f), 'utf8'), { filePath: f, rules: configured }).output;
    expect(read('新媒体/ZAKER/source/G20领导人峰会 习近平提出这一目标.md')).toContain('罗马峰会以“人、地球与繁荣”为主题。');
    const win11 = read('新媒体/ZAKER/channel/微软正式禁用 Win11_10 MSIX AppX 安装器协议链接.md');
    expect(win11).toContain('<p>“我们正在花时间进行彻底的测试');
    expect(win11).toContain('控制其在组织内的使用。”</p>');
    // The quotation spanning two paragraphs keeps its ASCII quotes (reported without a fix).
    expect(win11).toContain('<p>" 我们最近被告知，MSIX');
  });
});
