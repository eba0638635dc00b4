import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/cjk-spacing.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import { problemCountsPerRealPost } from '../helpers/engine.js';

RuleTester.run(rule, {
  valid: [
    '在 LeanCloud 上，数据存储是围绕 `AVObject` 进行的。\n',
    '<p>刚刚买了一部 iPhone，好开心！新 MacBook Pro 有 15% 的 CPU 性能提升。</p>',
    { code: '<p>会议于3月10日开始，2020 年1月1日0天0号，4点44分。</p>', name: "dates stay as written by default ('tight')" },
    { code: '请打开 URL 地址 https://google.com/这是URL文件名.html 访问\n', name: 'bare URL' },
    { code: '访问https://example.com/a中文b或www.example.com/中文abc\n', name: 'URLs touching Chinese are not spaced' },
    { code: '联系a.b@example.com或@某某人，话题#标签#演示\n', name: 'emails, @mentions, #tags' },
    { code: 'wiki/网页浏览器列表#基於WebKit排版引擎 与 /wiki/hello网页浏览器 和 foo-bar_01#copy测试\n', name: 'paths and anchors' },
    { code: 'Web/CSS/网格-模板-列 ch04-01-what-is-ownership.html#只在堆疊上的資料拷貝copy\n', name: 'more paths' },
    { code: '<p>中文&lt; &amp; &gt;中文 😉 &nbsp;中文</p>', name: 'entities' },
    { code: '```\n代码里的中文abc不改\n```\n', name: 'fenced code' },
    { code: '    代码里的中文abc不改\n', name: 'indented code' },
    { code: '<pre>中文abc</pre><code>中文abc</code><script>//中文abc</script><style>/*中文abc*/</style><textarea>中文abc</textarea>', name: 'literal elements' },
    { code: '<img alt="中文abc" src="a中文b.png"><p title="中文1">x</p>', name: 'attribute values' },
    { code: '见[文档](docs/中文abc.md "标题abc")。\n', name: 'Markdown link destination and title' },
    { code: '---\ntitle: 中文abc\n---\n', name: 'front matter is not running text' },
    { code: '**中文**abc __中文__1 ## 什么是 Vue？\n', name: 'Markdown syntax characters stand between: no space added' },
    { code: '| 8 位有符号整数。   |\n| 64 位浮点数（例如：10.90）| `double` |\n', name: 'tables' },
    { code: '将静态的 HTML “激活” (hydrate) 为\n', name: 'spaces around “…” are left as written' },
    { code: '`代码第1行\n代码第2行`\n', name: 'unbalanced backticks: the lines may be code' },
    { code: '{{ title }}或者{% raw %}abc中文{% endraw %}<%= x %>中文${a}中文\n', name: 'template tags' },
    { code: '内容带有%s或%d或$1特殊字符，search by%关键词%\n', name: 'format specifiers and $1' },
    { code: 'Hello<a href="#">制作了一个视频</a>World\n', name: 'element boundaries are not judged' },
    { code: '中文\n\nabc 中文\nabc\n', name: 'line breaks are not spaces to add' },
    { code: 'HashTag 的演示#标签#演示 和 icon+字段\n', name: 'a lone + joining words' },
    { code: 'A rise of 15 % and 90 ° in English.\n', name: 'number and unit outside Chinese text' },
    // URL-like text (issue 7, item 8): never edited, wherever it stands.
    { code: '<div>\n见[带有 debounce 的 v-model](#带有-debounce-的-v-model移除)和说明\n</div>\n', name: 'link destination in an HTML block (micromark reads no Markdown there)' },
    { code: '<p>见[说明](docs/中文abc.md)和[带有 v-model](#带有-v-model移除)</p>\n', name: 'link destinations on a line that starts with <p>' },
    { code: '<div>\n![图片](images/中文abc.png "标题abc")和<br>[链接](<中文 abc.md> \'标题abc\')\n</div>\n', name: 'image destination, <…> destination and titles in an HTML block' },
    { code: '[参考]: docs/中文abc.md "标题abc"\n\n<div>\n[参考二]: 中文abc.html (标题abc)\n</div>\n', name: 'reference definitions, in Markdown and in an HTML block' },
    { code: '参见https://zh.wikipedia.org/wiki/中文维基百科abc了解\n', name: 'an IRI: CJK in its path, prose glued after it' },
    { code: '<div>\n见 https://example.com/搜索?q=中文abc&n=1 或 https://example.com/%E4%B8%AD%E6%96%87abc中文。\n</div>\n', name: 'CJK query, percent-encoding, in an HTML block' },
    { code: '见<https://example.com/中文abc>了解\n\n<div>\n见<https://example.com/中文abc>了解\n</div>\n', name: 'autolinks, in a paragraph and in an HTML block (tags to parse5)' },
    { code: '访问www.example.com/中文abc了解或 www.example.com/搜索abc。\n', name: 'www. hosts' },
    { code: '联系我admin@example.com谢谢，或 admin@例子.中国abc\n', name: 'e-mail addresses, one with an internationalised domain' },
    { code: '<a href="https://a.com/中文abc" title="标题abc">链接</a>\n', name: 'HTML attributes are never running text' },
    { code: '见https://a.com/中文，然后abc了解\n', name: 'Hexo links a bare URL up to the next space: the prose after `，` is part of its href' },
  ],
  invalid: [
    {
      name: 'Latin word inside Chinese',
      code: '部署到heroku有问题\n',
      errors: [
        { messageId: 'missing', line: 1, column: 3, endColumn: 5 },
        { messageId: 'missing', line: 1, column: 9, endColumn: 11 },
      ],
      output: '部署到 heroku 有问题\n',
    },
    {
      name: 'Greek and other letters (pangu)',
      code: '中文β漢字，我是α\n',
      errors: 3,
      output: '中文 β 漢字，我是 α\n',
    },
    {
      name: 'numbers with %, C++, 2+, Yahoo!',
      code: '对比C++的差别，结果有2+差别，0.1%或更少，来自Yahoo!的文档\n',
      errors: 7,
      output: '对比 C++ 的差别，结果有 2+ 差别，0.1% 或更少，来自 Yahoo! 的文档\n',
    },
    {
      name: 'signed numbers',
      code: '值范围-255或+255之间\n',
      errors: 4,
      output: '值范围 -255 或 +255 之间\n',
    },
    {
      name: 'spaces beside full-width punctuation',
      code: '刚刚买了一部 iPhone ，好开心！以达到快速、 跨平台 、 低资源占用的目的 。\n',
      errors: [
        { messageId: 'extra', line: 1, column: 14, endColumn: 15 },
        { messageId: 'extra', line: 1, column: 26 },
        { messageId: 'extra', line: 1, column: 30 },
        { messageId: 'extra', line: 1, column: 32 },
        { messageId: 'extra', line: 1, column: 41 },
      ],
      output: '刚刚买了一部 iPhone，好开心！以达到快速、跨平台、低资源占用的目的。\n',
    },
    {
      name: 'space between a number and %/° in Chinese text (guideline)',
      code: '新 MacBook Pro 有 15 % 的提升，角度为 90 ° 的角\n',
      errors: [
        { messageId: 'unit', line: 1, column: 19, endColumn: 20 },
        { messageId: 'unit', line: 1, column: 32, endColumn: 33 },
      ],
      output: '新 MacBook Pro 有 15% 的提升，角度为 90° 的角\n',
    },
    {
      name: 'inline code stands like a word',
      code: '行内`code`代码，测试测试， `code` 测试\n',
      errors: [{ messageId: 'missing', line: 1, column: 2 }, { messageId: 'missing', line: 1, column: 8 }, { messageId: 'extra', line: 1, column: 17 }],
      output: '行内 `code` 代码，测试测试，`code` 测试\n',
    },
    {
      name: "dates: 'spaced' writes 3 月 10 日 (autocorrect)",
      code: '于3月10日开始\n',
      options: { dates: 'spaced' },
      errors: 4,
      output: '于 3 月 10 日开始\n',
    },
    {
      name: "dates: 'tight' leaves the date, spaces the rest",
      code: '于3月10日在Ubuntu上发布2.0版\n',
      errors: 4,
      output: '于3月10日在 Ubuntu 上发布 2.0 版\n',
    },
    {
      name: 'HTML text nodes with entities, CRLF',
      code: '<p>中文abc&amp;中文</p>\r\n<p>第二行Rust를</p>\r\n',
      errors: [{ messageId: 'missing', line: 1, column: 5 }, { messageId: 'missing', line: 2, column: 6 }, { messageId: 'missing', line: 2, column: 10 }],
      output: '<p>中文 abc&amp;中文</p>\r\n<p>第二行 Rust 를</p>\r\n',
    },
    {
      name: 'Markdown link text is prose',
      code: '详见[自定义Vue指令](custom-directive.html)。\n',
      errors: 2,
      output: '详见[自定义 Vue 指令](custom-directive.html)。\n',
    },
    {
      name: 'issue 7: the link text in an HTML block is spaced, its destination is not',
      code: '<div>\n见[带有debounce的v-model](#带有-debounce-的-v-model移除)和说明\n</div>\n',
      errors: [
        { messageId: 'missing', line: 2, column: 4, endColumn: 6 },
        { messageId: 'missing', line: 2, column: 12, endColumn: 14 },
        { messageId: 'missing', line: 2, column: 13, endColumn: 15 },
      ],
      output: '<div>\n见[带有 debounce 的 v-model](#带有-debounce-的-v-model移除)和说明\n</div>\n',
    },
    {
      name: 'prose after an image and its title in an HTML block',
      code: '<div>\n![图片](images/中文abc.png "标题abc")用Vue写\n</div>\n',
      errors: [{ messageId: 'missing', line: 2, column: 32 }, { messageId: 'missing', line: 2, column: 35 }],
      output: '<div>\n![图片](images/中文abc.png "标题abc")用 Vue 写\n</div>\n',
    },
    {
      name: 'prose after a reference definition in an HTML block',
      code: '<div>\n[参考]: 中文abc.html "标题abc"\n用Vue写\n</div>\n',
      errors: [{ messageId: 'missing', line: 3, column: 1 }, { messageId: 'missing', line: 3, column: 4 }],
      output: '<div>\n[参考]: 中文abc.html "标题abc"\n用 Vue 写\n</div>\n',
    },
    {
      name: 'prose after a URL and an e-mail address',
      code: '访问 https://example.com/搜索?q=中文abc 后，点击Start按钮\n联系我admin@example.com谢谢，或者用QQ联系\n',
      errors: [
        { messageId: 'missing', line: 1, column: 38 },
        { messageId: 'missing', line: 1, column: 43 },
        { messageId: 'missing', line: 2, column: 26 },
        { messageId: 'missing', line: 2, column: 28 },
      ],
      output: '访问 https://example.com/搜索?q=中文abc 后，点击 Start 按钮\n联系我admin@example.com谢谢，或者用 QQ 联系\n',
    },
    {
      name: 'Hugo links a bare URL only over ASCII after a space: the prose after `，` is prose',
      code: '见https://a.com/中文，然后abc了解\n',
      site: siteWithoutRoot('hugo'),
      errors: [{ messageId: 'missing', line: 1, column: 20 }, { messageId: 'missing', line: 1, column: 23 }],
      output: '见https://a.com/中文，然后 abc 了解\n',
    },
    {
      name: 'Jekyll links no bare URL: likewise',
      code: '见https://a.com/中文，然后abc了解\n',
      site: siteWithoutRoot('jekyll'),
      errors: 2,
      output: '见https://a.com/中文，然后 abc 了解\n',
    },
  ],
});

