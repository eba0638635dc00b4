// The JUnit report is parsed back with fast-xml-parser (after XMLValidator accepts it) and compared with the
// results: suites, counts, testcases, failure attributes, whatever the content holds.
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { summarize, type FileResult } from '../../src/api.js';
import { formatResults } from '../../src/formatters/index.js';
import type { LintMessage } from '../../src/types.js';

const CWD = '/site';
const ctx = { cwd: CWD, color: false, rulesMeta: {} };
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

/* eslint-disable @typescript-eslint/no-explicit-any */
function junit(results: FileResult[]): any[] {
  const xml = formatResults('junit', results, ctx);
  expect(XMLValidator.validate(xml)).toBe(true);
  // XML 1.0 has no place for these, escaped or not (fast-xml-parser's validator does not look)
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&#x?0*([0-8bcef]|1[0-9a-f]);|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/i);
  const doc = parser.parse(xml);
  expect(doc.testsuites.name).toBe('newslint');
  return doc.testsuites.testsuite ?? [];
}

const msg = (over: Partial<LintMessage> = {}): LintMessage => ({ ruleId: 'image-alt', severity: 2, message: 'Image has no alt text', line: 3, column: 2, ...over });

/** What survives XML 1.0: lone surrogates become U+FFFD, C0 controls other than tab, CR, LF a visible \uXXXX. */
const xmlSafe = (s: string) =>
  s
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('junit', () => {
  it('one suite per file, one failing testcase per problem, a passing testcase for a clean file', () => {
    const suites = junit([
      summarize(path.join(CWD, 'posts/a.md'), [msg(), msg({ ruleId: 'date-format', severity: 1, message: 'bad date', line: 7, column: 9 })]),
      summarize(path.join(CWD, 'clean.md'), []),
      summarize(path.join(CWD, 'broken.md'), [msg({ ruleId: null, fatal: true, message: 'cannot parse', line: 1, column: 1 })]),
    ]);
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
      ['posts/a.md', '2', '2', '0'],
      ['clean.md', '1', '0', '0'],
      ['broken.md', '1', '0', '1'],
    ]);
    const [a, clean, broken] = suites;
    expect(a.testcase.map((t: any) => [t.classname, t.name, t.failure.type, t.failure.message])).toEqual([
      ['posts/a.md', 'image-alt 3:2', 'error', 'Image has no alt text'],
      ['posts/a.md', 'date-format 7:9', 'warning', 'bad date'],
    ]);
    expect(a.testcase[1].failure['#text']).toContain('bad date');
    expect(clean.testcase).toHaveLength(1);
    expect(clean.testcase[0].failure).toBeUndefined();
    expect(broken.testcase[0].error.message).toBe('cannot parse');
  });

  it('an empty run is a valid document with no suite', () => {
    expect(junit([])).toEqual([]);
  });

  it('hostile content and file names come back exactly (or as their XML-safe stand-ins)', () => {
    const evil = ['<b>&amp;</b> ]]> "dq" \'sq\'', 'line\nbreak\r\nand\ttab', '\u0000nul \u0008bs \u001b[2J \u000b', 'lone \ud800 and \udc00', '\u0085nel \u202e bidi \u2028 ls', '<![CDATA[x]]><!-- c -->', '&#0; &lt;'];
    const results = evil.map((e, i) => summarize(path.join(CWD, `${e} ${i}.md`), [msg({ message: e, ruleId: `r<${i}>` })]));
    const suites = junit(results);
    expect(suites).toHaveLength(evil.length);
    suites.forEach((s, i) => {
      expect(s.name).toBe(xmlSafe(`${evil[i]} ${i}.md`));
      expect(s.testcase[0].classname).toBe(s.name);
      expect(s.testcase[0].name).toBe(`r<${i}> 3:2`);
      expect(s.testcase[0].failure.message).toBe(xmlSafe(evil[i]));
      expect(s.testcase[0].failure['#text']).toContain(xmlSafe(evil[i]));
    });
  });
});
