import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/rule-tester.js';
import { siteWithoutRoot } from '../../src/generators/index.js';
import rule from '../../rules/suspicious-title.js';

const fm = (body: string) => `---\n${body}\n---\nbody\n`;

RuleTester.run(rule, {
  valid: [
    fm("title: 'CUE!｜CUE'"),
    fm("title: '10月制造业PMI为49.2'"),
    fm("title: '第1话 - 4点44分的仪式'"),
    fm("title: '1+1=1…吧？'"),
    fm("title: '2021 年度回顾'"),
    fm('title: 3.14'),
    fm("title: ''"),
    fm('title:'),
    fm('title: [a, b]'),
    fm('author: 123\nsubtitle: a -'),
    'no front matter: 123\n',
    { code: fm('title: t') + '\n```\ntitle: 123\n```\n', name: 'only the front matter title is read' },
    { code: fm("title: 'Title -'"), options: { separators: '|' }, name: 'separators option' },
  ],
  invalid: [
    {
      name: 'the real corpus shape: a quoted number',
      code: "\n---\ntitle: '123'\ncategories: \n - a\n---\n",
      errors: [{ messageId: 'digits', message: 'Title "123" is only a number: the importer probably lost the real title', line: 3, column: 8, endColumn: 13 }],
      output: null,
    },
    { code: fm('title: 2021'), errors: [{ messageId: 'digits', line: 2, column: 8 }], output: null, name: 'a YAML integer title' },
    { code: fm("title: '２０２１'"), errors: [{ messageId: 'digits' }], output: null, name: 'full-width digits' },
    { code: fm("title: 'RE-MAIN｜'"), errors: [{ messageId: 'separator', message: 'Title "RE-MAIN｜" ends in "｜": the importer probably cut it after a separator' }], output: null },
    { code: fm("title: 'Title -'"), errors: [{ messageId: 'separator' }], output: null },
    { code: fm('title: Title |'), errors: [{ messageId: 'separator' }], output: null },
    { code: fm("title: '标题：'"), errors: [{ messageId: 'separator' }], output: null },
    { code: fm("title: 'Win11_'"), errors: [{ messageId: 'separator' }], output: null, name: 'the importer turns / : ? | into _' },
    { code: fm("title: 'Title — '"), errors: [{ messageId: 'separator', message: /ends in "—"/ }], output: null, name: 'trailing space after the separator' },
    { code: fm("title: 'Title ~'"), options: { separators: '~' }, errors: [{ messageId: 'separator' }], output: null, name: 'custom separators' },
    { code: fm("title: '12'\ntitle: 'a:'"), site: siteWithoutRoot('jekyll'), errors: [{ line: 2, messageId: 'digits' }, { line: 3, messageId: 'separator' }], output: null, name: 'every title entry (Jekyll reads a repeated key)' },
  ],
});

describe('suspicious-title on the real corpus', () => {
  const root = path.resolve(import.meta.dirname, '../../fixtures/real/_posts');
  const warned: Record<string, string> = {
    '新媒体/人人都是产品经理/天天问/123.md': 'digits',
    '编程/ACM/图灵奖获得者/2021.md': 'digits',
    '二次元/Bangumi/放送列表/RE-MAIN｜.md': 'separator',
  };
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : n.endsWith('.md') ? [path.join(dir, n)] : []));
  const posts = walk(root).map((f) => ({ code: readFileSync(f, 'utf8'), filePath: f, name: path.relative(root, f) }));
  it('is a warning in newslint:recommended, over 27 posts', () => {
    expect(rule.meta.severity).toBe('warn');
    expect(posts.length).toBe(27);
  });
  // it warns once on each of three posts, and says nothing about the other 24
  RuleTester.run(rule, {
    valid: posts.filter((p) => !warned[p.name]),
    invalid: posts.filter((p) => warned[p.name]).map((p) => ({ ...p, errors: [{ messageId: warned[p.name], line: 3, column: 8 }], output: null })),
  });
});