const realDir = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
const configured = [RuleTester.configure(rule)];

describe('cjk-spacing on the real corpus', () => {
  // cnBeta, 煎蛋, 36kr, 人人都是产品经理 and 掘金 write `禁用MSDT的`; IT 之家 and ZAKER already space (`IT 之家 2 月 5 日`).
  const expected: Record<string, number> = {
    '图片/煎蛋/首页/ChromeOS更新源码打错一个符号，笔记本变砖.md': 27,
    '图片/煎蛋/首页/在图灵机模型里发现了一个0day漏洞.md': 19,
    '新媒体/36kr/快讯/"养老旅游"机构博康艾馨爆雷 涉及资金或超10亿.md': 2,
    '新媒体/36kr/快讯/10月制造业PMI为492.md': 6,
    '新媒体/IT 之家/热榜/安全人员发现新型恶意软件，文件伪装成 Windows 激活工具并可绕过系统保护.md': 2,
    '新媒体/ZAKER/channel/1+1=1…吧？.md': 3,
    '新媒体/cnBeta/最新/"DogWalk"_另一个像Follina一样被微软忽视的MSDT漏洞获得非官方补丁.md': 30,
    '新媒体/cnBeta/最新/%secretclub%power：专家发现又一能禁用iPhone无线连接的SSID.md': 2,
    '新媒体/cnBeta/最新/(RED)发视频庆祝与苹果合作15周年.md': 14,
    '新媒体/人人都是产品经理/最新文章/B端决策类产品｜任务中断回溯设计.md': 17,
    '编程/Dockone/周报/Vineyard 加入 CNCF Sandbox，将继续瞄准云原生大数据分析领域.md': 1,
    '编程/掘金/分类/electron集成sqlite3  MVC封装使用.md': 7,
  };
  it('reports exactly the expected problems per post', () => {
    expect(problemCountsPerRealPost(configured)).toEqual(expected);
  });
  it('fixing changes only spaces and leaves no fixable problem', () => {
    for (const f of Object.keys(expected)) {
      const text = readFileSync(path.join(realDir, f), 'utf8');
      const { output, messages } = fixText(text, { filePath: f, rules: configured });
      expect(messages.filter((m) => m.fix), f).toEqual([]);
      expect(output).not.toBe(text);
      expect(output.replace(/ /g, ''), f).toBe(text.replace(/ /g, ''));
    }
  });
  it('leaves code and attributes of the real posts alone', () => {
    const f = '编程/掘金/分类/electron集成sqlite3  MVC封装使用.md';
    const text = readFileSync(path.join(realDir, f), 'utf8');
    const { output } = fixText(text, { filePath: f, rules: configured });
    const pre = (s: string) => s.match(/<pre[\s\S]*?<\/pre>/g);
    expect(pre(output)).toEqual(pre(text));
    expect(output).toContain('二：封装 sql 方法');
  });
});
