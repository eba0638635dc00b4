import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { fixText, lintText } from '../../src/engine/linter.js';
import rule from '../../rules/no-escaped-braces.js';
import { describeStableFixes } from '../helpers/stable-fix.js';

RuleTester.run(rule, {
  valid: [
    '<style>.a{color:red}</style>',
    '<script>if (a) { b(); }</script>',
    '<p>a { b } c</p>',
    { code: '<p>"if (x) &#123;"，</p>', name: 'decoded in normal text: renders as {' },
    { code: '<pre><code class="copyable">class A &#123;\n&#125;</code></pre>', name: 'decoded in pre/code' },
    { code: '<textarea>&#123;</textarea>', name: 'decoded in textarea (RCDATA)' },
    { code: '<svg><style>.a&#123;fill:red&#125;</style></svg>', name: 'SVG <style> is not raw text: decoded' },
    { code: '<p>&#123;&#123; x &#125;&#125;</p>', name: 'already escaped template' },
    { code: '```\n{{ x }} {% y %}\n```\n', name: 'fenced code: Hexo escapes it itself' },
    { code: '~~~\n{# c #}\n~~~\n', name: 'tilde fence' },
    { code: 'Write `{{ name }}` here.\n', name: 'inline code is literal for Markdown (not checked)' },
    { code: '<pre>{{ x }}</pre><code>{% y %}</code>', name: 'pre and code are literal regions' },
    { code: '<script>var t = "{{x}}";</script>', name: 'script content is a literal region' },
    { code: '{% raw %}{{ x }} {% y %}{% endraw %} and {%- raw -%}{#{%- endraw %}', name: 'raw blocks' },
    { code: '---\ntitle: "{{ x }}"\n---\nbody\n', name: 'front matter is not rendered by Nunjucks' },
    { code: '```html\n<style>a&#123;b&#125;</style>\n```\n', name: 'a <style> in fenced code is not an element' },
    { code: '    <script>f() &#123; &#125;</script>\n', name: 'a <script> in indented code is not an element' },
    '<style>a&#123 b</style>',
    'a { {b} } { % c',
  ],
  invalid: [
    {
      name: '掘金 style full of escapes',
      code: '<div class="markdown-body"><style>.markdown-body&#123;word-break:break-word;color:#333&#125;.markdown-body h1&#123;font-size:30px&#125;</style><p>x</p></div>',
      errors: [{ messageId: 'rawText', line: 1, column: 49, endColumn: 136 }],
      output: '<div class="markdown-body"><style>.markdown-body{word-break:break-word;color:#333}.markdown-body h1{font-size:30px}</style><p>x</p></div>',
    },
    {
      name: 'every spelling, adjacent ones included',
      code: '<style>\n@media (x) &#x7B;a&#X7d;&#125;\nb&lbrace;c&rbrace;d&lcub;&rcub;e&#0123;&#00125;\n</style>',
      errors: [{ messageId: 'rawText', line: 2, column: 12 }],
      output: '<style>\n@media (x) {a}}\nb{c}d{}e{}\n</style>',
    },
    {
      code: '<script>function f() &#123; return 1; &#125;</script><xmp>&#123;</xmp>',
      errors: [
        { message: '2 escaped brace(s) like "&#123;" in <script> are not decoded there, so the script breaks; fix decodes them' },
        { messageId: 'rawText', column: 59 },
      ],
      output: '<script>function f() { return 1; }</script><xmp>{</xmp>',
    },
    {
      name: 'decoding would write {{: report only',
      code: '<script>var t = "&#123;&#123; name &#125;&#125;";</script>\n<style>a&#123;&#125;{#x</style>',
      errors: [{ messageId: 'rawTextTemplate', line: 1, column: 18 }, { messageId: 'rawTextTemplate', line: 2, column: 9 }],
      output: null,
    },
    {
      name: 'a <style> left open at the end',
      code: 'x<style>a&#123;b&#125;',
      errors: [{ messageId: 'rawText', column: 10 }],
      output: 'x<style>a{b}',
    },
    {
      name: 'a <style> inside <pre> is still raw text',
      code: '<pre><style>a&#123;b&#125;</style></pre>',
      errors: 1,
      output: '<pre><style>a{b}</style></pre>',
    },
    {
      code: '<p>Vue: {{ message }} and {% if x %} and {# c #}</p>',
      errors: [
        { messageId: 'template', column: 9, endColumn: 11 },
        { messageId: 'template', column: 27, endColumn: 29 },
        { messageId: 'template', column: 42, endColumn: 44 },
      ],
      output: '<p>Vue: &#123;{ message }} and &#123;% if x %} and &#123;# c #}</p>',
    },
    {
      name: 'runs of braces: one report, every brace that starts a template escaped',
      code: 'a {{{ b }}} c {{% d',
      errors: [{ messageId: 'template', column: 3, endColumn: 6 }, { messageId: 'template', column: 15, endColumn: 18 }],
      output: 'a &#123;&#123;{ b }}} c &#123;&#123;% d',
    },
    {
      name: 'attributes and Markdown text',
      code: '<a title="{{t}}">x</a>\n\n## Title {#custom-id}\n',
      errors: [{ line: 1, column: 11 }, { line: 3, column: 10 }],
      output: '<a title="&#123;{t}}">x</a>\n\n## Title &#123;#custom-id}\n',
    },
    {
      name: 'an unclosed raw block protects nothing',
      code: '{% raw %} {{ x }}',
      errors: [{ column: 1 }, { column: 11 }],
      output: '&#123;% raw %} &#123;{ x }}',
    },
  ],
});

describe('no-escaped-braces is linear', () => {
  const configured = [RuleTester.configure(rule)];
  it('on a megabyte of braces and of unclosed raw tags', () => {
    const t = Date.now();
    expect(lintText(`<p>${'{'.repeat(1_000_000)}</p>`, { rules: configured }).length).toBe(1);
    expect(lintText('{% raw %}'.repeat(100_000), { rules: configured }).length).toBe(100_000);
    expect(lintText(`<style>${'&#123;'.repeat(200_000)}</style>`, { rules: configured }).length).toBe(1);
    expect(Date.now() - t).toBeLessThan(20_000); // quadratic would take hours
  }, 60_000);
});

describe('no-escaped-braces on the real posts', () => {
  const root = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const configured = [RuleTester.configure(rule)];
  it('掘金 electron post: the <style> is decoded, the <pre><code> JS is left as written', () => {
    const filePath = path.join(root, '编程/掘金/分类/electron集成sqlite3  MVC封装使用.md');
    const text = readFileSync(filePath, 'utf8');
    const messages = lintText(text, { filePath, rules: configured });
    expect(messages.length).toBe(1);
    expect(messages[0].message).toMatch(/^74 escaped brace\(s\) like "&#123;" in <style>/);
    const { output } = fixText(text, { filePath, rules: configured });
    expect(lintText(output, { filePath, rules: configured })).toEqual([]);
    expect((output.match(/&#12[35];/g) ?? []).length).toBe(160 - 74);
    expect(output.length).toBe(text.length - 74 * 5);
    expect(output).toContain('<style>.markdown-body{word-break:break-word;');
    expect(output).toContain('<pre><code class="copyable">class UserListTable &#123;');
  });
  it('煎蛋 post: an escape in a paragraph renders fine, nothing reported', () => {
    const filePath = path.join(root, '图片/煎蛋/首页/ChromeOS更新源码打错一个符号，笔记本变砖.md');
    expect(lintText(readFileSync(filePath, 'utf8'), { filePath, rules: configured })).toEqual([]);
  });
});

describeStableFixes(rule);
