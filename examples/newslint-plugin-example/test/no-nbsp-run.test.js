// The rule's tests, with node's own test runner (`npm test`): RuleTester checks each invalid case's problems
// (message, line, column), its fixed output, and that fixing the output again changes nothing.
import { describe, it } from 'node:test';
import { RuleTester } from 'newslint/rule-tester';
import rule from '../rules/no-nbsp-run.js';

RuleTester.describe = describe;
RuleTester.it = it;

RuleTester.run(rule, {
  valid: [
    'One&nbsp;space is fine.\n',
    'No non-breaking space at all.\n',
    'Inline `a&nbsp;&nbsp;b` code is left alone.\n',
    '<pre>a&nbsp;&nbsp;&nbsp;b</pre>\n',
    '---\ntitle: "a\u00a0\u00a0b"\n---\nThe front matter is not the body.\n',
    { code: 'Two&nbsp;&nbsp;pass with min 3.\n', options: { min: 3 } },
  ],
  invalid: [
    {
      code: 'Hello&nbsp;&nbsp;&nbsp;world.\n',
      errors: [{ messageId: 'run', message: 'A run of 3 non-breaking spaces: write one space', line: 1, column: 6, endLine: 1, endColumn: 24 }],
      output: 'Hello world.\n',
    },
    {
      code: '---\ntitle: t\n---\nA\u00a0\u00a0b and c&#160; &#xA0;d\n',
      errors: [
        { message: 'A run of 2 non-breaking spaces: write one space', line: 4, column: 2 },
        { message: 'A run of 2 non-breaking spaces: write one space', line: 4, column: 11 },
      ],
      output: '---\ntitle: t\n---\nA b and c d\n',
    },
    {
      code: '<p>x&NBSP;&nbsp;&nbsp;y</p>\n',
      options: { min: 3 },
      errors: [{ messageId: 'run', line: 1, column: 5 }],
      output: '<p>x y</p>\n',
    },
  ],
});
