import { RuleTester } from '../../src/rule-tester.js';
import rule from '../../rules/no-empty-paragraph.js';

RuleTester.run(rule, {
  valid: [
    '<p>text</p>',
    '<p><img src="a.png" alt="a"></p>',
    '<p><iframe src="https://example.com/v"></iframe></p>',
    '<p><video src="v.mp4"></video></p>',
    '<p><!-- kept --></p>',
    '<p>&nbsp;x</p>',
    { code: '```\n<p></p>\n```\n', name: 'fenced code is literal' },
    { code: 'Use `<p></p>` to break.\n', name: 'inline code is literal' },
    { code: '<pre><p></p></pre>\n', name: 'inside pre' },
    { code: '    <p></p>\n', name: 'indented code is literal' },
  ],
  invalid: [
    {
      code: 'a\n<p></p>\nb\n',
      errors: [{ messageId: 'empty', line: 2, column: 1, endLine: 2, endColumn: 8 }],
      output: 'a\nb\n',
    },
    {
      code: 'x<p> </p>y<P class="c">&nbsp;\u3000\u200b</P>z',
      errors: [{ line: 1, column: 2 }, { line: 1, column: 11 }],
      output: 'xyz',
    },
    { code: '<div><p><br></p><p><br/> <br></p></div>', errors: 2, output: '<div></div>' },
    {
      code: '\n---\ntitle: t\n---\r\n\r\n<p></p>\r\n<p>keep</p>\r\n',
      errors: [{ line: 6, column: 1 }],
      output: '\n---\ntitle: t\n---\r\n\r\n<p>keep</p>\r\n',
    },
  ],
});
